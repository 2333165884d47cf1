// Decrypt VM (vm.decrypt): the chosen disks, and the VM home — disks first, as vSphere requires.

import { z } from 'zod'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { requirePrivilege } from '../../../services/privileges'
import { requireVcenterRunning } from '../../../services/vcenterKeys'
import { decryptParts, diskIndexes } from '../../../services/vmEncryption'
import { requireEncrypted, requireFtOff, requireKekInCache, requireNoSnapshots, requireNotLocked, requirePoweredOff, requireVm } from '../../checks'
import { requireDisks, vmHost } from './steps'
import { defineCommand, name, diskList } from '../../define'

export const vmDecrypt = defineCommand('vm.decrypt', {
  args: { name, disks: diskList.optional(), home: z.boolean().optional() },
  narration: ['fault.nothingToDecrypt', 'fault.decryptWithVtpm', 'fault.decryptHomeWithEncryptedDisks', 'vm.decrypt.start', 'vm.decrypt.done', 'vm.decrypt.disks.done'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    requireEncrypted(vm)
    requireFtOff(vm, 'decrypt')
    requireDisks(vm, cmd.disks)
    const disks = diskIndexes(vm, cmd.disks).filter((i) => vm.disks[i].keyId)
    const home = cmd.home ?? cmd.disks === undefined
    if (!home && disks.length === 0) throw fault('InvalidVmConfig', 'fault.nothingToDecrypt', { vm: vm.name })
    if (home) {
      if (vm.vtpm) throw fault('GenericVmConfigFault', 'fault.decryptWithVtpm', { vm: vm.name })
      const remaining = vm.disks.filter((d, i) => d.keyId && !disks.includes(i))
      if (remaining.length) throw fault('InvalidVmConfig', 'fault.decryptHomeWithEncryptedDisks', { vm: vm.name, disks: remaining.map((d) => d.device).join(', '), count: remaining.length })
    }
    requirePrivilege(ctx, 'Cryptographer.Decrypt', vm.name)
    requireNotLocked(vm)
    requirePoweredOff(vm, 'decrypt')
    requireNoSnapshots(vm, 'decrypt')
    requireVcenterRunning(ctx)
    requireKekInCache(vm, vmHost(ctx, vm))
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    const disks = diskIndexes(vm, cmd.disks).filter((i) => vm.disks[i].keyId)
    const home = cmd.home ?? cmd.disks === undefined
    say(ctx, 'command', 'vcenter', vm.id, 'vm.decrypt.start', { vm: vm.name })
    vm = decryptParts(ctx, vm, disks, home)
    const host = vmHost(ctx, vm)
    if (home) say(ctx, 'key.discard', host.id, host.id, 'vm.decrypt.done', { vm: vm.name })
    else say(ctx, 'key.discard', host.id, host.id, 'vm.decrypt.disks.done', { vm: vm.name, disks: disks.map((i) => vm.disks[i].device).join(', '), count: disks.length })
  }
})
