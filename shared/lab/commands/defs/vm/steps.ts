// Steps several VM commands share: the datastore of a cluster, and the parts of a VM a command names.

import { fault } from '../../../faults'
import type { VmComponent } from '../../../model'
export { vmHost } from '../../../services/vmEncryption'

export function datastoreName(cluster: string): string {
  return `ds-${cluster}`
}

/** Every disk index the command names exists on the VM. */
export function requireDisks(vm: VmComponent, disks: readonly number[] | undefined): void {
  for (const i of disks ?? []) if (!vm.disks[i]) throw fault('InvalidArgument', 'fault.noSuchDisk', { vm: vm.name, index: i, last: vm.disks.length - 1 })
}
