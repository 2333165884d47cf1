// What a lesson's objectives look at: the lab exactly as the window shows it at one step — the component views
// (JSON projections, byte strings as hex previews) plus the events and accepted commands up to that step. Reading the
// views rather than the lab core means the checklist can only tick what the student can see for themselves, and it
// follows the cursor: stepping back restores earlier views and un-ticks what had not happened yet.
//
// Views come from another process (the lab host): they are read through the one typed reader (../lab/readView.ts),
// every field possibly missing, so a broken view leaves an objective open and never crashes the window, and a field
// renamed in the lab's model is a compile error here.

import type { EntityViews } from '../api/contract'
import { fromHex, fromUtf8, toHex, utf8 } from '../crypto/bytes'
import type { LabCommand } from '../lab/commands/schema'
import type { LabEvent } from '../lab/events'
import { META_ID, VCENTER_ID } from '../lab/ids'
import type { HostCryptoState, KeyType, MigrateEncryption, PowerState, TrustMode, VmConnectionState, VmCryptoState } from '../lab/model'
import { metaView, viewOfKind, viewsOfKind } from '../lab/readView'
import { isBytesView, type BytesView } from '../lab/view'

export type LessonEvent = Pick<LabEvent, 'kind' | 'from' | 'to' | 'message'>

export interface LessonState {
  /** The component views after the step shown. */
  views: EntityViews
  /** The events up to and including that step, oldest first. */
  events: readonly LessonEvent[]
  /**
   * The commands the lab accepted up to that step, oldest first. Only a VM's guest data lives here alone: the disk
   * that held it in clear is replaced when the VM is encrypted, so "no longer in clear" needs to know what was there.
   */
  commands: readonly LabCommand[]
}

const own = <T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined

export interface VmView {
  id: string
  name: string
  host: string
  datastore: string
  power: PowerState | null
  cryptoState: VmCryptoState | null
  keyId: string | null
  connectionState: VmConnectionState | null
  /** The `-flat.vmdk` of its first (boot) disk now (a path on its datastore). */
  flat: string | null
  /** Its disks: device, whether each is encrypted (its own key ID), and its -flat.vmdk. */
  disks: { device: string; keyId: string | null; flat: string | null }[]
  vtpm: boolean
  migrateEncryption: MigrateEncryption | null
}

export function vms(s: LessonState): VmView[] {
  return viewsOfKind(s.views, 'vm').map((v) => ({
    id: v.id ?? '',
    name: v.name ?? '',
    host: v.host ?? '',
    datastore: v.datastore ?? '',
    power: v.power ?? null,
    cryptoState: v.cryptoState ?? null,
    keyId: v.keyId ?? null,
    connectionState: v.connectionState ?? null,
    flat: v.disks?.[0]?.flat ?? null,
    disks: (v.disks ?? []).map((d) => ({ device: d.device ?? '', keyId: d.keyId ?? null, flat: d.flat ?? null })),
    vtpm: v.vtpm === true,
    migrateEncryption: v.migrateEncryption ?? null
  }))
}

export interface CoreDumpView {
  name: string
  /** From the dump's clear-text header (`encrypted=yes`): what anyone who copies the file sees first. */
  encrypted: boolean
  /** The host key that wraps the dump's one-time key, as the header names it. */
  keyId: string | null
}

export interface CachedKeyView {
  keyId: string
  keyType: KeyType | null
  vm: string | null
}

export interface HostView {
  id: string
  name: string
  cluster: string
  cryptoState: HostCryptoState | null
  hostKeyId: string | null
  keyCache: CachedKeyView[]
  dumps: CoreDumpView[]
  /** The Native Key Providers whose KDK the host holds in memory. */
  kdkProviders: string[]
}

