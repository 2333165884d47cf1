// Turn off Fault Tolerance (vm.turnOffFaultTolerance): vCenter deletes the secondary VM (docs/vsphere-facts.md#f-ft).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { requireVm } from '../../checks'
import { defineCommand, name } from '../../define'

export const vmTurnOffFaultTolerance = defineCommand('vm.turnOffFaultTolerance', {
  args: { name },
  narration: ['fault.ft.notOn', 'ft.off'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (!vm.ftSecondary) throw fault('InvalidState', 'fault.ft.notOn', { vm: vm.name })
  },
  async run(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    const host = vm.ftSecondary?.host ?? ''
    ctx.tx.update(vm, (d) => void delete d.ftSecondary)
    say(ctx, 'vm.state', 'vcenter', vm.id, 'ft.off', { vm: vm.name, host })
  }
})
