// The host's key cache: memory only, lost on reboot — unless key persistence seals it with the TPM.

import { gcm } from '@noble/ciphers/aes.js'
import { concatBytes, fromHex, fromUtf8, toHex, utf8 } from '../../crypto/bytes'
import { say, type CommandContext } from '../context'
import type { CachedKey, HostComponent } from '../model'
import { fault } from '../faults'
import { fingerprint } from '../view'

export function cachedKey(host: HostComponent, keyId: string): CachedKey | undefined {
  return host.memory.keyCache[keyId]
}

export function hostKeyInCache(host: HostComponent): CachedKey | undefined {
  const id = host.persisted.config.hostKeyId
  return id ? host.memory.keyCache[id] : undefined
}

export function putKey(ctx: CommandContext, host: HostComponent, key: CachedKey): HostComponent {
  const next = ctx.tx.update(host, (h) => {
    h.memory.keyCache[key.keyId] = key
  })
  return resealIfPersistent(ctx, next)
}

export function dropKey(ctx: CommandContext, host: HostComponent, keyId: string): HostComponent {
  if (!host.memory.keyCache[keyId]) return host
  const next = ctx.tx.update(host, (h) => {
    delete h.memory.keyCache[keyId]
  })
  return resealIfPersistent(ctx, next)
}

/** DEKs belong to running VMs only; they are never sealed (they come back from the .vmx at power-on). */
function persistentKeys(host: HostComponent): CachedKey[] {
  return Object.values(host.memory.keyCache).filter((k) => k.keyType === 'hostKey' || k.keyType === 'kek')
}

/** Key persistence seals with the TPM: a host without one cannot have it (checked by host.keyPersistence). */
function tpmKey(host: HostComponent): Uint8Array {
  if (!host.tpm) throw fault('NotSupported', 'fault.keyPersistence.noTpm', { host: host.name })
  return host.tpm.storageKey
}

export function sealKeyCache(ctx: CommandContext, host: HostComponent): Uint8Array {
  const plain = utf8(JSON.stringify(persistentKeys(host).map((k) => ({ ...k, material: toHex(k.material) }))))
  const nonce = ctx.tx.random(12)
  return concatBytes(nonce, gcm(tpmKey(host), nonce, utf8(`tpm-seal:${host.uuid}`)).encrypt(plain))
}

export function unsealKeyCache(host: HostComponent, sealed: Uint8Array): CachedKey[] {
  const plain = gcm(tpmKey(host), sealed.subarray(0, 12), utf8(`tpm-seal:${host.uuid}`)).decrypt(sealed.subarray(12))
  const list = JSON.parse(fromUtf8(plain)) as (Omit<CachedKey, 'material'> & { material: string })[]
  return list.map((k) => ({ ...k, material: fromHex(k.material) }))
}

function resealIfPersistent(ctx: CommandContext, host: HostComponent): HostComponent {
  if (!host.persisted.config.keyPersistence) return host
  const sealed = sealKeyCache(ctx, host)
  return ctx.tx.update(host, (h) => {
    h.persisted.sealedKeyCache = sealed
  })
}

export function keyTravel(key: CachedKey, form: 'material' | 'id' | 'wrapped' = 'material') {
  return { keyType: key.keyType, form, keyId: key.keyId, fingerprint: fingerprint(key.material) }
}

/** Narrated removal of a VM's internal keys (VM home key and disk DEKs) when it stops running on the host. */
export function forgetDek(ctx: CommandContext, host: HostComponent, vmName: string): HostComponent {
  const keys = Object.values(host.memory.keyCache).filter((k) => k.keyType === 'dek' && k.vm === vmName)
  if (!keys.length) return host
  let next = host
  for (const k of keys) next = dropKey(ctx, next, k.keyId)
  say(ctx, 'key.discard', host.id, host.id, 'host.dek.discard', { host: host.name, vm: vmName }, { keys: keys.map((k) => keyTravel(k)) })
  return next
}

/** The cache ID of an internal key: the VM home key (`home`) or one disk's DEK (its device, scsi0:0 ...). */
export function internalKeyIdOf(vmName: string, part: 'home' | string): string {
  return `dek:${vmName}/${part}`
}
