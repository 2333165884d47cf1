// Virtual machine commands that touch no key safe: power off, delete snapshots, unlock. The others have a file each
// under vm/ (create, encrypt, decrypt, power on, rekey, migrate, clone, snapshot, disks, vTPM, vMotion setting).

import { say } from '../context'
import { fault } from '../faults'
import { datastoreOf, writeFiles } from '../services/datastore'
import { forgetDek } from '../services/keyCache'
import { bringKek, reloadLockedVms, restoreHostKey, vmsOnHost } from '../services/hostCrypto'
import { requireVcenterRunning } from '../services/vcenterKeys'
import { vmHost } from '../services/vmEncryption'
import { writeVmx } from '../services/vmFiles'
import { requireNotLocked, requireVm } from './checks'
import type { CommandHandler } from './handler'

export { datastoreName } from './vm/steps'

export const vmPowerOff: CommandHandler<'vm.powerOff'> = {
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
}






export const vmDeleteSnapshots: CommandHandler<'vm.deleteSnapshots'> = {
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
}

export const vmUnlock: CommandHandler<'vm.unlock'> = {
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
}
