// The vSphere Native Key Provider (docs/vsphere-facts.md#nkp-kdk): no KMS, no KMIP. vCenter generates one Key
// Derivation Key (KDK) per provider, keeps it in its protected store and pushes it to every host of the clusters;
// the hosts derive each key they need (host key, KEK) from the KDK and the key's ID, themselves — also while vCenter
// is away. vCenter only names keys (IDs), as with a standard provider, but no key material ever leaves it except the
// KDK on its way to a host. The host keeps the KDK sealed by its TPM, so a reboot needs nobody
// (docs/vsphere-facts.md#nkp-no-persistence).

import { gcm } from '@noble/ciphers/aes.js'
import { Pkcs12Error, readSecretPkcs12, writeSecretPkcs12, type SecretBackup } from '../../crypto/pkcs12'
import { concatBytes, fromHex, fromUtf8, toHex, utf8 } from '../../crypto/bytes'
import { hkdf } from '../../crypto/hkdf'
import { say, type CommandContext } from '../context'
import { fault } from '../faults'
import { VCENTER_ID, type HostComponent, type HostKdk, type NativeProviderState, type VcenterRecord } from '../model'
import { uuidFromBytes } from '../random'
import { labName } from '../../validation/fields'
import { fingerprint } from '../view'
import { putKey } from './keyCache'

/** HKDF salt of the lab's derivation; VMware does not publish its own (docs/vsphere-facts.md, where the lab simplifies). */
export const NKP_HKDF_SALT = utf8('KeyFlow Lab NKP')
export const KDK_BYTES = 32

export type DerivedKeyType = 'hostKey' | 'kek'

/** The key a host derives from a KDK: HKDF-SHA256(ikm = KDK, salt, info = "<key type>:<key ID>"), 32 bytes. */
export function deriveKey(kdk: Uint8Array, keyType: DerivedKeyType, keyId: string): Uint8Array {
  return hkdf(kdk, NKP_HKDF_SALT, utf8(`${keyType}:${keyId}`), 32)
}

export function nativeState(vc: VcenterRecord, providerId: string | null): NativeProviderState | null {
  return providerId ? (vc.persisted.providers[providerId]?.native ?? null) : null
}

export function isNative(ctx: CommandContext, providerId: string | null): boolean {
  return nativeState(ctx.tx.require(VCENTER_ID, 'vcenter'), providerId) !== null
}

/** A Native Key Provider cannot be used until it has been backed up (docs/vsphere-facts.md#nkp-backup). */
export function requireUsable(ctx: CommandContext, providerId: string): void {
  const native = nativeState(ctx.tx.require(VCENTER_ID, 'vcenter'), providerId)
  if (native && !native.hasBackup) throw fault('InvalidState', 'fault.nkp.notBackedUp', { provider: providerId })
}

/** The host may hold this provider's KDK: with "TPM protected hosts only", it needs a TPM. */
export function hostMayHoldKdk(native: NativeProviderState, host: HostComponent): boolean {
  return !native.tpmRequired || host.tpm !== null
}

/** vCenter makes the KDK of a new native provider and keeps it in its protected store. */
export function createKdk(ctx: CommandContext, providerId: string): { kdkId: string } {
  const kdkId = uuidFromBytes(ctx.tx.random(16))
  const kdk = ctx.tx.random(KDK_BYTES)
  ctx.tx.update(ctx.tx.require(VCENTER_ID, 'vcenter'), (v) => {
    v.persisted.protectedStore.kdks[providerId] = kdk
  })
  say(ctx, 'key.generate', VCENTER_ID, VCENTER_ID, 'nkp.kdk.created', { provider: providerId, kdkId }, {
    keys: [{ keyType: 'kdk', form: 'material', keyId: kdkId, fingerprint: fingerprint(kdk) }]
  })
  return { kdkId }
}

