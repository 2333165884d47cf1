// Unlock VM (vm.unlock).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { bringKek, reloadLockedVms, restoreHostKey, vmsOnHost } from '../../../services/hostCrypto'
import { requireVcenterRunning } from '../../../services/vcenterKeys'
import { vmHost } from '../../../services/vmEncryption'
import { requireVm } from '../../checks'
import { defineCommand, name } from '../../define'

export const vmUnlock = defineCommand('vm.unlock', {
  args: { name },
  narration: ['fault.notLocked', 'vm.unlock.start'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (vm.cryptoState !== 'locked') throw fault('InvalidVmState', 'fault.notLocked', { vm: vm.name })
    requireVcenterRunning(ctx)
  },
  async run(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    let host = vmHost(ctx, vm)
    say(ctx, 'command', 'vcenter', vm.id, 'vm.unlock.start', { vm: vm.name, keyId: vm.keyId! })
    host = await restoreHostKey(ctx, host)
    if (!host.memory.keyCache[vm.keyId!]) {
      await bringKek(ctx, host, vm)
      host = vmHost(ctx, vm)
    }
    // The key is on the host: hostd reloads this VM, and every other locked VM there that shares the key (clones).
    reloadLockedVms(ctx, host, [vm, ...vmsOnHost(ctx, host.name).filter((v) => v.id !== vm.id)])
  }
})

