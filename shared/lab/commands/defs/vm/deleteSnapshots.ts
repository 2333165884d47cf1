// Delete snapshots (vm.deleteSnapshots).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { datastoreOf, writeFiles } from '../../../services/datastore'
import { vmHost } from '../../../services/vmEncryption'
import { writeVmx } from '../../../services/vmFiles'
import { requireNotLocked, requireVm } from '../../checks'
import { defineCommand, name } from '../../define'

export const vmDeleteSnapshots = defineCommand('vm.deleteSnapshots', {
  args: { name },
  narration: ['fault.noSnapshots', 'vm.snapshots.deleted'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (!vm.snapshots.length) throw fault('InvalidVmConfig', 'fault.noSnapshots', { vm: vm.name })
    requireNotLocked(vm)
  },
  async run(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    const ds = datastoreOf(ctx, vm)
    const remove = vm.snapshots.flatMap((s) => [s.vmsn, s.deltaDescriptor, s.deltaData])
    writeFiles(ctx, ds, {}, remove)
    const next = ctx.tx.update(vm, (d) => {
      d.snapshots = []
      d.persisted.files = d.persisted.files.filter((f) => !remove.includes(f))
    })
    // Deleting all snapshots consolidates: the VM runs on its base disk again, and the .vmx says so.
    writeVmx(ctx, next)
    say(ctx, 'file.delete', vmHost(ctx, vm).id, ds.id, 'vm.snapshots.deleted', { vm: vm.name, count: vm.snapshots.length })
  }
})

