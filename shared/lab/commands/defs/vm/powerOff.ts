// Power off (vm.powerOff).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { forgetDek } from '../../../services/keyCache'
import { vmHost } from '../../../services/vmEncryption'
import { requireVm } from '../../checks'
import { defineCommand, name } from '../../define'

export const vmPowerOff = defineCommand('vm.powerOff', {
  args: { name },
  narration: ['fault.alreadyOff', 'vm.poweredOff'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (vm.power !== 'poweredOn') throw fault('InvalidPowerState', 'fault.alreadyOff', { vm: vm.name })
  },
  async run(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    let host = vmHost(ctx, vm)
    ctx.tx.update(vm, (d) => {
      d.power = 'poweredOff'
      d.memory.guest = null
    })
    host = ctx.tx.update(host, (h) => void (h.memory.runningVms = h.memory.runningVms.filter((n) => n !== vm.name)))
    say(ctx, 'vm.state', host.id, vm.id, 'vm.poweredOff', { vm: vm.name, host: host.name })
    forgetDek(ctx, host, vm.name)
  }
})

