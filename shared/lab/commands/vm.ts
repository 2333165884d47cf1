// Virtual machine commands: create, encrypt, decrypt, power, rekey, migrate, clone, snapshots, unlock.

import { gcm } from '@noble/ciphers/aes.js'
import { SECTOR_SIZE } from '../../crypto/diskCipher'
import { concatBytes, toHex, utf8 } from '../../crypto/bytes'
import { say, type CommandContext } from '../context'
import { fault } from '../faults'
import { componentId, type HostComponent, type VmComponent } from '../model'
import { uuidFromBytes } from '../random'
import { fingerprint } from '../view'
import { datastoreOf, readFile, writeFiles } from '../services/datastore'
import { formatBundle, unwrapDek, wrapDek } from '../services/dekWrap'
import { dekIdOf, forgetDek, keyTravel, putKey } from '../services/keyCache'
import { ensureHostSafe, hostsInCluster, reloadLockedVms, requireEncryptionCapable, restoreHostKey, vmsOnHost } from '../services/hostCrypto'
import {
  createKmsKey,
  defaultProvider,
  fetchKmsKey,
  forgetInFlight,
  pushKey,
  recordKeyId,
  requireVcenterRunning,
  type KeyInFlight
} from '../services/vcenterKeys'
import {
  descriptorFile,
  initialDisk,
  initialNvram,
  readVmBundle,
  rewriteKeySafe,
  rewriteVmData,
  vmFilePaths,
  vmxFile
} from '../services/vmFiles'
import { formatDescriptor } from '../files/vmdk'
import { withBundle } from '../files/vmx'
import {
  requireEncrypted,
  requireHost,
  requireKekInCache,
  requireNew,
  requireNoSnapshots,
  requireNotLocked,
  requirePoweredOff,
  requireVm
} from './checks'
import type { CommandHandler } from './handler'

const MIB = 1024 * 1024

export const vmCreate: CommandHandler<'vm.create'> = {
  check(ctx, cmd) {
    requireNew(ctx, componentId.vm(cmd.name), cmd.name)
    requireHost(ctx, cmd.host)
  },
  async run(ctx, cmd) {
    const host = requireHost(ctx, cmd.host)
    const ds = ctx.tx.require(componentId.datastore(datastoreName(host.cluster)), 'datastore')
    const diskBytes = Math.round((cmd.diskMiB ?? 1) * MIB)
    const { data, bootSectors } = initialDisk(diskBytes, cmd.guestData ?? '')
    const files = vmFilePaths(cmd.name, 0)
    const vm: VmComponent = {
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
      diskBytes,
      bootSectors,
      files,
      fileGeneration: 0,
      snapshots: [],
      migrateEncryption: 'opportunistic',
      lockReason: null,
      memory: { guest: null },
      persisted: { files: [files.vmx, files.descriptor, files.flat, files.nvram] }
    }
    ctx.tx.add(vm)
    writeFiles(ctx, ds, {
      [files.vmx]: vmxFile(vm, null),
      [files.descriptor]: descriptorFile(files, diskBytes, null),
      [files.flat]: { kind: 'flat', data },
      [files.nvram]: { kind: 'nvram', data: initialNvram(cmd.name) }
    })
    say(ctx, 'file.write', host.id, ds.id, 'vm.created', { vm: cmd.name, host: host.name, datastore: ds.name, mib: diskBytes / MIB }, {
      payload: { kind: 'disk', bytes: diskBytes, encrypted: false }
    })
  }
}

export function datastoreName(cluster: string): string {
  return `ds-${cluster}`
}

function vmHost(ctx: CommandContext, vm: VmComponent): HostComponent {
  return ctx.tx.require(componentId.host(vm.host), 'host', vm.host)
}

