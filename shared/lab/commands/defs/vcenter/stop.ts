// Stop vCenter (vcenter.stop).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { VCENTER_ID } from '../../../model'
import { vcenter } from '../../../services/vcenterKeys'
import { defineCommand } from '../../define'

export const vcenterStop = defineCommand('vcenter.stop', {
  args: {},
  narration: ['fault.vcenter.alreadyStopped', 'vcenter.stopped'],
  check(ctx) {
    if (!vcenter(ctx).running) throw fault('InvalidState', 'fault.vcenter.alreadyStopped')
  },
  async run(ctx) {
    ctx.tx.update(vcenter(ctx), (v) => {
      v.running = false
      v.memory.connections = []
      v.memory.keysInFlight = []
    })
    say(ctx, 'component', VCENTER_ID, VCENTER_ID, 'vcenter.stopped')
  }
})

