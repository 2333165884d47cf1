// Start vCenter (vcenter.start).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { VCENTER_ID } from '../../../model'
import { restoreHostKey } from '../../../services/hostCrypto'
import { vcenter } from '../../../services/vcenterKeys'
import { defineCommand } from '../../define'

export const vcenterStart = defineCommand('vcenter.start', {
  args: {},
  narration: ['fault.vcenter.alreadyRunning', 'vcenter.started', 'host.reconnect.vcenterBack'],
  check(ctx) {
    if (vcenter(ctx).running) throw fault('InvalidState', 'fault.vcenter.alreadyRunning')
  },
  async run(ctx) {
    ctx.tx.update(vcenter(ctx), (v) => void (v.running = true))
    say(ctx, 'component', VCENTER_ID, VCENTER_ID, 'vcenter.started')
    for (const host of ctx.tx.all('host')) {
      say(ctx, 'host.state', host.id, VCENTER_ID, 'host.reconnect.vcenterBack', { host: host.name })
      await restoreHostKey(ctx, host)
    }
  }
})