/** The host opens the key safe in the .vmx: it reads the bundle and unwraps the DEK with the KEK from its cache. */
function openKeySafe(ctx: CommandContext, vm: VmComponent, host: HostComponent): Uint8Array {
  const bundle = readVmBundle(ctx, vm)
  if (!bundle) throw fault('InvalidVmConfig', 'fault.noBundle', { vm: vm.name })
  const kek = host.memory.keyCache[bundle.keyId]
  if (!kek) throw fault('EncryptionKeyRequired', 'fault.kekNotInCache', { vm: vm.name, host: host.name, keyId: bundle.keyId })
  say(ctx, 'file.read', datastoreOf(ctx, vm).id, host.id, 'vm.keySafe.read', { vm: vm.name, host: host.name, keyId: bundle.keyId }, {
    keys: [{ keyType: 'dek', form: 'wrapped', wrappedBy: 'kek', keyId: dekIdOf(vm.name) }],
    payload: { kind: 'vmx' }
  })
  let dek: Uint8Array
  try {
    dek = unwrapDek(kek.material, bundle.lockedData)
  } catch {
    throw fault('InvalidVmConfig', 'fault.keySafeCorrupt', { vm: vm.name })
  }
  say(ctx, 'key.unwrap', host.id, host.id, 'vm.dek.unwrapped', { vm: vm.name, host: host.name, keyId: bundle.keyId }, {
    keys: [{ keyType: 'dek', form: 'material', keyId: dekIdOf(vm.name), fingerprint: fingerprint(dek) }, keyTravel(kek, 'id')]
  })
  return dek
}

/**
 * vCenter gets a new KEK for the VM and hands it to every host of the cluster (so HA and DRS can move the VM); it
 * keeps only the ID. A host whose encryption mode was turned off (pendingIncapable) takes no new keys: like a host
 * that is not crypto-enabled, it stays without the VM key (vSphere Security guide, cluster example).
 */
async function newKekForCluster(ctx: CommandContext, vm: VmComponent, host: HostComponent, providerId: string): Promise<KeyInFlight> {
  const receivers = hostsInCluster(ctx, host.cluster).filter((h) => h.id === host.id || h.cryptoState !== 'pendingIncapable')
  for (const h of receivers) await ensureHostSafe(ctx, h, providerId)
  const kek = await createKmsKey(ctx, providerId, { keyType: 'kek', component: 'Virtual Machine', name: vm.name, identifier: vm.uuid })
  for (const h of hostsInCluster(ctx, host.cluster)) {
    if (receivers.some((r) => r.id === h.id)) pushKey(ctx, h, kek, vm.name)
    else say(ctx, 'host.state', 'vcenter', h.id, 'vm.kek.notPushed.pendingIncapable', { host: h.name, vm: vm.name })
  }
  forgetInFlight(ctx, kek)
  return kek
}

function generateDek(ctx: CommandContext, vm: VmComponent, host: HostComponent): Uint8Array {
  const dek = ctx.tx.random(64)
  say(ctx, 'key.generate', host.id, host.id, 'vm.dek.generated', { vm: vm.name, host: host.name }, {
    keys: [{ keyType: 'dek', form: 'material', keyId: dekIdOf(vm.name), fingerprint: fingerprint(dek) }]
  })
  return dek
}

function wrapIntoBundle(ctx: CommandContext, vm: VmComponent, host: HostComponent, kek: KeyInFlight, dek: Uint8Array): string {
  const bundle = formatBundle(kek.providerId, kek.keyId, wrapDek(kek.material, dek))
  say(ctx, 'key.wrap', host.id, host.id, 'vm.dek.wrapped', { vm: vm.name, keyId: kek.keyId }, {
    keys: [{ keyType: 'dek', form: 'wrapped', wrappedBy: 'kek', keyId: dekIdOf(vm.name) }, { keyType: 'kek', form: 'id', keyId: kek.keyId }]
  })
  return bundle
}

