// Create VM (vm.create): in clear, or encrypted from the first byte (the VM Encryption Policy at creation).

import { z } from 'zod'
import { say } from '../../../context'
import { componentId, type VmComponent } from '../../../model'
import { uuidFromBytes } from '../../../random'
import { requireEncryptionCapable } from '../../../services/hostCrypto'
import { generateInternalKey } from '../../../services/keySafe'
import { requirePrivilege } from '../../../services/privileges'
import { defaultProvider, recordKeyId, requireVcenterRunning } from '../../../services/vcenterKeys'
import { newKekForCluster, vmHost, writeNewVmFiles } from '../../../services/vmEncryption'
import { initialDisk, initialNvram, newDisk, vmFileList, vmHomePaths } from '../../../services/vmFiles'
import { requireHost, requireNew, requireNotInMaintenance } from '../../checks'
import { datastoreName } from './steps'
import { defineCommand, name, diskMiB } from '../../define'

const MIB = 1024 * 1024

export const vmCreate = defineCommand('vm.create', {
  args: { name, host: name, diskMiB: diskMiB.optional(), guestData: z.string().max(4096).optional(), encrypt: z.boolean().optional() },
  narration: ['vm.created', 'vm.created.encrypted'],
  check(ctx, cmd) {
    requireNew(ctx, componentId.vm(cmd.name), cmd.name)
    const host = requireHost(ctx, cmd.host)
    requireNotInMaintenance(host)
    if (cmd.encrypt) {
      requirePrivilege(ctx, 'Cryptographer.EncryptNew', cmd.name)
      requireVcenterRunning(ctx)
      defaultProvider(ctx)
      requireEncryptionCapable(host)
    }
  },
  async run(ctx, cmd) {
    const host = requireHost(ctx, cmd.host)
    const ds = ctx.tx.require(componentId.datastore(datastoreName(host.cluster)), 'datastore')
    const bytes = Math.round((cmd.diskMiB ?? 1) * MIB)
    const { data, bootSectors } = initialDisk(bytes, cmd.guestData ?? '')
    const files = vmHomePaths(cmd.name, 0)
    const disks = [newDisk(cmd.name, 0, bytes)]
    let vm: VmComponent = {
      id: componentId.vm(cmd.name),
      kind: 'vm',
      name: cmd.name,
      uuid: uuidFromBytes(ctx.tx.random(16)),
      host: host.name,
      datastore: ds.id,
      power: 'poweredOff',
      connectionState: 'connected',
      cryptoState: null,
      keyId: null,
      providerId: null,
      bootSectors,
      files,
      disks,
      fileGeneration: 0,
      vtpm: false,
      snapshots: [],
      migrateEncryption: 'opportunistic',
      lockReason: null,
      memory: { guest: null },
      persisted: { files: vmFileList({ files, disks, snapshots: [] }) }
    }
    ctx.tx.add(vm)
    if (!cmd.encrypt) {
      writeNewVmFiles(ctx, vm, host, { nvram: initialNvram(cmd.name), disks: [data], kek: null, keys: { home: null, disks: [null] } })
      say(ctx, 'file.write', host.id, ds.id, 'vm.created', { vm: cmd.name, host: host.name, datastore: ds.name, mib: bytes / MIB }, {
        payload: { kind: 'disk', bytes, encrypted: false }
      })
      return
    }
    const kek = await newKekForCluster(ctx, vm, host, defaultProvider(ctx))
    const onHost = vmHost(ctx, vm)
    const keys = { home: generateInternalKey(ctx, vm, onHost, { home: true }), disks: [generateInternalKey(ctx, vm, onHost, { disk: vm.disks[0] })] }
    vm = writeNewVmFiles(ctx, vm, onHost, { nvram: initialNvram(cmd.name), disks: [data], kek, keys })
    recordKeyId(ctx, 'vmKeys', vm.name, kek)
    keys.home.fill(0)
    keys.disks[0].fill(0)
    say(ctx, 'file.write', host.id, ds.id, 'vm.created.encrypted', { vm: cmd.name, host: host.name, datastore: ds.name, mib: bytes / MIB }, {
      payload: { kind: 'disk', bytes, encrypted: true }
    })
  }
})
