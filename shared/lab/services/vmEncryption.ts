// How a VM's parts get and lose their keys (docs/vsphere-facts.md#f-keysafe, #f-perdisk, #f-vtpm): vCenter
// brings one KEK per VM from the KMS; the host makes an internal key for the VM home and one per disk, locks each
// with the KEK in its own key safe, and rewrites the data. The VM home and every disk are encrypted apart, as storage
// policies apply to them apart. The command handlers hold the rules; this file holds the steps they share.

import { SECTOR_SIZE } from '../../crypto/diskCipher'
import { utf8 } from '../../crypto/bytes'
import { say, type CommandContext } from '../context'
import { componentId, type DatastoreFile, type HostComponent, type VmComponent, type VmDisk } from '../model'
import { datastoreOf, readBytes, writeFiles } from './datastore'
import { ensureHostSafe, hostsInCluster } from './hostCrypto'
import { internalKeyIdOf, putKey } from './keyCache'
import { generateInternalKey, lockNarrated, openKeySafe, type KekMaterial } from './keySafe'
import { createKmsKey, forgetInFlight, pushKey, recordKeyId } from './vcenterKeys'
import { deriveOnHost, hostHasKdk, isNative, newNativeKeyId, requireUsable } from './nativeKeys'
import { descriptorFile, diskPaths, rewriteDisk, rewriteHome, transform, vmFileList, vmHomePaths, vmxFile, VTPM_OFFSET } from './vmFiles'

export function vmHost(ctx: CommandContext, vm: VmComponent): HostComponent {
  return ctx.tx.require(componentId.host(vm.host), 'host', vm.host)
}

/**
 * vCenter gets a new KEK for the VM and hands it to every host of the cluster (so HA and DRS can move the VM); it
 * keeps only the ID. A host whose encryption mode was turned off (pendingIncapable) takes no new keys: like a host
 * that is not crypto-enabled, it stays without the VM key (vSphere Security guide, cluster example).
 */
export async function newKekForCluster(ctx: CommandContext, vm: VmComponent, host: HostComponent, providerId: string): Promise<KekMaterial> {
  const native = isNative(ctx, providerId)
  // a host without the provider's KDK (no TPM under "TPM-protected hosts only") cannot derive the KEK: it is left out
  const receivers = hostsInCluster(ctx, host.cluster).filter(
    (h) => h.id === host.id || (h.cryptoState !== 'pendingIncapable' && (!native || hostHasKdk(h, providerId)))
  )
  requireUsable(ctx, providerId)
  for (const h of receivers) await ensureHostSafe(ctx, h, providerId)
  if (native) return nativeKekForCluster(ctx, vm, host, providerId, receivers)
  const kek = await createKmsKey(ctx, providerId, { keyType: 'kek', component: 'Virtual Machine', name: vm.name, identifier: vm.uuid })
  for (const h of hostsInCluster(ctx, host.cluster)) {
    if (receivers.some((r) => r.id === h.id)) pushKey(ctx, h, kek, vm.name)
    else say(ctx, 'host.state', 'vcenter', h.id, 'vm.kek.notPushed.pendingIncapable', { host: h.name, vm: vm.name })
  }
  forgetInFlight(ctx, kek)
  return kek
}

/**
 * With a Native Key Provider vCenter only names the KEK; each host of the cluster derives it from its KDK. No KMIP
 * message, no key material from vCenter (docs/vsphere-facts.md#nkp-kdk).
 */
function nativeKekForCluster(ctx: CommandContext, vm: VmComponent, host: HostComponent, providerId: string, receivers: HostComponent[]): KekMaterial {
  const keyId = newNativeKeyId(ctx, providerId, 'kek', vm.name)
  for (const h of hostsInCluster(ctx, host.cluster)) {
    if (receivers.some((r) => r.id === h.id)) deriveOnHost(ctx, h, { providerId, keyId }, 'kek', vm.name)
    else if (h.cryptoState === 'pendingIncapable') say(ctx, 'host.state', 'vcenter', h.id, 'vm.kek.notPushed.pendingIncapable', { host: h.name, vm: vm.name })
    else say(ctx, 'host.state', h.id, h.id, 'nkp.kek.noKdk', { host: h.name, vm: vm.name, provider: providerId })
  }
  return { providerId, keyId, material: vmHost(ctx, vm).memory.keyCache[keyId].material }
}

