// The key safes of an encrypted VM, as the host reads and writes them (docs/vsphere-facts.md#f-keysafe):
// the .vmx's `encryption.bundle` locks the VM home key (NVRAM, vTPM state), and each encrypted disk's descriptor
// locks that disk's own DEK in `encryptionKeys`. Both name the KEK by provider and ID. The host makes every
// internal key itself and keeps it in memory only.
//
// Where the lab is simpler: the KEK locks each internal key directly (RFC 5649), where vSphere's bundle holds a
// configuration key that opens `encryption.data` with more secrets. The narration of `vm.keySafe.read` says so.

import { say, type CommandContext } from '../context'
import type { MessageRef } from '../events'
import { fault } from '../faults'
import type { HostComponent, VmComponent, VmDisk } from '../model'
import { fingerprint } from '../view'
import { formatBundle, parseBundle, unwrapDek, wrapDek } from './dekWrap'
import { internalKeyIdOf, keyTravel } from './keyCache'
import { datastoreOf, readFile } from './datastore'
import { readEncryptionKeys } from '../files/vmdk'
import { parseVmx } from '../files/vmx'

/** A KEK as the host holds it while it locks internal keys. */
export interface KekMaterial {
  providerId: string
  keyId: string
  material: Uint8Array
}

/** Which key safe: the VM home's (.vmx) or one disk's (its descriptor). */
export type KeySafePart = { home: true } | { disk: VmDisk }

export function partKeyId(vm: VmComponent, part: KeySafePart): string {
  return internalKeyIdOf(vm.name, 'home' in part ? 'home' : part.disk.device)
}

/** The part in narration: "VM home" or "disk scsi0:1", in the reader's language. */
function partLabel(part: KeySafePart): MessageRef {
  return 'home' in part ? { id: 'keySafe.part.home', params: {} } : { id: 'keySafe.part.disk', params: { device: part.disk.device } }
}

/** The key locator text: the KEK's provider and ID, and the internal key locked by that KEK. */
export function lockInternalKey(kek: KekMaterial, key: Uint8Array): string {
  return formatBundle(kek.providerId, kek.keyId, wrapDek(kek.material, key))
}

/** The locator the host finds on the datastore for `part`, or null when that part is not encrypted. */
export function readLocator(ctx: CommandContext, vm: VmComponent, part: KeySafePart): string | null {
  const ds = datastoreOf(ctx, vm)
  if ('home' in part) return parseVmx(readFile(ctx, ds, vm.files.vmx).text ?? '')['encryption.bundle'] ?? null
  return readEncryptionKeys(readFile(ctx, ds, part.disk.descriptor).text ?? '')
}

/** The host makes a new internal key (XTS-AES-256: 64 bytes) for the VM home or one disk. */
export function generateInternalKey(ctx: CommandContext, vm: VmComponent, host: HostComponent, part: KeySafePart): Uint8Array {
  const key = ctx.tx.random(64)
  say(ctx, 'key.generate', host.id, host.id, 'home' in part ? 'vm.homeKey.generated' : 'vm.dek.generated', { vm: vm.name, host: host.name, disk: 'home' in part ? '' : part.disk.device }, {
    keys: [{ keyType: 'dek', form: 'material', keyId: partKeyId(vm, part), fingerprint: fingerprint(key) }]
  })
  return key
}

/** Locks an internal key with the KEK, narrated; returns the locator text to write. */
export function lockNarrated(ctx: CommandContext, vm: VmComponent, host: HostComponent, part: KeySafePart, kek: KekMaterial, key: Uint8Array): string {
  const text = lockInternalKey(kek, key)
  say(ctx, 'key.wrap', host.id, host.id, 'vm.dek.wrapped', { vm: vm.name, disk: partLabel(part), keyId: kek.keyId }, {
    keys: [{ keyType: 'dek', form: 'wrapped', wrappedBy: 'kek', keyId: partKeyId(vm, part) }, { keyType: 'kek', form: 'id', keyId: kek.keyId }]
  })
  return text
}

/**
 * The host opens one key safe: it reads the locator, finds the KEK it names in its key cache and unwraps the
 * internal key. A missing VM home key is the locked state; a missing disk key is vSphere's "The disk ... is
 * encrypted and a required key was not found."
 */
export function openKeySafe(ctx: CommandContext, vm: VmComponent, host: HostComponent, part: KeySafePart): Uint8Array {
  const text = readLocator(ctx, vm, part)
  if (!text) throw fault('InvalidVmConfig', 'fault.noBundle', { vm: vm.name })
  const locator = parseBundle(text)
  const kek = host.memory.keyCache[locator.keyId]
  if (!kek) {
    if ('home' in part) throw fault('EncryptionKeyRequired', 'fault.kekNotInCache', { vm: vm.name, host: host.name, keyId: locator.keyId })
    throw fault('EncryptionKeyRequired', 'fault.diskKeyMissing', { vm: vm.name, disk: part.disk.descriptor, keyId: locator.keyId })
  }
  const where = 'home' in part ? vm.files.vmx : part.disk.descriptor
  say(ctx, 'file.read', datastoreOf(ctx, vm).id, host.id, 'vm.keySafe.read', { vm: vm.name, host: host.name, keyId: locator.keyId, file: where, disk: partLabel(part) }, {
    keys: [{ keyType: 'dek', form: 'wrapped', wrappedBy: 'kek', keyId: partKeyId(vm, part) }],
    payload: { kind: 'home' in part ? 'vmx' : 'descriptor' }
  })
  let key: Uint8Array
  try {
    key = unwrapDek(kek.material, locator.lockedData)
  } catch {
    throw fault('InvalidVmConfig', 'fault.keySafeCorrupt', { vm: vm.name })
  }
  say(ctx, 'key.unwrap', host.id, host.id, 'vm.dek.unwrapped', { vm: vm.name, host: host.name, keyId: locator.keyId, disk: partLabel(part) }, {
    keys: [{ keyType: 'dek', form: 'material', keyId: partKeyId(vm, part), fingerprint: fingerprint(key) }, keyTravel(kek, 'id')]
  })
  return key
}

/** Every KEK the VM needs on its host: the VM home's and each encrypted disk's. */
export function keksOf(vm: VmComponent): string[] {
  const ids = [vm.keyId, ...vm.disks.map((d) => d.keyId)].filter((k): k is string => k !== null)
  return [...new Set(ids)]
}
