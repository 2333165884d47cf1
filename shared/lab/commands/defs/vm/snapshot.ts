// Take snapshot (vm.snapshot). The lab snapshots VMs with one disk only, and says so when refusing.

import { SECTOR_SIZE } from '../../../../crypto/diskCipher'
import { utf8 } from '../../../../crypto/bytes'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { datastoreOf, readFile, writeFiles } from '../../../services/datastore'
import { openKeySafe, readLocator } from '../../../services/keySafe'
import { formatDescriptor } from '../../../files/vmdk'
import { sealEnvelope } from '../../../../crypto/envelope'
import type { DatastoreFile } from '../../../model'
import { writeVmx } from '../../../services/vmFiles'
import { requireFtOff, requireKekInCache, requireVm } from '../../checks'
import { vmHost } from './steps'
import { defineCommand, name } from '../../define'

export const vmSnapshot = defineCommand('vm.snapshot', {
  args: { name },
  narration: ['fault.snapshotLocked', 'fault.snapshot.multiDisk', 'vm.snapshot.encrypted', 'vm.snapshot.plain'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (vm.cryptoState === 'locked') throw fault('InvalidVmConfig', 'fault.snapshotLocked', { vm: vm.name })
    requireFtOff(vm, 'snapshot')
    if (vm.disks.length > 1) throw fault('NotSupported', 'fault.snapshot.multiDisk', { vm: vm.name, count: vm.disks.length })
    requireKekInCache(vm, vmHost(ctx, vm))
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    const host = vmHost(ctx, vm)
    const ds = datastoreOf(ctx, vm)
    const disk = vm.disks[0]
    const n = vm.snapshots.length + 1
    const id = String(n).padStart(6, '0')
    const snap = {
      name: `Snapshot${n}`,
      vmsn: `${vm.name}/${vm.name}-Snapshot${n}.vmsn`,
      deltaDescriptor: `${vm.name}/${vm.name}-${id}.vmdk`,
      deltaData: `${vm.name}/${vm.name}-${id}-delta.vmdk`
    }
    // The delta disk belongs to its disk: encrypted with that disk's DEK, its descriptor carries that disk's key safe.
    const locator = disk.keyId ? readLocator(ctx, vm, { disk }) : null
    let grain: Uint8Array = new Uint8Array(SECTOR_SIZE)
    grain.set(utf8(`delta grain of ${vm.name} ${snap.name}`))
    if (disk.keyId) grain = ctx.deps.diskCipher.encryptSectors(openKeySafe(ctx, vm, host, { disk }), grain)
    // The .vmsn keeps the configuration as it was; an encrypted VM's .vmsn is encrypted like its NVRAM. The lab seals
    // it in its envelope under the VM's KEK; ESXi encrypts it with a key from the .vmx bundle (its file container).
    const config = readFile(ctx, ds, vm.files.vmx).text!
    const vmsn: DatastoreFile = vm.keyId
      ? {
          kind: 'vmsn',
          data: sealEnvelope({
            keyId: vm.keyId,
            wrappingKey: host.memory.keyCache[vm.keyId].material,
            plaintext: utf8(config),
            content: 'vmsn',
            random: (n) => ctx.tx.random(n)
          })
        }
      : { kind: 'vmsn', text: config }
    writeFiles(ctx, ds, {
      [snap.vmsn]: vmsn,
      [snap.deltaDescriptor]: {
        kind: 'vmdk',
        text: formatDescriptor({ flat: snap.deltaData, sectors: 1, encryptionKeys: locator, parentDescriptor: disk.descriptor })
      },
      [snap.deltaData]: { kind: 'delta', data: grain }
    })
    vm = ctx.tx.update(vm, (d) => {
      d.snapshots.push(snap)
      d.persisted.files.push(snap.vmsn, snap.deltaDescriptor, snap.deltaData)
    })
    writeVmx(ctx, vm)
    say(ctx, 'file.write', host.id, ds.id, disk.keyId ? 'vm.snapshot.encrypted' : 'vm.snapshot.plain', { vm: vm.name, snapshot: snap.name }, {
      payload: { kind: 'disk', bytes: SECTOR_SIZE, encrypted: Boolean(disk.keyId) }
    })
  }
})