export const vmEncrypt: CommandHandler<'vm.encrypt'> = {
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (vm.keyId) throw fault('InvalidVmConfig', 'fault.alreadyEncrypted', { vm: vm.name })
    requirePoweredOff(vm, 'encrypt')
    requireNoSnapshots(vm, 'encrypt')
    requireVcenterRunning(ctx)
    defaultProvider(ctx)
    requireEncryptionCapable(vmHost(ctx, vm))
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    const providerId = defaultProvider(ctx)
    say(ctx, 'command', 'vcenter', vm.id, 'vm.encrypt.start', { vm: vm.name, provider: providerId })
    const kek = await newKekForCluster(ctx, vm, vmHost(ctx, vm), providerId)
    const host = vmHost(ctx, vm)
    const dek = generateDek(ctx, vm, host)
    const bundle = wrapIntoBundle(ctx, vm, host, kek, dek)
    vm = ctx.tx.update(vm, (d) => {
      d.keyId = kek.keyId
      d.providerId = kek.providerId
      d.cryptoState = 'unlocked'
      d.migrateEncryption = 'required'
    })
    rewriteVmData(ctx, vm, host, bundle, (data) => ctx.deps.diskCipher.encryptSectors(dek, data), { id: 'vm.disk.encrypted', encrypted: true })
    recordKeyId(ctx, 'vmKeys', vm.name, kek)
    dek.fill(0)
    say(ctx, 'key.discard', host.id, host.id, 'vm.encrypt.done', { vm: vm.name, host: host.name })
  }
}

export const vmDecrypt: CommandHandler<'vm.decrypt'> = {
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    requireEncrypted(vm)
    requireNotLocked(vm)
    requirePoweredOff(vm, 'decrypt')
    requireNoSnapshots(vm, 'decrypt')
    requireVcenterRunning(ctx)
    requireKekInCache(vm, vmHost(ctx, vm))
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    const host = vmHost(ctx, vm)
    say(ctx, 'command', 'vcenter', vm.id, 'vm.decrypt.start', { vm: vm.name })
    const dek = openKeySafe(ctx, vm, host)
    vm = ctx.tx.update(vm, (d) => {
      d.keyId = null
      d.providerId = null
      d.cryptoState = null
    })
    rewriteVmData(ctx, vm, host, null, (data) => ctx.deps.diskCipher.decryptSectors(dek, data), { id: 'vm.disk.decrypted', encrypted: false })
    recordKeyId(ctx, 'vmKeys', vm.name, null)
    say(ctx, 'key.discard', host.id, host.id, 'vm.decrypt.done', { vm: vm.name })
  }
}