/**
 * vCenter pushes a provider's KDK to a host (over its own management connection, not KMIP). The host keeps it in
 * memory and sealed by its TPM on its disk. A host without a TPM gets nothing from a "TPM only" provider.
 */
export function pushKdk(ctx: CommandContext, host: HostComponent, providerId: string): HostComponent {
  const vc = ctx.tx.require(VCENTER_ID, 'vcenter')
  const native = nativeState(vc, providerId)
  const kdk = vc.persisted.protectedStore.kdks[providerId]
  if (!native || !kdk) return host
  let h = ctx.tx.require(host.id, 'host')
  if (!hostMayHoldKdk(native, h)) {
    say(ctx, 'host.state', VCENTER_ID, h.id, 'nkp.kdk.notPushed.noTpm', { provider: providerId, host: h.name })
    return h
  }
  h = ctx.tx.update(h, (d) => {
    d.memory.kdks[providerId] = { kdkId: native.kdkId, material: kdk }
  })
  h = ctx.tx.update(h, (d) => void (d.persisted.sealedKdks = sealKdks(ctx, h)))
  say(ctx, 'key.push', VCENTER_ID, h.id, h.tpm ? 'nkp.kdk.pushed' : 'nkp.kdk.pushed.noTpm', { provider: providerId, host: h.name, kdkId: native.kdkId }, {
    keys: [{ keyType: 'kdk', form: 'material', keyId: native.kdkId, fingerprint: fingerprint(kdk) }]
  })
  return h
}

/**
 * provider.add with type native: vCenter records the provider, makes its KDK and pushes it to every host (every lab
 * host is in a cluster, as a Native Key Provider requires: docs/vsphere-facts.md#nkp-cluster).
 */
export function addNativeProvider(ctx: CommandContext, providerId: string, tpmRequired: boolean): void {
  const vc = ctx.tx.require(VCENTER_ID, 'vcenter')
  ctx.tx.update(vc, (v) => {
    v.persisted.providers[providerId] = {
      name: providerId,
      type: 'native',
      trust: { mode: null, trustedKmsCaPem: null, clientCertificate: null, servers: {} },
      native: { kdkId: '', hasBackup: false, tpmRequired, backupFile: null }
    }
  })
  say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, tpmRequired ? 'nkp.added.tpmRequired' : 'nkp.added', { provider: providerId })
  const { kdkId } = createKdk(ctx, providerId)
  ctx.tx.update(ctx.tx.require(VCENTER_ID, 'vcenter'), (v) => void (v.persisted.providers[providerId].native!.kdkId = kdkId))
  for (const host of ctx.tx.all('host')) pushKdk(ctx, host, providerId)
  say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, 'nkp.needsBackup', { provider: providerId })
}

/**
 * provider.backup: vCenter exports the provider as a PKCS#12 file, protected by the password if one is given; from
 * now on the provider can be used (hasBackup). The file holds the KDK: with it and the password, a rebuilt vCenter
 * gets the provider back, and with it every key its hosts derived.
 */
export function backupProvider(ctx: CommandContext, providerId: string, password: string): Uint8Array {
  const vc = ctx.tx.require(VCENTER_ID, 'vcenter')
  const native = nativeState(vc, providerId)!
  const file = writeSecretPkcs12({ secret: vc.persisted.protectedStore.kdks[providerId], friendlyName: providerId, localKeyId: native.kdkId }, password, (n) =>
    ctx.tx.random(n)
  )
  ctx.tx.update(vc, (v) => {
    const n = v.persisted.providers[providerId].native!
    n.hasBackup = true
    n.backupFile = file
  })
  say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, password ? 'nkp.backup' : 'nkp.backup.noPassword', { provider: providerId, bytes: file.length, kdkId: native.kdkId }, {
    keys: [{ keyType: 'kdk', form: 'wrapped', keyId: native.kdkId }],
    payload: { kind: 'certificate', bytes: file.length, encrypted: true }
  })
  return file
}

