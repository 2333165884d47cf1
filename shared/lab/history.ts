// The lab's memory of itself: immutable entities (component records, lab metadata) and collection items, plus, for
// every event, which of them it replaced. Walking the change list backwards restores the state before any event;
// forwards, the state after it.

import type { LabEvent } from './events'
import { collections, type CollectionName, type Component, type ComponentRecord, type Entity, type LabMeta } from './model'

/** An item of a component's collection lives under `owner|collection|key`; component names never contain '|'. */
export const ITEM_SEPARATOR = '|'

export function itemId(owner: string, collection: CollectionName, key: string): string {
  return `${owner}${ITEM_SEPARATOR}${collection}${ITEM_SEPARATOR}${key}`
}

export function splitItemId(id: string): { owner: string; collection: CollectionName; key: string } | null {
  const a = id.indexOf(ITEM_SEPARATOR)
  if (a < 0) return null
  const b = id.indexOf(ITEM_SEPARATOR, a + 1)
  return { owner: id.slice(0, a), collection: id.slice(a + 1, b) as CollectionName, key: id.slice(b + 1) }
}

export interface Change {
  id: string
  before: unknown
  after: unknown
}

export interface HistoryEntry {
  event: LabEvent
  changes: Change[]
}

export class EntityStore {
  private readonly entities = new Map<string, Entity>()
  /** owner|collection → key → item, each map in insertion order. */
  private items: Map<string, Map<string, unknown>> = new Map()
  /** kind → ids in the order the components were added: "all hosts" must not walk every VM of a big lab. */
  private readonly kinds = new Map<string, Set<string>>()

  constructor(entities?: Iterable<[string, Entity]>, items?: Map<string, Map<string, unknown>>) {
    for (const [id, e] of entities ?? []) this.write(id, e)
    if (items) this.items = items
  }

  /** Ids of the components of one kind, in the order they were added. */
  idsOfKind(kind: string): ReadonlySet<string> {
    return this.kinds.get(kind) ?? new Set()
  }

  get(id: string): Entity | undefined {
    return this.entities.get(id)
  }

  has(id: string): boolean {
    return this.entities.has(id)
  }

  /** Reads an entity or an item by its change id. */
  read(id: string): unknown {
    const item = splitItemId(id)
    return item ? this.items.get(`${item.owner}${ITEM_SEPARATOR}${item.collection}`)?.get(item.key) : this.entities.get(id)
  }

  /** Writes an entity or an item by its change id; undefined removes it. */
  write(id: string, value: unknown): void {
    const item = splitItemId(id)
    if (!item) {
      const old = this.entities.get(id)
      if (value === undefined) {
        this.entities.delete(id)
        if (old) this.kinds.get(old.kind)?.delete(id)
        return
      }
      const kind = (value as Entity).kind
      this.entities.set(id, value as Entity)
      if (!old) {
        let ids = this.kinds.get(kind)
        if (!ids) this.kinds.set(kind, (ids = new Set()))
        ids.add(id)
      }
      return
    }
    const bucket = `${item.owner}${ITEM_SEPARATOR}${item.collection}`
    let map = this.items.get(bucket)
    if (value === undefined) {
      map?.delete(item.key)
      return
    }
    if (!map) this.items.set(bucket, (map = new Map()))
    map.set(item.key, value)
  }

  item<T>(owner: string, collection: CollectionName, key: string): T | undefined {
    return this.items.get(`${owner}${ITEM_SEPARATOR}${collection}`)?.get(key) as T | undefined
  }

  collection<T>(owner: string, collection: CollectionName): ReadonlyMap<string, T> {
    return (this.items.get(`${owner}${ITEM_SEPARATOR}${collection}`) ?? new Map()) as ReadonlyMap<string, T>
  }

  values(): IterableIterator<Entity> {
    return this.entities.values()
  }

  entries(): IterableIterator<[string, Entity]> {
    return this.entities.entries()
  }

  /** The whole component: its record with its collections as plain objects. */
  component(id: string): Component | undefined {
    const e = this.entities.get(id)
    if (!e || e.kind === 'meta') return undefined
    return assemble(e, (c) => this.collection(e.id, c))
  }

  /** Every entity as the outside sees it: components with their collections, the lab metadata as it is. */
  assembled(): Map<string, LabMeta | Component> {
    const out = new Map<string, LabMeta | Component>()
    for (const [id, e] of this.entities) out.set(id, e.kind === 'meta' ? e : this.component(id)!)
    return out
  }

  clone(): EntityStore {
    const items = new Map<string, Map<string, unknown>>()
    for (const [k, m] of this.items) items.set(k, new Map(m))
    return new EntityStore(this.entities, items)
  }
}

export function assemble(record: ComponentRecord, collectionOf: (c: CollectionName) => ReadonlyMap<string, unknown>): Component {
  const names = collections[record.kind]
  if (!names.length) return record as Component
  const persisted: Record<string, unknown> = { ...record.persisted }
  for (const c of names) persisted[c.slice('persisted.'.length)] = Object.fromEntries(collectionOf(c))
  return { ...record, persisted } as Component
}

/** Splits a whole component into its record and its collection items (for a restored lab file). */
export function disassemble(component: Component): { record: ComponentRecord; items: [CollectionName, string, unknown][] } {
  const names = collections[component.kind]
  if (!names.length) return { record: component as ComponentRecord, items: [] }
  const persisted: Record<string, unknown> = { ...component.persisted }
  const items: [CollectionName, string, unknown][] = []
  for (const c of names) {
    const field = c.slice('persisted.'.length)
    for (const [key, value] of Object.entries((persisted[field] ?? {}) as Record<string, unknown>)) items.push([c, key, value])
    delete persisted[field]
  }
  return { record: { ...component, persisted } as ComponentRecord, items }
}

export function undoChanges(store: EntityStore, changes: readonly Change[]): void {
  for (let i = changes.length - 1; i >= 0; i--) store.write(changes[i].id, changes[i].before)
}

export function redoChanges(store: EntityStore, changes: readonly Change[]): void {
  for (const c of changes) store.write(c.id, c.after)
}
