// Add key provider (provider.add).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { VCENTER_ID } from '../../../model'
import { requireVcenterRunning, vcenter } from '../../../services/vcenterKeys'
import { statusCheck } from './steps'
import { defineCommand, name } from '../../define'

export const providerAdd = defineCommand('provider.add', {
  args: { name },
  narration: ['fault.providerExists', 'provider.added', 'provider.default'],
  check(ctx, cmd) {
    const vc = requireVcenterRunning(ctx)
    if (vc.persisted.providers[cmd.name]) throw fault('AlreadyExists', 'fault.providerExists', { provider: cmd.name })
  },
  async run(ctx, cmd) {
    const first = vcenter(ctx).persisted.defaultProvider === null
    ctx.tx.update(vcenter(ctx), (v) => {
      v.persisted.providers[cmd.name] = {
        name: cmd.name,
        trust: { mode: null, trustedKmsCaPem: null, clientCertificate: null, servers: {} }
      }
      if (first) v.persisted.defaultProvider = cmd.name
    })
    say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, 'provider.added', { provider: cmd.name })
    if (first) say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, 'provider.default', { provider: cmd.name })
    await statusCheck(ctx, cmd.name)
  }
})