/** The VM's KEK as its host holds it (the VM home is encrypted and the key is in the cache: checked before). */
export function cachedKek(vm: VmComponent, host: HostComponent): KekMaterial {
  const k = host.memory.keyCache[vm.keyId!]
  return { providerId: vm.providerId!, keyId: vm.keyId!, material: k.material }
}

/** The internal keys of an encrypted VM, opened from its key safes: the VM home key and each encrypted disk's DEK. */
export interface VmKeys {
  home: Uint8Array | null
  disks: (Uint8Array | null)[]
}

export function openVmKeys(ctx: CommandContext, vm: VmComponent, host: HostComponent): VmKeys {
  return {
    home: vm.keyId ? openKeySafe(ctx, vm, host, { home: true }) : null,
    disks: vm.disks.map((d) => (d.keyId ? openKeySafe(ctx, vm, host, { disk: d }) : null))
  }
}

/** Running VMs keep their internal keys in the host's key cache (never on its disk). */
export function cacheVmKeys(ctx: CommandContext, host: HostComponent, vm: VmComponent, keys: VmKeys): HostComponent {
  let h = host
  if (keys.home) h = putKey(ctx, h, { keyId: internalKeyIdOf(vm.name, 'home'), keyType: 'dek', providerId: null, material: keys.home, vm: vm.name })
  keys.disks.forEach((k, i) => {
    if (k) h = putKey(ctx, h, { keyId: internalKeyIdOf(vm.name, vm.disks[i].device), keyType: 'dek', providerId: null, material: k, vm: vm.name })
  })
  return h
}

/** The parts of a VM a command names: its disks by index (all when not given) and, for some, the VM home. */
export function diskIndexes(vm: VmComponent, disks: number[] | undefined): number[] {
  return disks ?? vm.disks.map((_, i) => i)
}

/**
 * Encrypts the VM home (when it is not encrypted yet: a new KEK from the default provider) and the chosen plain
 * disks (each with a DEK of its own, locked by the VM's KEK).
 */
export async function encryptParts(ctx: CommandContext, vm: VmComponent, disks: number[], providerId: string): Promise<VmComponent> {
  let host = vmHost(ctx, vm)
  let kek: KekMaterial
  if (!vm.keyId) {
    kek = await newKekForCluster(ctx, vm, host, providerId)
    host = vmHost(ctx, vm)
    const homeKey = generateInternalKey(ctx, vm, host, { home: true })
    vm = ctx.tx.update(vm, (d) => {
      d.cryptoState = 'unlocked'
      d.migrateEncryption = 'required'
    })
    vm = rewriteHome(ctx, vm, host, { from: null, to: homeKey, kek })
    recordKeyId(ctx, 'vmKeys', vm.name, kek)
    homeKey.fill(0)
  } else kek = cachedKek(vm, host)
  for (const i of disks) {
    if (vm.disks[i].keyId) continue
    const dek = generateInternalKey(ctx, vm, host, { disk: vm.disks[i] })
    vm = rewriteDisk(ctx, vm, host, i, { from: null, to: dek, kek })
    dek.fill(0)
  }
  return vm
}

/** Decrypts the chosen encrypted disks and, when asked, the VM home (its key ID leaves vCenter's database). */
export function decryptParts(ctx: CommandContext, vm: VmComponent, disks: number[], home: boolean): VmComponent {
  const host = vmHost(ctx, vm)
  for (const i of disks) {
    if (!vm.disks[i].keyId) continue
    const dek = openKeySafe(ctx, vm, host, { disk: vm.disks[i] })
    vm = rewriteDisk(ctx, vm, host, i, { from: dek, to: null, kek: null })
  }
  if (home && vm.keyId) {
    const homeKey = openKeySafe(ctx, vm, host, { home: true })
    vm = ctx.tx.update(vm, (d) => void (d.cryptoState = null))
    vm = rewriteHome(ctx, vm, host, { from: homeKey, to: null, kek: null })
    recordKeyId(ctx, 'vmKeys', vm.name, null)
  }
  return vm
}