export function hosts(s: LessonState): HostView[] {
  return viewsOfKind(s.views, 'host').map((h) => ({
    id: h.id ?? '',
    name: h.name ?? '',
    cluster: h.cluster ?? '',
    cryptoState: h.cryptoState ?? null,
    hostKeyId: h.persisted?.config?.hostKeyId ?? null,
    keyCache: Object.values(h.memory?.keyCache ?? {}).flatMap((k) =>
      typeof k.keyId === 'string' ? [{ keyId: k.keyId, keyType: k.keyType ?? null, vm: k.vm ?? null }] : []
    ),
    kdkProviders: Object.keys(h.memory?.kdks ?? {}),
    dumps: Object.entries(h.persisted?.varCore ?? {}).flatMap(([name, data]) => {
      if (!isBytesView(data)) return []
      const header = dumpHeader(data)
      return [{ name, encrypted: header.encrypted === 'yes', keyId: header.keyID ?? null }]
    })
  }))
}

/** The `key=value` lines of a zdump's clear-text header, read from the start of its hex preview. */
function dumpHeader(b: BytesView): Record<string, string> {
  let text: string
  try {
    const raw = fromHex(b.hex)
    const end = raw.indexOf(0)
    text = fromUtf8(end === -1 ? raw : raw.subarray(0, end))
  } catch {
    return {}
  }
  const out: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const i = line.indexOf('=')
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1)
  }
  return out
}

export interface KmsView {
  name: string
  provider: string
  running: boolean
  /** The KMS accepts at least one client certificate or CA: its half of the trust. */
  trustsClients: boolean
}

export function kmsServers(s: LessonState): KmsView[] {
  return viewsOfKind(s.views, 'kms').map((k) => ({
    name: k.name ?? '',
    provider: k.provider ?? '',
    running: k.running === true,
    trustsClients: (k.persisted?.trustedClients?.length ?? 0) > 0
  }))
}

export interface ProviderView {
  name: string
  mode: TrustMode | null
  /** vCenter's half of the trust: it accepts the KMS cluster's CA and has a client identity for it. */
  vcenterTrusts: boolean
  /** standard or native (files from before the Native Key Provider have no type: standard). */
  type: string
  /** A Native Key Provider that has been backed up. */
  hasBackup: boolean
}

export function providers(s: LessonState): ProviderView[] {
  return Object.entries(vcenterView(s)?.persisted?.providers ?? {}).map(([name, p]) => ({
    name,
    mode: p.trust?.mode ?? null,
    vcenterTrusts: typeof p.trust?.mode === 'string' && typeof p.trust.trustedKmsCaPem === 'string' && typeof p.trust.clientCertificate === 'object' && p.trust.clientCertificate !== null,
    type: p.type ?? 'standard',
    hasBackup: p.native?.hasBackup === true
  }))
}

/** The provider vCenter's database names for a VM's key. */
export function vcenterProviderOf(s: LessonState, vmName: string): string | null {
  return vcenterView(s)?.persisted?.vmKeys?.[vmName]?.providerId ?? null
}

/** Providers trusted both ways: vCenter trusts the KMS CA, and every one of its KMS servers accepts vCenter. */
export function trustedProviders(s: LessonState): ProviderView[] {
  const kms = kmsServers(s)
  return providers(s).filter((p) => {
    const servers = kms.filter((k) => k.provider === p.name)
    return p.vcenterTrusts && servers.length > 0 && servers.every((k) => k.trustsClients)
  })
}

const vcenterView = (s: LessonState) => viewOfKind(s.views[VCENTER_ID], 'vcenter')

/** The key ID vCenter's database keeps for a VM (key IDs only, never key material). */
export function vcenterKeyIdOf(s: LessonState, vmName: string): string | null {
  return own(vcenterView(s)?.persisted?.vmKeys, vmName)?.keyId ?? null
}

/** How many keys vCenter holds in memory right now (on their way to a host). */
export function vcenterKeysInFlight(s: LessonState): number {
  return vcenterView(s)?.memory?.keysInFlight?.length ?? 0
}

