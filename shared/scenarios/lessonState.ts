// What a lesson's objectives look at: the lab exactly as the window shows it at one step — the component views
// (JSON projections, byte strings as hex previews) plus the events and accepted commands up to that step. Reading the
// views rather than the lab core means the checklist can only tick what the student can see for themselves, and it
// follows the cursor: stepping back restores earlier views and un-ticks what had not happened yet.
//
// Views come from another process (the lab host), so every reader here answers a default instead of throwing when
// a view is not shaped as expected: a broken view leaves an objective open, it never crashes the window.

import type { EntityViews } from '../api/contract'
import { fromHex, fromUtf8, toHex, utf8 } from '../crypto/bytes'
import type { LabCommand } from '../lab/commands/schema'
import type { LabEvent } from '../lab/events'
import { isBytesView, type BytesView, type ViewValue } from '../lab/view'

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

type ViewObject = { [key: string]: ViewValue }

function obj(v: ViewValue | undefined): ViewObject | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isBytesView(v) ? (v as ViewObject) : null
}

function at(v: ViewValue | undefined, ...path: string[]): ViewValue | undefined {
  let cur = v
  for (const key of path) cur = obj(cur)?.[key]
  return cur
}

const str = (v: ViewValue | undefined): string | null => (typeof v === 'string' ? v : null)
const bytes = (v: ViewValue | undefined): BytesView | null => (isBytesView(v) ? v : null)

function ofKind(s: LessonState, kind: string): ViewObject[] {
  const out: ViewObject[] = []
  for (const v of Object.values(s.views)) {
    const o = obj(v)
    if (o && o.kind === kind) out.push(o)
  }
  return out
}

export interface VmView {
  id: string
  name: string
  host: string
  datastore: string
  power: string | null
  cryptoState: string | null
  keyId: string | null
  connectionState: string | null
  /** The `-flat.vmdk` of its first (boot) disk now (a path on its datastore). */
  flat: string | null
  /** Its disks: device, whether each is encrypted (its own key ID), and its -flat.vmdk. */
  disks: { device: string; keyId: string | null; flat: string | null }[]
  vtpm: boolean
  migrateEncryption: string | null
}

function list(v: ViewValue | undefined): ViewValue[] {
  return Array.isArray(v) ? v : []
}

