// Rules shared by several commands. Each throws the fault vSphere would raise.

import type { CommandContext } from '../context'
import { fault } from '../faults'
import type { MessageRef } from '../events'
import { componentId, type HostComponent, type VmComponent } from '../model'

export function requireVm(ctx: CommandContext, name: string): VmComponent {
  return ctx.tx.require(componentId.vm(name), 'vm', name)
}

export function requireHost(ctx: CommandContext, name: string): HostComponent {
  return ctx.tx.require(componentId.host(name), 'host', name)
}

export function requireNotLocked(vm: VmComponent): void {
  if (vm.cryptoState === 'locked')
    throw fault('EncryptionKeyRequired', 'fault.vmLocked', { vm: vm.name, keyId: vm.keyId ?? '', provider: vm.providerId ?? '' })
}

/** What a command does to a VM, named in the sentence that refuses it (`term.vmAction.*`, in the user's language). */
export type VmAction = 'encrypt' | 'decrypt' | 'deepRekey' | 'addDisk' | 'addVtpm' | 'removeVtpm' | 'snapshot' | 'migrate' | 'remove' | 'rekey'

const actionTerm = (action: VmAction): MessageRef => ({ id: `term.vmAction.${action}`, params: {} })

export function requirePoweredOff(vm: VmComponent, action: VmAction): void {
  if (vm.power !== 'poweredOff') throw fault('InvalidPowerState', 'fault.mustBePoweredOff', { vm: vm.name, action: actionTerm(action) })
}

/**
 * The lab models turning Fault Tolerance on and off, not what each operation does to a running secondary: with FT on,
 * an operation that changes the VM's keys, files or place is refused, and the sentence says it is the lab's rule.
 */
export function requireFtOff(vm: VmComponent, action: VmAction): void {
  if (vm.ftSecondary) throw fault('InvalidState', 'fault.ft.isOn', { vm: vm.name, host: vm.ftSecondary.host, action: actionTerm(action) })
}

/** A host that runs a secondary does not go into maintenance mode in the lab: vSphere would move the secondary. */
export function requireNoFtSecondaryOn(ctx: CommandContext, host: HostComponent): void {
  const vm = ctx.tx.all('vm').find((v) => v.ftSecondary?.host === host.name)
  if (vm) throw fault('InvalidState', 'fault.ft.secondaryOnHost', { vm: vm.name, host: host.name })
}

export function requireNoSnapshots(vm: VmComponent, action: VmAction): void {
  if (vm.snapshots.length > 0) throw fault('InvalidVmConfig', 'fault.hasSnapshots', { vm: vm.name, action: actionTerm(action), count: vm.snapshots.length })
}

export function requireEncrypted(vm: VmComponent): void {
  if (!vm.keyId) throw fault('InvalidVmConfig', 'fault.notEncrypted', { vm: vm.name })
}

/** The host needs the VM's KEK in its key cache to open the key safe. */
export function requireKekInCache(vm: VmComponent, host: HostComponent): void {
  if (vm.keyId && !host.memory.keyCache[vm.keyId])
    throw fault('EncryptionKeyRequired', 'fault.kekNotInCache', { vm: vm.name, host: host.name, keyId: vm.keyId })
}

/** A host in maintenance mode runs no VM and takes none in (docs/vsphere-facts.md#maintenance-mode). */
export function requireNotInMaintenance(host: HostComponent): void {
  if (host.inMaintenanceMode) throw fault('InvalidState', 'fault.host.inMaintenance', { host: host.name })
}

export function requireNew(ctx: CommandContext, id: string, name: string): void {
  if (ctx.tx.has(id)) throw fault('AlreadyExists', 'fault.alreadyExists', { name })
}