/** Whether anything vCenter persists is a byte string — key material would be; key IDs and certificates are text. */
export function vcenterStoresBytes(s: LessonState): boolean {
  // A walk over whatever is there: the question is about any field, named or not.
  const walk = (v: unknown): boolean => (isBytesView(v) ? true : typeof v === 'object' && v !== null ? Object.values(v).some(walk) : false)
  return walk(vcenterView(s)?.persisted)
}

/** The lab's logical clock (POSIX seconds), or null. */
export function labClock(s: LessonState): number | null {
  return metaView(s.views[META_ID])?.clock ?? null
}

type Params = Record<string, string | number>

function matches(e: LessonEvent, id: string, params: Params): boolean {
  if (id.endsWith('.') ? !e.message.id.startsWith(id) : e.message.id !== id) return false
  for (const [k, v] of Object.entries(params)) if (e.message.params[k] !== v) return false
  return true
}

/**
 * Index of the first event (from `from` on) with this message id and these parameters, or -1. An id ending in a dot
 * matches every message id under it (`vm.lock.` for every reason a VM is locked).
 */
export function indexOfEvent(s: LessonState, id: string, params: Params = {}, from = 0): number {
  for (let i = Math.max(0, from); i < s.events.length; i++) if (matches(s.events[i], id, params)) return i
  return -1
}

export function lastIndexOfEvent(s: LessonState, id: string, params: Params = {}): number {
  for (let i = s.events.length - 1; i >= 0; i--) if (matches(s.events[i], id, params)) return i
  return -1
}

export function happened(s: LessonState, id: string, params: Params = {}, after = -1): boolean {
  return indexOfEvent(s, id, params, after + 1) !== -1
}

/** Index of the first refusal (from `from` on) whose reason is this fault message, or -1: the lesson's refusals teach too. */
export function indexOfRefusal(s: LessonState, reasonId: string, from = 0): number {
  for (let i = Math.max(0, from); i < s.events.length; i++) {
    const e = s.events[i]
    const reason = e.message.params.reason
    if (e.message.id === 'fault.event' && typeof reason === 'object' && reason.id === reasonId) return i
  }
  return -1
}

/** The text of a datastore file as the views show it, or null. */
export function datastoreText(s: LessonState, datastore: string, path: string | null): string | null {
  return path ? (own(viewOfKind(s.views[datastore], 'datastore')?.persisted?.files, path)?.text ?? null) : null
}

/** The paths of the VM's .vmx and its disks' descriptors. */
export function vmTextFiles(s: LessonState, vm: VmView): { vmx: string | null; descriptors: (string | null)[] } {
  const v = viewOfKind(s.views[vm.id], 'vm')
  return { vmx: v?.files?.vmx ?? null, descriptors: (v?.disks ?? []).map((d) => d.descriptor ?? null) }
}

/** The guest data a VM was created with (the last accepted `vm.create` of that name), or null when unknown. */
export function guestDataOf(s: LessonState, vmName: string): string | null {
  for (let i = s.commands.length - 1; i >= 0; i--) {
    const c = s.commands[i]
    if (c.op === 'vm.create' && c.name === vmName) return c.guestData ?? ''
  }
  return null
}

const SECTOR = 512

/**
 * Whether the VM's disk on the datastore still starts with exactly what its guest wrote: the guest data in clear,
 * zero-padded to the first sector, as the lab lays out a new disk. Null when there is no disk or the guest data is
 * unknown (a lab restored without its command log) — the lab cannot tell, so it does not claim either way.
 */
export function diskShowsGuestInClear(s: LessonState, vm: VmView): boolean | null {
  const data = vm.flat ? own(viewOfKind(s.views[vm.datastore], 'datastore')?.persisted?.files, vm.flat)?.data : undefined
  const disk = isBytesView(data) ? data : null
  const guest = guestDataOf(s, vm.name)
  if (!disk || guest === null) return null
  const sector = new Uint8Array(Math.min(SECTOR, disk.size))
  sector.set(utf8(guest).subarray(0, sector.length))
  return disk.hex.slice(0, sector.length * 2) === toHex(sector)
}
