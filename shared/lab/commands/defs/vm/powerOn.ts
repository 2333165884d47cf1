// Power on (vm.powerOn): the host opens every key safe of the VM with the KEK from its cache and keeps the internal
// keys in memory while the VM runs. No privilege is needed when the keys are there (vSphere Security guide).

import { SECTOR_SIZE } from '../../../../crypto/diskCipher'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { datastoreOf, readBytes } from '../../../services/datastore'
import { internalKeyIdOf } from '../../../services/keyCache'
import { cacheVmKeys, openVmKeys } from '../../../services/vmEncryption'
import { requireKekInCache, requireNotInMaintenance, requireNotLocked, requireVm } from '../../checks'
import { vmHost } from './steps'
import { defineCommand, name } from '../../define'

export const vmPowerOn = defineCommand('vm.powerOn', {
  args: { name },
  narration: ['fault.alreadyOn', 'fault.diskKeyMissing', 'vm.boot.decrypted', 'vm.boot.plain', 'vm.poweredOn'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    requireNotLocked(vm)
    if (vm.power === 'poweredOn') throw fault('InvalidPowerState', 'fault.alreadyOn', { vm: vm.name })
    const host = vmHost(ctx, vm)
    requireNotInMaintenance(host)
    requireKekInCache(vm, host)
    for (const d of vm.disks)
      if (d.keyId && !host.memory.keyCache[d.keyId]) throw fault('EncryptionKeyRequired', 'fault.diskKeyMissing', { vm: vm.name, disk: d.descriptor, keyId: d.keyId })
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    let host = vmHost(ctx, vm)
    const ds = datastoreOf(ctx, vm)
    const bootDisk = vm.disks[0]
    const boot = readBytes(ctx, ds, bootDisk.flat, 0, vm.bootSectors * SECTOR_SIZE)!
    const keys = openVmKeys(ctx, vm, host)
    host = cacheVmKeys(ctx, host, vm, keys)
    let guest: Uint8Array
    if (keys.disks[0]) {
      guest = ctx.deps.diskCipher.decryptSectors(keys.disks[0], boot)
      say(ctx, 'disk.decrypt', ds.id, host.id, 'vm.boot.decrypted', { vm: vm.name, host: host.name, sectors: vm.bootSectors }, {
        keys: [{ keyType: 'dek', form: 'material', keyId: internalKeyIdOf(vm.name, bootDisk.device) }],
        payload: { kind: 'disk', bytes: boot.length, encrypted: true }
      })
    } else {
      guest = boot.slice()
      say(ctx, 'file.read', ds.id, host.id, 'vm.boot.plain', { vm: vm.name, host: host.name, sectors: vm.bootSectors }, {
        payload: { kind: 'disk', bytes: boot.length, encrypted: false }
      })
    }
    vm = ctx.tx.update(vm, (d) => {
      d.power = 'poweredOn'
      d.memory.guest = guest
    })
    ctx.tx.update(host, (h) => void h.memory.runningVms.push(vm.name))
    say(ctx, 'vm.state', host.id, vm.id, 'vm.poweredOn', { vm: vm.name, host: host.name })
  }
})
