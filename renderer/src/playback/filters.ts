// Which events the timeline shows and plays (Packet Tracer's "Edit Filters"): by component, by key type and by
// kind of event. Hidden events still happen — the playback passes over them and their changes land with the next
// visible event — they are only not animated or listed.

import type { EventView } from '../../../shared/api/contract'
import type { EventKind } from '../../../shared/lab/events'
import type { KeyType } from '../../../shared/lab/model'
import { lowerBound } from '../reading/sortedSearch'

export type KindGroup = 'kmip' | 'tls' | 'trust' | 'keys' | 'files' | 'states' | 'faults'

export const KIND_GROUPS: Record<KindGroup, readonly EventKind[]> = {
  kmip: ['kmip.request', 'kmip.response'],
  tls: ['tls.handshake', 'tls.close'],
  trust: ['trust'],
  keys: ['key.push', 'key.generate', 'key.wrap', 'key.unwrap', 'key.discard', 'key.seal', 'kms.replicate', 'kms.admin', 'vcenter.db'],
  files: ['file.write', 'file.read', 'file.delete', 'disk.encrypt', 'disk.decrypt', 'coredump', 'cryptoUtil'],
  states: ['host.state', 'host.power', 'vm.state', 'vmotion', 'component', 'command', 'clock'],
  faults: ['fault']
}

export const GROUP_ORDER = Object.keys(KIND_GROUPS) as KindGroup[]

const groupOfKind = new Map<string, KindGroup>()
for (const g of GROUP_ORDER) for (const k of KIND_GROUPS[g]) groupOfKind.set(k, g)

export function kindGroup(kind: string): KindGroup | null {
  return groupOfKind.get(kind) ?? null
}

export type KeyFilter = KeyType | 'none'
export const KEY_FILTERS: readonly KeyFilter[] = ['hostKey', 'kek', 'dek', 'oneTimeKey', 'kdk', 'none']

export interface EventFilter {
  /** Show only events from or to these components; null: all components. */
  components: string[] | null
  keyTypes: KeyFilter[]
  groups: KindGroup[]
}

export const SHOW_ALL: EventFilter = { components: null, keyTypes: [...KEY_FILTERS], groups: [...GROUP_ORDER] }

export function isFiltering(f: EventFilter): boolean {
  return f.components !== null || f.keyTypes.length !== KEY_FILTERS.length || f.groups.length !== GROUP_ORDER.length
}

export function isVisible(e: EventView, f: EventFilter): boolean {
  if (f.components && !f.components.includes(e.from) && !f.components.includes(e.to)) return false
  const g = kindGroup(e.kind)
  if (g && !f.groups.includes(g)) return false
  if (f.keyTypes.length === KEY_FILTERS.length) return true
  return e.keys.length === 0 ? f.keyTypes.includes('none') : e.keys.some((k) => f.keyTypes.includes(k.keyType))
}

/** Seqs of the visible events, ascending. */
export function visibleSeqs(events: readonly EventView[], f: EventFilter): number[] {
  if (!isFiltering(f)) return events.map((e) => e.seq)
  const out: number[] = []
  for (const e of events) if (isVisible(e, f)) out.push(e.seq)
  return out
}

/** The first seq in `seqs` (ascending) greater than `after`. */
export function nextIn(seqs: readonly number[], after: number): number | null {
  const i = lowerBound(seqs, after + 1)
  return i < seqs.length ? seqs[i] : null
}

/** The last seq in `seqs` (ascending) less than `before`. */
export function prevIn(seqs: readonly number[], before: number): number | null {
  const i = lowerBound(seqs, before)
  return i > 0 ? seqs[i - 1] : null
}

/** The last visible seq at or before `seq` (the event the graph highlights when the cursor sits on a hidden one). */
export function visibleAtOrBefore(seqs: readonly number[], seq: number): number | null {
  return prevIn(seqs, seq + 1)
}