export const vmPowerOn: CommandHandler<'vm.powerOn'> = {
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    requireNotLocked(vm)
    if (vm.power === 'poweredOn') throw fault('InvalidPowerState', 'fault.alreadyOn', { vm: vm.name })
    requireKekInCache(vm, vmHost(ctx, vm))
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    let host = vmHost(ctx, vm)
    const ds = datastoreOf(ctx, vm)
    const boot = readFile(ctx, ds, vm.files.flat).data!.subarray(0, vm.bootSectors * SECTOR_SIZE)
    let guest: Uint8Array
    if (vm.keyId) {
      const dek = openKeySafe(ctx, vm, host)
      host = putKey(ctx, host, { keyId: dekIdOf(vm.name), keyType: 'dek', providerId: null, material: dek, vm: vm.name })
      guest = ctx.deps.diskCipher.decryptSectors(dek, boot)
      say(ctx, 'disk.decrypt', ds.id, host.id, 'vm.boot.decrypted', { vm: vm.name, host: host.name, sectors: vm.bootSectors }, {
        keys: [{ keyType: 'dek', form: 'material', keyId: dekIdOf(vm.name) }],
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
}

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

export const vmRekey: CommandHandler<'vm.rekey'> = {
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    requireEncrypted(vm)
    requireNotLocked(vm)
    if (cmd.deep) {
      requirePoweredOff(vm, 'deep rekey')
      requireNoSnapshots(vm, 'deep rekey')
    }
    requireVcenterRunning(ctx)
    requireKekInCache(vm, vmHost(ctx, vm))
    requireEncryptionCapable(vmHost(ctx, vm))
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    const providerId = vm.providerId!
    say(ctx, 'command', 'vcenter', vm.id, cmd.deep ? 'vm.rekey.deep.start' : 'vm.rekey.shallow.start', { vm: vm.name, keyId: vm.keyId! })
    const kek = await newKekForCluster(ctx, vm, vmHost(ctx, vm), providerId)
    const host = vmHost(ctx, vm)
    const oldDek = openKeySafe(ctx, vm, host)
    const dek = cmd.deep ? generateDek(ctx, vm, host) : oldDek
    const bundle = wrapIntoBundle(ctx, vm, host, kek, dek)
    vm = ctx.tx.update(vm, (d) => {
      d.keyId = kek.keyId
      d.providerId = kek.providerId
    })
    if (cmd.deep) {
      rewriteVmData(
        ctx,
        vm,
        host,
        bundle,
        (data) => ctx.deps.diskCipher.encryptSectors(dek, ctx.deps.diskCipher.decryptSectors(oldDek, data)),
        { id: 'vm.disk.reencrypted', encrypted: true }
      )
    } else {
      rewriteKeySafe(ctx, vm, host, bundle)
      rewrapSnapshotDescriptors(ctx, vm, bundle)
    }
    recordKeyId(ctx, 'vmKeys', vm.name, kek)
  }
}

// A snapshot keeps its own copy of the configuration (.vmsn) and its delta descriptor; both carry the key safe, so a
// shallow rekey re-wraps them too, or the snapshot could not be reverted to once the old KEK is gone.
function rewrapSnapshotDescriptors(ctx: CommandContext, vm: VmComponent, bundle: string): void {
  if (!vm.snapshots.length) return
  const ds = datastoreOf(ctx, vm)
  const files: Record<string, { kind: 'vmdk' | 'vmsn'; text: string }> = {}
  for (const s of vm.snapshots) {
    files[s.deltaDescriptor] = {
      kind: 'vmdk',
      text: formatDescriptor({ flat: s.deltaData, sectors: 1, encryptionKeys: bundle, parentDescriptor: vm.files.descriptor })
    }
    files[s.vmsn] = { kind: 'vmsn', text: withBundle(readFile(ctx, ds, s.vmsn).text!, bundle) }
  }
  writeFiles(ctx, ds, files)
}

export const vmMigrate: CommandHandler<'vm.migrate'> = {
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    const dest = requireHost(ctx, cmd.host)
    const src = vmHost(ctx, vm)
    if (dest.name === vm.host) throw fault('InvalidArgument', 'fault.sameHost', { vm: vm.name, host: dest.name })
    if (dest.cluster !== src.cluster) throw fault('InvalidDatastore', 'fault.otherCluster', { vm: vm.name, host: dest.name, datastore: datastoreName(src.cluster) })
    requireNotLocked(vm)
    requireVcenterRunning(ctx)
    if (vm.keyId) requireEncryptionCapable(dest)
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    let dest = requireHost(ctx, cmd.host)
    let src = vmHost(ctx, vm)
    say(ctx, 'command', 'vcenter', vm.id, vm.power === 'poweredOn' ? 'vm.migrate.vmotion' : 'vm.migrate.cold', { vm: vm.name, from: src.name, to: dest.name })
    if (vm.keyId) {
      if (dest.cryptoState !== 'safe') dest = await ensureHostSafe(ctx, dest, defaultProvider(ctx))
      if (!dest.memory.keyCache[vm.keyId]) {
        const kek = await fetchKmsKey(ctx, vm.providerId!, vm.keyId, 'kek')
        dest = pushKey(ctx, dest, kek, vm.name)
        forgetInFlight(ctx, kek)
        // A VM locked on the destination for want of this very key (a clone) is reloaded by hostd.
        reloadLockedVms(ctx, dest)
      }
    }
    if (vm.power === 'poweredOn') {
      const guest = vm.memory.guest ?? new Uint8Array(0)
      const oneTimeKey = ctx.tx.random(32)
      const nonce = ctx.tx.random(8)
      const otk = { keyType: 'oneTimeKey' as const, form: 'material' as const, keyId: `vmotion:${vm.name}`, fingerprint: fingerprint(oneTimeKey) }
      say(ctx, 'key.generate', 'vcenter', 'vcenter', 'vmotion.key.generated', { vm: vm.name, nonce: toHex(nonce) }, { keys: [otk] })
      say(ctx, 'key.push', 'vcenter', src.id, 'vmotion.key.sent', { host: src.name, vm: vm.name }, { keys: [otk] })
      say(ctx, 'key.push', 'vcenter', dest.id, 'vmotion.key.sent', { host: dest.name, vm: vm.name }, { keys: [otk] })
      const iv = concatBytes(nonce, new Uint8Array(4))
      const stream = gcm(oneTimeKey, iv, utf8(`vmotion:${vm.uuid}`)).encrypt(guest)
      say(ctx, 'vmotion', src.id, dest.id, 'vmotion.stream', { vm: vm.name, from: src.name, to: dest.name, bytes: stream.length }, {
        keys: [{ ...otk, form: 'id' }],
        payload: { kind: 'memory', bytes: stream.length, encrypted: true },
        detail: [`ciphertext: ${toHex(stream.subarray(0, 64))}${stream.length > 64 ? '…' : ''}`]
      })
      const received = gcm(oneTimeKey, iv, utf8(`vmotion:${vm.uuid}`)).decrypt(stream)
      oneTimeKey.fill(0)
      src = ctx.tx.update(src, (h) => void (h.memory.runningVms = h.memory.runningVms.filter((n) => n !== vm.name)))
      dest = ctx.tx.update(dest, (h) => void h.memory.runningVms.push(vm.name))
      vm = ctx.tx.update(vm, (d) => {
        d.host = dest.name
        d.memory.guest = received
      })
      if (vm.keyId) {
        const dek = openKeySafe(ctx, vm, dest)
        dest = putKey(ctx, dest, { keyId: dekIdOf(vm.name), keyType: 'dek', providerId: null, material: dek, vm: vm.name })
        src = ctx.tx.require(src.id, 'host')
        forgetDek(ctx, src, vm.name)
      }
      say(ctx, 'key.discard', dest.id, dest.id, 'vmotion.key.discarded', { vm: vm.name, from: src.name, to: dest.name }, { keys: [{ ...otk, form: 'id' }] })
    } else {
      vm = ctx.tx.update(vm, (d) => void (d.host = dest.name))
      say(ctx, 'vm.state', 'vcenter', vm.id, 'vm.migrate.registered', { vm: vm.name, host: dest.name })
    }
  }
}

export const vmClone: CommandHandler<'vm.clone'> = {
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    requireNew(ctx, componentId.vm(cmd.newName), cmd.newName)
    requireNotLocked(vm)
    requireVcenterRunning(ctx)
  },
  async run(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    const host = vmHost(ctx, vm)
    const ds = datastoreOf(ctx, vm)
    const files = vmFilePaths(cmd.newName, 0)
    const bundle = readVmBundle(ctx, vm)?.text ?? null
    const clone: VmComponent = {
      ...vm,
      id: componentId.vm(cmd.newName),
      name: cmd.newName,
      uuid: uuidFromBytes(ctx.tx.random(16)),
      power: 'poweredOff',
      files,
      fileGeneration: 0,
      snapshots: [],
      memory: { guest: null },
      persisted: { files: [files.vmx, files.descriptor, files.flat, files.nvram] }
    }
    ctx.tx.add(clone)
    const flat = readFile(ctx, ds, vm.files.flat).data!
    writeFiles(ctx, ds, {
      [files.vmx]: vmxFile(clone, bundle),
      [files.descriptor]: descriptorFile(files, flat.length, bundle),
      [files.flat]: { kind: 'flat', data: flat.slice() },
      [files.nvram]: { kind: 'nvram', data: readFile(ctx, ds, vm.files.nvram).data!.slice() }
    })
    say(ctx, 'file.write', host.id, ds.id, vm.keyId ? 'vm.clone.encrypted' : 'vm.clone.plain', { vm: vm.name, clone: cmd.newName, keyId: vm.keyId ?? '' }, {
      keys: vm.keyId ? [{ keyType: 'dek', form: 'wrapped', wrappedBy: 'kek', keyId: dekIdOf(vm.name) }] : [],
      payload: { kind: 'disk', bytes: flat.length, encrypted: Boolean(vm.keyId) }
    })
    if (vm.keyId) recordKeyId(ctx, 'vmKeys', cmd.newName, { providerId: vm.providerId!, keyId: vm.keyId })
  }
}