/** A vTPM's state in the NVRAM: a marker and 64 random bytes (seed and endorsement key, as far as the lab goes). */
export function vtpmState(ctx: CommandContext): Uint8Array {
  const state = new Uint8Array(4 + 64)
  state.set(utf8('vTPM'))
  state.set(ctx.tx.random(64), 4)
  return state
}

export function withVtpmState(nvram: Uint8Array, state: Uint8Array | null): Uint8Array {
  const next = nvram.slice()
  next.fill(0, VTPM_OFFSET, VTPM_OFFSET + 68)
  if (state) next.set(state, VTPM_OFFSET)
  return next
}

/** What a new VM's files hold in clear, and how they are to be encrypted (null keys: in clear). */
export interface NewVmContent {
  nvram: Uint8Array
  disks: Uint8Array[]
  kek: KekMaterial | null
  keys: VmKeys
}

/** Writes the generation-0 files of a new VM (created or cloned): every part encrypted with its key, if it has one. */
export function writeNewVmFiles(ctx: CommandContext, vm: VmComponent, host: HostComponent, content: NewVmContent): VmComponent {
  const ds = datastoreOf(ctx, vm)
  const files: Record<string, DatastoreFile> = {}
  const disks: VmDisk[] = vm.disks.map((d, i) => {
    const key = content.keys.disks[i]
    const data = transform(ctx, { from: null, to: key }, content.disks[i])
    const locator = key && content.kek ? lockNarrated(ctx, vm, host, { disk: d }, content.kek, key) : null
    files[d.flat] = { kind: 'flat', data }
    files[d.descriptor] = descriptorFile(d, locator)
    return { ...d, keyId: locator ? content.kek!.keyId : null, providerId: locator ? content.kek!.providerId : null }
  })
  const bundle = content.keys.home && content.kek ? lockNarrated(ctx, vm, host, { home: true }, content.kek, content.keys.home) : null
  const next = ctx.tx.update(vm, (d) => {
    d.disks = disks
    d.keyId = bundle ? content.kek!.keyId : null
    d.providerId = bundle ? content.kek!.providerId : null
    d.cryptoState = bundle ? 'unlocked' : null
    if (bundle) d.migrateEncryption = 'required'
    d.persisted.files = vmFileList(d)
  })
  files[vm.files.nvram] = { kind: 'nvram', data: transform(ctx, { from: null, to: content.keys.home }, content.nvram) }
  files[vm.files.vmx] = vmxFile(next, bundle)
  writeFiles(ctx, ds, files)
  return next
}

/** A new VM record beside an existing one (a clone), with its own names and generation-0 files. */
export function cloneRecord(vm: VmComponent, newName: string, uuid: string): VmComponent {
  const files = vmHomePaths(newName, 0)
  const disks = vm.disks.map((d, i) => ({ ...d, ...diskPaths(newName, i, 0), generation: 0 }))
  const clone: VmComponent = {
    ...vm,
    id: componentId.vm(newName),
    name: newName,
    uuid,
    power: 'poweredOff',
    files,
    disks,
    fileGeneration: 0,
    snapshots: [],
    memory: { guest: null },
    persisted: { files: [] }
  }
  clone.persisted.files = vmFileList(clone)
  return clone
}

/** Reads a VM's data in clear (NVRAM and disks), with its internal keys when it is encrypted. */
export function readClearContent(ctx: CommandContext, vm: VmComponent, keys: VmKeys): { nvram: Uint8Array; disks: Uint8Array[] } {
  const ds = datastoreOf(ctx, vm)
  return {
    nvram: transform(ctx, { from: keys.home, to: null }, readBytes(ctx, ds, vm.files.nvram)!),
    disks: vm.disks.map((d, i) => transform(ctx, { from: keys.disks[i], to: null }, readBytes(ctx, ds, d.flat)!))
  }
}

export const diskMiBOf = (disk: VmDisk) => disk.bytes / (SECTOR_SIZE * 2048)