/**
 * Opens a provider's backup file with its password, as vCenter's "Restore from backup" does: the PKCS#12 MAC first
 * (a wrong password fails there, before anything is decrypted), then the PBES2 contents. A wrong password or a file
 * that is not such a backup is refused with the reason, and nothing changes (docs/vsphere-facts.md#nkp-restore).
 */
export function openBackup(file: Uint8Array, password: string): SecretBackup {
  let backup: SecretBackup
  try {
    backup = readSecretPkcs12(file, password)
  } catch (e) {
    if (!(e instanceof Pkcs12Error)) throw e
    throw e.reason === 'password' ? fault('InvalidArgument', 'fault.nkp.restore.password') : fault('InvalidArgument', 'fault.nkp.restore.format')
  }
  // the lab's own backups hold one 32-byte KDK named by the provider; anything else is not one of them
  if (backup.secret.length !== KDK_BYTES || !labName.safeParse(backup.friendlyName).success || !backup.localKeyId)
    throw fault('InvalidArgument', 'fault.nkp.restore.format')
  return backup
}

/**
 * provider.restore: vCenter registers the provider the backup names, with the KDK from the file (the same KDK, the
 * same ID) in its protected store, and pushes it to every host. From the KDK and a key's ID the hosts derive the same
 * keys as before, so whatever the provider's keys locked opens again. A restored provider counts as backed up: the
 * file it came from is its backup.
 */
export function restoreNativeProvider(ctx: CommandContext, backup: SecretBackup, file: Uint8Array, tpmRequired: boolean): void {
  const providerId = backup.friendlyName
  ctx.tx.update(ctx.tx.require(VCENTER_ID, 'vcenter'), (v) => {
    v.persisted.providers[providerId] = {
      name: providerId,
      type: 'native',
      trust: { mode: null, trustedKmsCaPem: null, clientCertificate: null, servers: {} },
      native: { kdkId: backup.localKeyId, hasBackup: true, tpmRequired, backupFile: file }
    }
    v.persisted.protectedStore.kdks[providerId] = backup.secret
  })
  say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, 'nkp.restored', { provider: providerId, kdkId: backup.localKeyId, bytes: file.length }, {
    keys: [
      { keyType: 'kdk', form: 'wrapped', keyId: backup.localKeyId },
      { keyType: 'kdk', form: 'material', keyId: backup.localKeyId, fingerprint: fingerprint(backup.secret) }
    ]
  })
  for (const host of ctx.tx.all('host')) pushKdk(ctx, host, providerId)
}

/** Every native provider's KDK to a host that joins a cluster. */
export function pushAllKdks(ctx: CommandContext, host: HostComponent): HostComponent {
  let h = host
  for (const p of Object.values(ctx.tx.require(VCENTER_ID, 'vcenter').persisted.providers)) if (p.native) h = pushKdk(ctx, h, p.name)
  return h
}

/**
 * provider.remove of a native provider (no key of it protects anything any more): vCenter deletes the KDK from its
 * protected store and every host drops it from memory and from its sealed store, so nothing can derive its keys.
 */
export function removeNativeProvider(ctx: CommandContext, providerId: string): void {
  ctx.tx.update(ctx.tx.require(VCENTER_ID, 'vcenter'), (v) => void delete v.persisted.protectedStore.kdks[providerId])
  for (const host of ctx.tx.all('host')) {
    if (!host.memory.kdks[providerId]) continue
    const h = ctx.tx.update(host, (d) => void delete d.memory.kdks[providerId])
    ctx.tx.update(h, (d) => void (d.persisted.sealedKdks = Object.keys(h.memory.kdks).length ? sealKdks(ctx, h) : null))
    say(ctx, 'host.state', VCENTER_ID, h.id, 'nkp.kdk.removed', { provider: providerId, host: h.name })
  }
}