export const vmSnapshot: CommandHandler<'vm.snapshot'> = {
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (vm.cryptoState === 'locked') throw fault('InvalidVmConfig', 'fault.snapshotLocked', { vm: vm.name })
    requireKekInCache(vm, vmHost(ctx, vm))
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    const host = vmHost(ctx, vm)
    const ds = datastoreOf(ctx, vm)
    const n = vm.snapshots.length + 1
    const id = String(n).padStart(6, '0')
    const snap = {
      name: `Snapshot${n}`,
      vmsn: `${vm.name}/${vm.name}-Snapshot${n}.vmsn`,
      deltaDescriptor: `${vm.name}/${vm.name}-${id}.vmdk`,
      deltaData: `${vm.name}/${vm.name}-${id}-delta.vmdk`
    }
    const bundle = readVmBundle(ctx, vm)?.text ?? null
    let grain: Uint8Array = new Uint8Array(SECTOR_SIZE)
    grain.set(utf8(`delta grain of ${vm.name} ${snap.name}`))
    if (vm.keyId) {
      const dek = openKeySafe(ctx, vm, host)
      grain = ctx.deps.diskCipher.encryptSectors(dek, grain)
    }
    writeFiles(ctx, ds, {
      [snap.vmsn]: { kind: 'vmsn', text: readFile(ctx, ds, vm.files.vmx).text },
      [snap.deltaDescriptor]: {
        kind: 'vmdk',
        text: formatDescriptor({ flat: snap.deltaData, sectors: 1, encryptionKeys: bundle, parentDescriptor: vm.files.descriptor })
      },
      [snap.deltaData]: { kind: 'delta', data: grain }
    })
    vm = ctx.tx.update(vm, (d) => {
      d.snapshots.push(snap)
      d.persisted.files.push(snap.vmsn, snap.deltaDescriptor, snap.deltaData)
    })
    say(ctx, 'file.write', host.id, ds.id, vm.keyId ? 'vm.snapshot.encrypted' : 'vm.snapshot.plain', { vm: vm.name, snapshot: snap.name }, {
      payload: { kind: 'disk', bytes: SECTOR_SIZE, encrypted: Boolean(vm.keyId) }
    })
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
    ctx.tx.update(vm, (d) => {
      d.snapshots = []
      d.persisted.files = d.persisted.files.filter((f) => !remove.includes(f))
    })
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
      const kek = await fetchKmsKey(ctx, vm.providerId!, vm.keyId!, 'kek')
      host = pushKey(ctx, host, kek, vm.name)
      forgetInFlight(ctx, kek)
    }
    // The key is on the host: hostd reloads this VM, and every other locked VM there that shares the key (clones).
    reloadLockedVms(ctx, host, [vm, ...vmsOnHost(ctx, host.name).filter((v) => v.id !== vm.id)])
  }
}
