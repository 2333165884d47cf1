// Host crypto states: incapable → prepared → safe (a host key in the key cache), and the keys a host needs.

import { requirePrivilege } from './privileges'
import { say, type CommandContext } from '../context'
import { fault } from '../faults'
import type { HostComponent, VmComponent } from '../model'
import { hostKeyInCache } from './keyCache'
import { createKmsKey, fetchKmsKey, forgetInFlight, lockMessageFor, pushKey, recordKeyId, vcenter, type KeyInFlight, type LockReason } from './vcenterKeys'
import { deriveOnHost, isNative, newNativeKeyId, requireUsable } from './nativeKeys'

export function hostsInCluster(ctx: CommandContext, cluster: string): HostComponent[] {
  return ctx.tx.all('host').filter((h) => h.cluster === cluster)
}

export function vmsOnHost(ctx: CommandContext, host: string): VmComponent[] {
  return ctx.tx.all('vm').filter((v) => v.host === host)
}

export function requireEncryptionCapable(host: HostComponent): void {
  if (host.cryptoState === 'pendingIncapable') throw fault('InvalidState', 'fault.hostPendingIncapable', { host: host.name })
}

/**
 * vCenter makes a host crypto safe: PrepareCrypto (incapable → prepared), a new host key from the KMS tagged
 * x-Component "ESXi Server", pushed to the host (prepared → safe). From then on core dumps are encrypted.
 */
export async function ensureHostSafe(ctx: CommandContext, host: HostComponent, providerId: string): Promise<HostComponent> {
  let h = ctx.tx.require(host.id, 'host')
  if (h.cryptoState === 'safe') return h
  requireEncryptionCapable(h)
  // A host that lost its host key (rebooted while vCenter or the KMS was away) gets that same key back, not a new one;
  // it was registered for crypto already, so this needs no Cryptographer privilege.
  if (h.cryptoState === 'prepared' && h.persisted.config.hostKeyId) {
    h = await restoreHostKey(ctx, h)
    if (h.cryptoState === 'safe') return h
  }
  // Putting a host into crypto mode is its own privilege (vSphere Security guide, cluster example).
  requirePrivilege(ctx, 'Cryptographer.RegisterHost', h.name)
  // A host that lost its host key (rebooted while vCenter or the KMS was away) gets that same key back, not a new one.
  if (h.cryptoState === 'prepared' && h.persisted.config.hostKeyId) {
    h = await restoreHostKey(ctx, h)
    if (h.cryptoState === 'safe') return h
  }
  if (h.cryptoState === 'incapable') {
    h = ctx.tx.update(h, (d) => void (d.cryptoState = 'prepared'))
    say(ctx, 'host.state', 'vcenter', h.id, 'host.prepare', { host: h.name })
  }
  requireUsable(ctx, providerId)
  if (isNative(ctx, providerId)) {
    // vCenter names the host key; the host derives it from its KDK (docs/vsphere-facts.md#nkp-kdk)
    const keyId = newNativeKeyId(ctx, providerId, 'hostKey', h.name)
    return markSafe(ctx, deriveOnHost(ctx, h, { providerId, keyId }, 'hostKey'), { providerId, keyId })
  }
  const key = await createKmsKey(ctx, providerId, { keyType: 'hostKey', component: 'ESXi Server', name: h.name, identifier: h.uuid })
  return installHostKey(ctx, h, key)
}

export function installHostKey(ctx: CommandContext, host: HostComponent, key: KeyInFlight): HostComponent {
  const h = markSafe(ctx, pushKey(ctx, host, key), key)
  forgetInFlight(ctx, key)
  return h
}

/** A new host key for a host (host.rekey): from the KMS through vCenter, or derived by the host from its KDK. */
export async function newHostKey(ctx: CommandContext, host: HostComponent, providerId: string): Promise<{ host: HostComponent; keyId: string; material: Uint8Array }> {
  if (isNative(ctx, providerId)) {
    const keyId = newNativeKeyId(ctx, providerId, 'hostKey', host.name)
    const h = markSafe(ctx, deriveOnHost(ctx, host, { providerId, keyId }, 'hostKey'), { providerId, keyId })
    return { host: h, keyId, material: h.memory.keyCache[keyId].material }
  }
  const key = await createKmsKey(ctx, providerId, { keyType: 'hostKey', component: 'ESXi Server', name: host.name, identifier: host.uuid })
  return { host: installHostKey(ctx, host, key), keyId: key.keyId, material: key.material }
}

