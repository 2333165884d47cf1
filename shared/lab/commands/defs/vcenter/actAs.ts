// Act as user (vcenter.actAs): the user whose privileges vCenter checks from now on — an administrator, or an
// operator with the No cryptography administrator role (docs/vsphere-facts.md#f-privileges).

import { z } from 'zod'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { VCENTER_ID } from '../../../model'
import { ADMINISTRATOR_USER } from '../../../services/vcenterSetup'
import { requireVcenterRunning, vcenter } from '../../../services/vcenterKeys'
import { defineCommand, user } from '../../define'
import { roles } from '../../../services/privileges'

export const OPERATOR_USER = 'operator@vsphere.local'

export const vcenterActAs = defineCommand('vcenter.actAs', {
  args: { role: z.enum(roles), user: user.optional() },
  narration: ['vcenter.actAs', 'fault.actAs.same', 'vcenter.actAs.noCryptoAdmin'],
  check(ctx, cmd) {
    const { session } = requireVcenterRunning(ctx).persisted
    const next = cmd.user ?? (cmd.role === 'administrator' ? ADMINISTRATOR_USER : OPERATOR_USER)
    if (session.role === cmd.role && session.user === next)
      throw fault('InvalidArgument', 'fault.actAs.same', { user: next, role: { id: `role.${cmd.role}`, params: {} } })
  },
  async run(ctx, cmd) {
    const next = { user: cmd.user ?? (cmd.role === 'administrator' ? ADMINISTRATOR_USER : OPERATOR_USER), role: cmd.role }
    ctx.tx.update(vcenter(ctx), (v) => void (v.persisted.session = next))
    say(ctx, 'command', VCENTER_ID, VCENTER_ID, 'vcenter.actAs', { user: next.user, role: { id: `role.${next.role}`, params: {} } })
    if (next.role === 'noCryptoAdmin') say(ctx, 'command', VCENTER_ID, VCENTER_ID, 'vcenter.actAs.noCryptoAdmin')
  }
})
