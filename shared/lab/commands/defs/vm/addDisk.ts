// Add disk (vm.addDisk): a new disk in clear, or encrypted from the start with a DEK of its own. An encrypted disk
// cannot belong to an unencrypted VM (docs/vsphere-facts.md#f-perdisk).

import { z } from 'zod'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { datastoreOf, writeFiles } from '../../../services/datastore'
import { generateInternalKey, lockNarrated } from '../../../services/keySafe'
import { requirePrivilege } from '../../../services/privileges'
import { cacheVmKeys, cachedKek } from '../../../services/vmEncryption'
import { descriptorFile, newDisk, vmFileList, writeVmx } from '../../../services/vmFiles'
import { requireKekInCache, requireNoSnapshots, requireNotLocked, requireVm } from '../../checks'
import { vmHost } from './steps'
import { defineCommand, name, diskMiB } from '../../define'

const MIB = 1024 * 1024
export const MAX_DISKS = 16

export const vmAddDisk = defineCommand('vm.addDisk', {
  args: { name, diskMiB: diskMiB.optional(), encrypt: z.boolean().optional() },
  narration: ['fault.encryptedDiskOnPlainVm', 'fault.tooManyDisks', 'vm.disk.added.encrypted', 'vm.disk.added'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (cmd.encrypt && !vm.keyId) throw fault('InvalidDeviceSpec', 'fault.encryptedDiskOnPlainVm', { vm: vm.name })
    if (vm.disks.length >= MAX_DISKS) throw fault('InvalidArgument', 'fault.tooManyDisks', { vm: vm.name, max: MAX_DISKS })
    if (vm.keyId) requirePrivilege(ctx, 'Cryptographer.AddDisk', vm.name)
    if (cmd.encrypt) requirePrivilege(ctx, 'Cryptographer.EncryptNew', vm.name)
    requireNotLocked(vm)
    requireNoSnapshots(vm, 'addDisk')
    if (cmd.encrypt) requireKekInCache(vm, vmHost(ctx, vm))
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    let host = vmHost(ctx, vm)
    const ds = datastoreOf(ctx, vm)
    const bytes = Math.round((cmd.diskMiB ?? 1) * MIB)
    const index = vm.disks.length
    let disk = newDisk(vm.name, index, bytes)
    let data: Uint8Array = new Uint8Array(bytes)
    let locator: string | null = null
    if (cmd.encrypt) {
      const kek = cachedKek(vm, host)
      const dek = generateInternalKey(ctx, vm, host, { disk })
      data = ctx.deps.diskCipher.encryptSectors(dek, data)
      locator = lockNarrated(ctx, vm, host, { disk }, kek, dek)
      disk = { ...disk, keyId: kek.keyId, providerId: kek.providerId }
      // Hot-added to a running VM: the host keeps the new disk's DEK in memory like the others.
      if (vm.power === 'poweredOn') host = cacheVmKeys(ctx, host, { ...vm, disks: [...vm.disks, disk] }, { home: null, disks: [...vm.disks.map(() => null), dek] })
    }
    vm = ctx.tx.update(vm, (d) => {
      d.disks.push(disk)
      d.persisted.files = vmFileList(d)
    })
    writeFiles(ctx, ds, { [disk.flat]: { kind: 'flat', data }, [disk.descriptor]: descriptorFile(disk, locator) })
    writeVmx(ctx, vm)
    say(ctx, 'file.write', host.id, ds.id, cmd.encrypt ? 'vm.disk.added.encrypted' : 'vm.disk.added', { vm: vm.name, host: host.name, disk: disk.device, mib: bytes / MIB, descriptor: disk.descriptor }, {
      payload: { kind: 'disk', bytes, encrypted: Boolean(cmd.encrypt) }
    })
  }
})
