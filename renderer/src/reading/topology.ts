// The lab's structure as the graph needs it, read from the views: which components exist, how they group
// (KMS servers by key provider, hosts and datastores by cluster), which host runs each VM, and the lines
// between them. Plain data, no React; the layout and the token router build on it.

import type { EntityViews } from '../../../shared/api/contract'
import type { EventView } from '../../../shared/api/contract'
import { META_ID, VCENTER_ID } from '../../../shared/lab/ids'
import type { ComponentKind } from '../../../shared/lab/model'
import { componentView, metaView, viewOfKind, type ComponentView } from '../../../shared/lab/readView'

export interface TopoComponent {
  id: string
  kind: ComponentKind
  name: string
  /** KMS: its key provider; host and datastore: its cluster; VM: the name of its host. */
  group: string
}

export type EdgeKind = 'kmip' | 'management' | 'storage' | 'vm' | 'replication' | 'vmotion'
/** KMIP lines: `none` while vCenter has no such provider, `open` until trust is established, `closed` after. */
export type LockState = 'none' | 'open' | 'closed'

export interface TopoEdge {
  id: string
  kind: EdgeKind
  source: string
  target: string
  lock?: LockState
}

function groupOf(c: ComponentView): string {
  if (c.kind === 'kms') return c.provider ?? ''
  if (c.kind === 'vm') return c.host ?? ''
  if (c.kind === 'host' || c.kind === 'datastore') return c.cluster ?? ''
  return ''
}

function order(views: EntityViews): string[] {
  const ids = (metaView(views[META_ID])?.order ?? []).filter((id) => typeof id === 'string' && id in views)
  const seen = new Set(ids)
  if (!seen.has(VCENTER_ID) && VCENTER_ID in views) ids.unshift(VCENTER_ID)
  for (const id of Object.keys(views)) if (!seen.has(id) && !ids.includes(id)) ids.push(id)
  return ids
}

/**
 * Each component's entry, kept per view object: an event replaces the views of the components it changes and keeps
 * the others, so reading the structure again after an event (the graph does, at every step while playing) reads
 * only what changed.
 */
const componentCache = new WeakMap<object, TopoComponent | null>()

function componentOf(id: string, view: EntityViews[string]): TopoComponent | null {
  if (typeof view !== 'object' || view === null) return null
  const cached = componentCache.get(view)
  if (cached !== undefined && (cached === null || cached.id === id)) return cached
  const c = componentView(view)
  const component = c ? { id, kind: c.kind, name: c.name ?? id, group: groupOf(c) } : null
  componentCache.set(view, component)
  return component
}

/** Components of one set of views, in the lab's order (vCenter first). */
export function componentsOf(views: EntityViews): TopoComponent[] {
  const out: TopoComponent[] = []
  for (const id of order(views)) {
    const c = componentOf(id, views[id])
    if (c) out.push(c)
  }
  return out
}

/**
 * Every component the layout places: those of the live lab (so nothing jumps while stepping through history: a
 * component that does not exist yet at the cursor keeps its future place) plus any only the cursor knows. A VM sits
 * on its host as of the cursor: after a vMotion it really is on the other host.
 */
export function layoutComponents(live: EntityViews, atCursor: EntityViews): TopoComponent[] {
  const out = componentsOf(live)
  const index = new Map(out.map((c, i) => [c.id, i]))
  for (const c of componentsOf(atCursor)) {
    const i = index.get(c.id)
    if (i === undefined) out.push(c)
    else if (c.kind === 'vm') out[i] = c
  }
  return out
}

/** A key provider's box on the graph. */
export interface TopoProvider {
  name: string
  /** A Native Key Provider: vCenter makes its keys itself, so no KMS server ever joins its box. */
  native: boolean
}

/** Key providers in the order the lab met them: vCenter's registrations, then any only a KMS names. */
export function topoProviders(views: EntityViews, components: readonly TopoComponent[]): TopoProvider[] {
  const registered = viewOfKind(views[VCENTER_ID], 'vcenter')?.persisted?.providers ?? {}
  const providers = Object.entries(registered).map(([name, p]) => ({ name, native: p.type === 'native' }))
  for (const c of components)
    if (c.kind === 'kms' && c.group && !providers.some((p) => p.name === c.group)) providers.push({ name: c.group, native: false })
  return providers
}

export function lockOf(views: EntityViews, provider: string): LockState {
  const providers = viewOfKind(views[VCENTER_ID], 'vcenter')?.persisted?.providers
  if (!providers || !Object.prototype.hasOwnProperty.call(providers, provider)) return 'none'
  return providers[provider].trust?.mode ? 'closed' : 'open'
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

/** Host pairs that have done a vMotion up to `seq`: their line appears once it is used. */
export function vmotionPairs(events: readonly EventView[], seq: number): [string, string][] {
  const seen = new Map<string, [string, string]>()
  for (const e of events) {
    if (e.seq > seq) break
    if (e.kind === 'vmotion' && e.from !== e.to) seen.set(pairKey(e.from, e.to), e.from < e.to ? [e.from, e.to] : [e.to, e.from])
  }
  return [...seen.values()]
}

/** The lines between the components that exist at the cursor. */
export function edgesOf(views: EntityViews, vmotions: readonly [string, string][] = []): TopoEdge[] {
  const comps = componentsOf(views)
  const edges: TopoEdge[] = []
  const hasVcenter = comps.some((c) => c.id === VCENTER_ID)
  const hostByName = new Map<string, TopoComponent>()
  const datastoreByCluster = new Map<string, TopoComponent>()
  const kmsByProvider = new Map<string, TopoComponent[]>()
  for (const c of comps) {
    if (c.kind === 'host') hostByName.set(c.name, c)
    if (c.kind === 'datastore' && !datastoreByCluster.has(c.group)) datastoreByCluster.set(c.group, c)
    if (c.kind === 'kms') kmsByProvider.set(c.group, [...(kmsByProvider.get(c.group) ?? []), c])
  }
  for (const c of comps) {
    if (c.kind === 'kms' && hasVcenter) edges.push({ id: `kmip:${c.id}`, kind: 'kmip', source: c.id, target: VCENTER_ID, lock: lockOf(views, c.group) })
    if (c.kind === 'host') {
      if (hasVcenter) edges.push({ id: `mgmt:${c.id}`, kind: 'management', source: VCENTER_ID, target: c.id })
      const ds = datastoreByCluster.get(c.group)
      if (ds) edges.push({ id: `storage:${c.id}`, kind: 'storage', source: c.id, target: ds.id })
    }
    if (c.kind === 'vm') {
      const host = hostByName.get(c.group)
      if (host) edges.push({ id: `vm:${c.id}`, kind: 'vm', source: host.id, target: c.id })
    }
  }
  for (const servers of kmsByProvider.values())
    for (let i = 1; i < servers.length; i++)
      edges.push({ id: `repl:${servers[i - 1].id}|${servers[i].id}`, kind: 'replication', source: servers[i - 1].id, target: servers[i].id })
  const ids = new Set(comps.map((c) => c.id))
  for (const [a, b] of vmotions)
    if (ids.has(a) && ids.has(b)) edges.push({ id: `vmotion:${a}|${b}`, kind: 'vmotion', source: a, target: b })
  return edges
}