/** The host key is in the host's key cache: the host is crypto safe with it, and vCenter records its ID. */
export function markSafe(ctx: CommandContext, host: HostComponent, key: { providerId: string; keyId: string }): HostComponent {
  const h = ctx.tx.update(ctx.tx.require(host.id, 'host'), (d) => {
    d.cryptoState = 'safe'
    d.persisted.config.cryptoEnabled = true
    d.persisted.config.pendingIncapableMarker = false
    d.persisted.config.hostKeyId = key.keyId
    d.persisted.config.hostKeyProvider = key.providerId
  })
  say(ctx, 'host.state', h.id, h.id, 'host.safe', { host: h.name, keyId: key.keyId }, { keys: [{ keyType: 'hostKey', form: 'id', keyId: key.keyId }] })
  recordKeyId(ctx, 'hostKeys', h.name, key)
  return h
}

/**
 * A host whose host key is not in its key cache (after a reboot) is `prepared`, not `safe`: the API defines safe as
 * "has a host key set". It stays prepared until vCenter pushes the key again.
 */
export function markWithoutHostKey(ctx: CommandContext, host: HostComponent): HostComponent {
  const h = ctx.tx.require(host.id, 'host')
  if (h.cryptoState !== 'safe' || hostKeyInCache(h)) return h
  const next = ctx.tx.update(h, (d) => void (d.cryptoState = 'prepared'))
  say(ctx, 'host.state', h.id, h.id, 'host.preparedWithoutHostKey', { host: h.name, keyId: h.persisted.config.hostKeyId ?? '' })
  return next
}

/** After a reboot or an outage: vCenter fetches the host key the host had and pushes it back (prepared → safe). */
export async function restoreHostKey(ctx: CommandContext, host: HostComponent): Promise<HostComponent> {
  let h = markWithoutHostKey(ctx, host)
  const { hostKeyId, hostKeyProvider, cryptoEnabled } = h.persisted.config
  if (h.cryptoState !== 'prepared' || !cryptoEnabled || !hostKeyId || !hostKeyProvider || hostKeyInCache(h)) return h
  try {
    if (isNative(ctx, hostKeyProvider)) h = deriveOnHost(ctx, h, { providerId: hostKeyProvider, keyId: hostKeyId }, 'hostKey')
    else {
      const key = await fetchKmsKey(ctx, hostKeyProvider, hostKeyId, 'hostKey')
      h = pushKey(ctx, h, key)
      forgetInFlight(ctx, key)
    }
    h = ctx.tx.update(h, (d) => void (d.cryptoState = 'safe'))
    say(ctx, 'host.state', h.id, h.id, 'host.safe', { host: h.name, keyId: hostKeyId }, { keys: [{ keyType: 'hostKey', form: 'id', keyId: hostKeyId }] })
  } catch (e) {
    lockMessageFor(e)
    say(ctx, 'host.state', 'vcenter', h.id, 'host.hostKeyMissing', { host: h.name, keyId: hostKeyId })
  }
  return h
}

/**
 * The KEKs the VMs registered on this host need. Each missing key is fetched once; a VM whose key cannot be had
 * is locked (connectionState invalid, cryptoState locked), as vSphere does.
 */
export async function restoreVmKeys(ctx: CommandContext, host: HostComponent, only?: VmComponent): Promise<{ locked: VmComponent[] }> {
  const locked: VmComponent[] = []
  const vms = (only ? [only] : vmsOnHost(ctx, host.name)).filter((v) => v.keyId && v.providerId)
  const fetched = new Map<string, KeyInFlight | true | Error>()
  if (!only) await restoreClusterKeys(ctx, host, fetched)
  for (const vm of vms) {
    const h = ctx.tx.require(host.id, 'host')
    if (h.memory.keyCache[vm.keyId!]) continue
    let outcome = fetched.get(vm.keyId!)
    if (!outcome) {
      try {
        outcome = await bringKek(ctx, h, vm)
      } catch (e) {
        lockMessageFor(e)
        outcome = e as Error
      }
      fetched.set(vm.keyId!, outcome)
    }
    if (outcome instanceof Error) locked.push(lockVm(ctx, vm, lockMessageFor(outcome)))
  }
  reloadLockedVms(ctx, host, vms)
  return { locked }
}

