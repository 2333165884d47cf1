// Encrypt VM (vm.encrypt): the VM Encryption Policy on the VM home and the chosen disks (all of them unless told).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { requireEncryptionCapable } from '../../../services/hostCrypto'
import { requirePrivilege } from '../../../services/privileges'
import { defaultProvider, requireVcenterRunning } from '../../../services/vcenterKeys'
import { diskIndexes, encryptParts } from '../../../services/vmEncryption'
import { requireFtOff, requireKekInCache, requireNoSnapshots, requireNotLocked, requirePoweredOff, requireVm } from '../../checks'
import { requireDisks, vmHost } from './steps'
import { defineCommand, name, diskList } from '../../define'

export const vmEncrypt = defineCommand('vm.encrypt', {
  args: { name, disks: diskList.optional() },
  narration: ['fault.alreadyEncrypted', 'fault.nothingToEncrypt', 'vm.encrypt.disks.start', 'vm.encrypt.start', 'vm.encrypt.done'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    requireDisks(vm, cmd.disks)
    requireFtOff(vm, 'encrypt')
    const plainDisks = diskIndexes(vm, cmd.disks).filter((i) => !vm.disks[i].keyId)
    if (vm.keyId && cmd.disks === undefined && plainDisks.length === 0) throw fault('InvalidVmConfig', 'fault.alreadyEncrypted', { vm: vm.name })
    if (vm.keyId && plainDisks.length === 0) throw fault('InvalidVmConfig', 'fault.nothingToEncrypt', { vm: vm.name })
    requirePrivilege(ctx, 'Cryptographer.Encrypt', vm.name)
    requireNotLocked(vm)
    requirePoweredOff(vm, 'encrypt')
    requireNoSnapshots(vm, 'encrypt')
    if (vm.keyId) requireKekInCache(vm, vmHost(ctx, vm))
    else {
      requireVcenterRunning(ctx)
      defaultProvider(ctx)
      requireEncryptionCapable(vmHost(ctx, vm))
    }
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    const disks = diskIndexes(vm, cmd.disks)
    if (vm.keyId) say(ctx, 'command', 'vcenter', vm.id, 'vm.encrypt.disks.start', { vm: vm.name, disks: disks.join(', '), count: disks.length, keyId: vm.keyId })
    else say(ctx, 'command', 'vcenter', vm.id, 'vm.encrypt.start', { vm: vm.name, provider: defaultProvider(ctx) })
    vm = await encryptParts(ctx, vm, disks, vm.keyId ? vm.providerId! : defaultProvider(ctx))
    const host = vmHost(ctx, vm)
    say(ctx, 'key.discard', host.id, host.id, 'vm.encrypt.done', { vm: vm.name, host: host.name })
  }
})