export function vms(s: LessonState): VmView[] {
  return ofKind(s, 'vm').map((v) => ({
    id: str(v.id) ?? '',
    name: str(v.name) ?? '',
    host: str(v.host) ?? '',
    datastore: str(v.datastore) ?? '',
    power: str(v.power),
    cryptoState: str(v.cryptoState),
    keyId: str(v.keyId),
    connectionState: str(v.connectionState),
    flat: str(at(list(at(v, 'disks'))[0], 'flat')),
    disks: list(at(v, 'disks')).map((d) => ({
      device: str(at(d, 'device')) ?? '',
      keyId: str(at(d, 'keyId')),
      flat: str(at(d, 'flat'))
    })),
    vtpm: at(v, 'vtpm') === true,
    migrateEncryption: str(v.migrateEncryption)
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
  keyType: string
  vm: string | null
}

export interface HostView {
  id: string
  name: string
  cluster: string
  cryptoState: string | null
  hostKeyId: string | null
  keyCache: CachedKeyView[]
  dumps: CoreDumpView[]
  /** The Native Key Providers whose KDK the host holds in memory. */
  kdkProviders: string[]
}

export function hosts(s: LessonState): HostView[] {
  return ofKind(s, 'host').map((h) => ({
    id: str(h.id) ?? '',
    name: str(h.name) ?? '',
    cluster: str(h.cluster) ?? '',
    cryptoState: str(h.cryptoState),
    hostKeyId: str(at(h, 'persisted', 'config', 'hostKeyId')),
    keyCache: Object.values(obj(at(h, 'memory', 'keyCache')) ?? {}).flatMap((k) => {
      const o = obj(k)
      const keyId = str(o?.keyId)
      return o && keyId ? [{ keyId, keyType: str(o.keyType) ?? '', vm: str(o.vm) }] : []
    }),
    kdkProviders: Object.keys(obj(at(h, 'memory', 'kdks')) ?? {}),
    dumps: Object.entries(obj(at(h, 'persisted', 'varCore')) ?? {}).flatMap(([name, data]) => {
      const b = bytes(data)
      if (!b) return []
      const header = dumpHeader(b)
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
  return ofKind(s, 'kms').map((k) => {
    const trusted = at(k, 'persisted', 'trustedClients')
    return { name: str(k.name) ?? '', provider: str(k.provider) ?? '', running: k.running === true, trustsClients: Array.isArray(trusted) && trusted.length > 0 }
  })
}

export interface ProviderView {
  name: string
  mode: string | null
  /** vCenter's half of the trust: it accepts the KMS cluster's CA and has a client identity for it. */
  vcenterTrusts: boolean
  /** standard or native (files from before the Native Key Provider have no type: standard). */
  type: string
  /** A Native Key Provider that has been backed up. */
  hasBackup: boolean
}

export function providers(s: LessonState): ProviderView[] {
  return Object.entries(obj(at(s.views.vcenter, 'persisted', 'providers')) ?? {}).map(([name, p]) => ({
    name,
    mode: str(at(p, 'trust', 'mode')),
    vcenterTrusts: str(at(p, 'trust', 'mode')) !== null && str(at(p, 'trust', 'trustedKmsCaPem')) !== null && obj(at(p, 'trust', 'clientCertificate')) !== null,
    type: str(at(p, 'type')) ?? 'standard',
    hasBackup: at(p, 'native', 'hasBackup') === true
  }))
}

/** The provider vCenter's database names for a VM's key. */
export function vcenterProviderOf(s: LessonState, vmName: string): string | null {
  return str(at(s.views.vcenter, 'persisted', 'vmKeys', vmName, 'providerId'))
}

/** Providers trusted both ways: vCenter trusts the KMS CA, and every one of its KMS servers accepts vCenter. */
export function trustedProviders(s: LessonState): ProviderView[] {
  const kms = kmsServers(s)
  return providers(s).filter((p) => {
    const servers = kms.filter((k) => k.provider === p.name)
    return p.vcenterTrusts && servers.length > 0 && servers.every((k) => k.trustsClients)
  })
}

/** The key ID vCenter's database keeps for a VM (key IDs only, never key material). */
export function vcenterKeyIdOf(s: LessonState, vmName: string): string | null {
  return str(at(s.views.vcenter, 'persisted', 'vmKeys', vmName, 'keyId'))
}

/** How many keys vCenter holds in memory right now (on their way to a host). */
export function vcenterKeysInFlight(s: LessonState): number {
  const inFlight = at(s.views.vcenter, 'memory', 'keysInFlight')
  return Array.isArray(inFlight) ? inFlight.length : 0
}

/** Whether anything vCenter persists is a byte string — key material would be; key IDs and certificates are text. */
export function vcenterStoresBytes(s: LessonState): boolean {
  const walk = (v: ViewValue | undefined): boolean => (isBytesView(v) ? true : Array.isArray(v) ? v.some(walk) : Object.values(obj(v) ?? {}).some(walk))
  return walk(at(s.views.vcenter, 'persisted'))
}

/** The lab's logical clock (POSIX seconds), or null. */
export function labClock(s: LessonState): number | null {
  const c = at(s.views.lab, 'clock')
  return typeof c === 'number' ? c : null
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
  return path ? str(at(s.views[datastore], 'persisted', 'files', path, 'text')) : null
}

/** The paths of the VM's .vmx and its disks' descriptors. */
export function vmTextFiles(s: LessonState, vm: VmView): { vmx: string | null; descriptors: (string | null)[] } {
  const v = s.views[vm.id]
  return { vmx: str(at(v, 'files', 'vmx')), descriptors: list(at(v, 'disks')).map((d) => str(at(d, 'descriptor'))) }
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
  const disk = vm.flat ? bytes(at(s.views[vm.datastore], 'persisted', 'files', vm.flat, 'data')) : null
  const guest = guestDataOf(s, vm.name)
  if (!disk || guest === null) return null
  const sector = new Uint8Array(Math.min(SECTOR, disk.size))
  sector.set(utf8(guest).subarray(0, sector.length))
  return disk.hex.slice(0, sector.length * 2) === toHex(sector)
}