/**
 * vCenter sends a VM's KEK to every host of its cluster (HA, DRS and vMotion need it there), so after a reboot it
 * pushes back every key the host needs for the cluster, not only those of the VMs registered on it. A key that
 * cannot be had locks nothing here: only the VMs registered on the host lock (see restoreVmKeys).
 */
async function restoreClusterKeys(ctx: CommandContext, host: HostComponent, fetched: Map<string, KeyInFlight | true | Error>): Promise<void> {
  const h = ctx.tx.require(host.id, 'host')
  if (h.cryptoState !== 'safe' && h.cryptoState !== 'prepared') return
  const others = hostsInCluster(ctx, h.cluster).filter((o) => o.id !== h.id)
  // Keys of a native provider the host derives itself; the others only vCenter can bring.
  const vms = others
    .flatMap((o) => vmsOnHost(ctx, o.name))
    .filter((v) => v.keyId && v.providerId && (vcenter(ctx).running || isNative(ctx, v.providerId)))
  for (const vm of vms) {
    if (fetched.has(vm.keyId!) || ctx.tx.require(h.id, 'host').memory.keyCache[vm.keyId!]) continue
    try {
      fetched.set(vm.keyId!, await bringKek(ctx, ctx.tx.require(h.id, 'host'), vm))
    } catch (e) {
      lockMessageFor(e)
      fetched.set(vm.keyId!, e as Error)
    }
  }
}

/**
 * Puts a VM's KEK into a host's key cache: a native provider's the host derives from its KDK (no vCenter needed);
 * any other vCenter fetches from the KMS and pushes.
 */
export async function bringKek(ctx: CommandContext, host: HostComponent, vm: VmComponent): Promise<KeyInFlight | true> {
  const ref = { providerId: vm.providerId!, keyId: vm.keyId! }
  if (isNative(ctx, ref.providerId)) {
    deriveOnHost(ctx, host, ref, 'kek', vm.name)
    return true
  }
  if (!vcenter(ctx).running) throw fault('VcenterUnavailable', 'fault.vcenterDown')
  const key = await fetchKmsKey(ctx, ref.providerId, ref.keyId, 'kek')
  pushKey(ctx, ctx.tx.require(host.id, 'host'), key, vm.name)
  forgetInFlight(ctx, key)
  return key
}

/**
 * hostd reloads a locked VM in the background as soon as the key it missed is in the host's key cache again
 * (after AddKeys, or unsealed from the TPM): connected and unlocked, with no Unlock VM needed.
 */
export function reloadLockedVms(ctx: CommandContext, host: HostComponent, vms: VmComponent[] = vmsOnHost(ctx, host.name)): void {
  const h = ctx.tx.require(host.id, 'host')
  for (const candidate of vms) {
    const vm = ctx.tx.require(candidate.id, 'vm')
    if (vm.cryptoState !== 'locked' || vm.host !== h.name || !vm.keyId || !h.memory.keyCache[vm.keyId]) continue
    ctx.tx.update(vm, (d) => {
      d.connectionState = 'connected'
      d.cryptoState = 'unlocked'
      d.lockReason = null
    })
    say(ctx, 'vm.state', h.id, vm.id, 'vm.unlocked', { vm: vm.name, host: h.name })
  }
}

export function lockVm(ctx: CommandContext, vm: VmComponent, reason: LockReason): VmComponent {
  const v = ctx.tx.update(ctx.tx.require(vm.id, 'vm'), (d) => {
    d.connectionState = 'invalid'
    d.cryptoState = 'locked'
    d.lockReason = reason
  })
  say(ctx, 'vm.state', v.host ? `host:${v.host}` : v.id, v.id, reason, { vm: v.name, keyId: v.keyId ?? '' }, {
    keys: v.keyId ? [{ keyType: 'kek', form: 'id', keyId: v.keyId }] : []
  })
  return v
}

export function requireHostKeyInCache(host: HostComponent): void {
  if (!hostKeyInCache(host)) throw fault('InvalidState', 'fault.hostKeyNotInCache', { host: host.name })
}
