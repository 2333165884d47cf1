// Make default provider (provider.setDefault).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { VCENTER_ID } from '../../../model'
import { requireProvider } from '../../../services/kmsSession'
import { requireVcenterRunning, vcenter } from '../../../services/vcenterKeys'
import { defineCommand, name } from '../../define'

export const providerSetDefault = defineCommand('provider.setDefault', {
  args: { name },
  narration: ['fault.providerAlreadyDefault', 'provider.default'],
  check(ctx, cmd) {
    const vc = requireVcenterRunning(ctx)
    requireProvider(vc, cmd.name)
    if (vc.persisted.defaultProvider === cmd.name) throw fault('InvalidState', 'fault.providerAlreadyDefault', { provider: cmd.name })
  },
  async run(ctx, cmd) {
    ctx.tx.update(vcenter(ctx), (v) => void (v.persisted.defaultProvider = cmd.name))
    say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, 'provider.default', { provider: cmd.name })
  }
})