// The sealed store: the KDKs as JSON, AES-256-GCM under the TPM's storage key (a host without a TPM seals with a key
// kept beside it in its configuration: the encrypted ESXi configuration without a TPM protects no better).
function sealingKey(host: HostComponent): Uint8Array {
  return host.tpm?.storageKey ?? host.persisted.configStoreKey!
}

function sealKdks(ctx: CommandContext, host: HostComponent): Uint8Array {
  const list = Object.entries(host.memory.kdks).map(([providerId, k]) => ({ providerId, kdkId: k.kdkId, material: toHex(k.material) }))
  const nonce = ctx.tx.random(12)
  return concatBytes(nonce, gcm(sealingKey(host), nonce, utf8(`kdk-seal:${host.uuid}`)).encrypt(utf8(JSON.stringify(list))))
}

/** After a reboot the host unseals its KDKs: no vCenter needed. */
export function unsealKdks(ctx: CommandContext, host: HostComponent): HostComponent {
  const sealed = host.persisted.sealedKdks
  if (!sealed) return host
  const plain = gcm(sealingKey(host), sealed.subarray(0, 12), utf8(`kdk-seal:${host.uuid}`)).decrypt(sealed.subarray(12))
  const list = JSON.parse(fromUtf8(plain)) as { providerId: string; kdkId: string; material: string }[]
  const kdks: Record<string, HostKdk> = Object.fromEntries(list.map((k) => [k.providerId, { kdkId: k.kdkId, material: fromHex(k.material) }]))
  const h = ctx.tx.update(host, (d) => void (d.memory.kdks = kdks))
  say(ctx, 'key.seal', h.id, h.id, 'nkp.kdk.unsealed', { host: h.name, count: list.length, providers: list.map((k) => k.providerId).join(', ') }, {
    keys: list.map((k) => ({ keyType: 'kdk' as const, form: 'material' as const, keyId: k.kdkId }))
  })
  return h
}

/** vCenter names a new key of a native provider: an ID only, no KMS, no key material. */
export function newNativeKeyId(ctx: CommandContext, providerId: string, keyType: DerivedKeyType, name: string): string {
  const keyId = uuidFromBytes(ctx.tx.random(16))
  say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, keyType === 'kek' ? 'nkp.keyId.kek' : 'nkp.keyId.hostKey', { provider: providerId, keyId, name }, {
    keys: [{ keyType, form: 'id', keyId }]
  })
  return keyId
}

export function hostHasKdk(host: HostComponent, providerId: string): boolean {
  return Boolean(host.memory.kdks[providerId])
}

/**
 * The host derives a key from its KDK and keeps it in its key cache. Refused when the host has no KDK of that
 * provider (a host without a TPM under a "TPM only" provider, or one vCenter never reached).
 */
export function deriveOnHost(ctx: CommandContext, host: HostComponent, ref: { providerId: string; keyId: string }, keyType: DerivedKeyType, vm?: string): HostComponent {
  const h = ctx.tx.require(host.id, 'host')
  const kdk = h.memory.kdks[ref.providerId]
  if (!kdk) throw fault('KmsKeyUnavailable', 'fault.nkp.noKdk', { host: h.name, provider: ref.providerId, keyId: ref.keyId })
  const material = deriveKey(kdk.material, keyType, ref.keyId)
  const next = putKey(ctx, h, { keyId: ref.keyId, keyType, providerId: ref.providerId, material, ...(vm ? { vm } : {}) })
  say(ctx, 'key.generate', h.id, h.id, keyType === 'kek' ? 'nkp.derive.kek' : 'nkp.derive.hostKey', { host: h.name, keyId: ref.keyId, provider: ref.providerId, ...(vm ? { vm } : { vm: '' }) }, {
    keys: [
      { keyType: 'kdk', form: 'id', keyId: kdk.kdkId },
      { keyType, form: 'material', keyId: ref.keyId, fingerprint: fingerprint(material) }
    ]
  })
  return next
}
