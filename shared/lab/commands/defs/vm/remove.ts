// Delete from disk (vm.remove): vCenter deletes a powered-off VM's files from the datastore and forgets it. Its KEK
// stays in the KMS, as vCenter never deletes keys (docs/vsphere-facts.md#removal-keeps-keys); a locked VM cannot
// be deleted (docs/vsphere-facts.md#locked-vm-delete).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { VCENTER_ID } from '../../../model'
import { datastoreOf, writeFiles } from '../../../services/datastore'
import { forgetKeyId, requireVcenterRunning } from '../../../services/vcenterKeys'
import { requireFtOff, requireNotLocked, requireVm } from '../../checks'
import { vmHost } from './steps'
import { defineCommand, name } from '../../define'

export const vmRemove = defineCommand('vm.remove', {
  args: { name },
  narration: ['fault.vm.removePoweredOn', 'vm.removed.files', 'vm.removed.keyStays', 'keyId.forgotten.derivable', 'vm.removed'],
  check(ctx, cmd) {
    requireVcenterRunning(ctx)
    const vm = requireVm(ctx, cmd.name)
    if (vm.power !== 'poweredOff') throw fault('InvalidPowerState', 'fault.vm.removePoweredOn', { vm: vm.name })
    requireFtOff(vm, 'remove')
    requireNotLocked(vm)
  },
  async run(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    const ds = datastoreOf(ctx, vm)
    writeFiles(ctx, ds, {}, vm.persisted.files)
    say(ctx, 'file.delete', vmHost(ctx, vm).id, ds.id, 'vm.removed.files', { vm: vm.name, datastore: ds.name, count: vm.persisted.files.length })
    forgetKeyId(ctx, 'vmKeys', vm.name)
    say(ctx, 'component', VCENTER_ID, VCENTER_ID, 'vm.removed', { vm: vm.name, host: vm.host })
    ctx.tx.remove(vm.id)
  }
})
