// One command at work: reads and replaces entities, draws random bytes, and seals each step into an event.
// If the command is refused half-way, `rollback` puts every entity back, so a refused command changes nothing.

import { produce, type Draft } from 'immer'
import type { EventInput, LabEvent } from './events'
import { type EntityStore, itemId, undoChanges, type Change, type HistoryEntry } from './history'
import {
  META_ID,
  type CollectionItems,
  type CollectionName,
  type ComponentKind,
  type ComponentRecord,
  type Entity,
  type LabMeta,
  type RecordByKind
} from './model'
import type { RandomSource } from './random'
import { formatMessage } from '../i18n/format'
import { fault } from './faults'

export class Transaction {
  private pending = new Map<string, unknown>()
  readonly entries: HistoryEntry[] = []

  constructor(
    private readonly store: EntityStore,
    private readonly randomSource: RandomSource,
    readonly commandIndex: number,
    private readonly firstSeq: number
  ) {}

  get meta(): LabMeta {
    return this.store.get(META_ID) as LabMeta
  }

  now(): number {
    return this.meta.clock
  }

  get<K extends ComponentKind>(id: string, kind: K): RecordByKind[K] | undefined {
    const e = this.store.get(id)
    return e && e.kind === kind ? (e as RecordByKind[K]) : undefined
  }

  require<K extends ComponentKind>(id: string, kind: K, label = id): RecordByKind[K] {
    const c = this.get(id, kind)
    if (!c) throw fault('NotFound', 'fault.notFound', { kind, name: label })
    return c
  }

  has(id: string): boolean {
    return this.store.has(id)
  }

  /** Components in the order they were added (stable for views and deterministic iteration). */
  all<K extends ComponentKind>(kind: K): RecordByKind[K][] {
    const out: RecordByKind[K][] = []
    for (const id of this.store.idsOfKind(kind)) out.push(this.store.get(id) as RecordByKind[K])
    return out
  }

  item<C extends CollectionName>(owner: string, collection: C, key: string): CollectionItems[C] | undefined {
    return this.store.item<CollectionItems[C]>(owner, collection, key)
  }

  /** The items of a collection, in the order they were added. */
  items<C extends CollectionName>(owner: string, collection: C): ReadonlyMap<string, CollectionItems[C]> {
    return this.store.collection<CollectionItems[C]>(owner, collection)
  }

  /** Sets (or with undefined removes) one item; only that item is recorded as changed. */
  setItem<C extends CollectionName>(owner: string, collection: C, key: string, value: CollectionItems[C] | undefined): void {
    const id = itemId(owner, collection, key)
    this.record(id)
    this.store.write(id, value)
  }

  put(entity: Entity): void {
    this.record(entity.id)
    this.store.write(entity.id, entity)
  }

  add(component: ComponentRecord): void {
    if (this.store.has(component.id)) throw fault('AlreadyExists', 'fault.alreadyExists', { name: component.id })
    this.put(component)
    this.updateMeta((m) => {
      m.order.push(component.id)
    })
  }

  remove(id: string): void {
    this.record(id)
    this.store.write(id, undefined)
    this.updateMeta((m) => {
      m.order = m.order.filter((x) => x !== id)
    })
  }

  update<T extends Entity>(entity: T, recipe: (draft: Draft<T>) => void): T {
    const current = this.store.get(entity.id) as T
    const next = produce(current, recipe)
    if (next !== current) this.put(next)
    return next
  }

  updateMeta(recipe: (draft: Draft<LabMeta>) => void): void {
    this.update(this.meta, recipe)
  }

  random(n: number): Uint8Array {
    const position = this.meta.randomPosition
    const bytes = this.randomSource.bytes(n, position)
    if (this.randomSource.seeded) this.updateMeta((m) => void (m.randomPosition = position + n))
    return bytes
  }

  /** Seals the changes made since the previous event into this one; the clock moves one second per step. */
  emit(input: EventInput): LabEvent {
    const time = this.meta.clock
    this.updateMeta((m) => void (m.clock = time + 1))
    const event: LabEvent = {
      seq: this.firstSeq + this.entries.length,
      command: this.commandIndex,
      kind: input.kind,
      from: input.from,
      to: input.to,
      keys: input.keys ?? [],
      payload: input.payload ?? null,
      kmip: input.kmip ?? null,
      message: input.message,
      text: formatMessage(input.message, 'en'),
      time,
      ...(input.detail ? { detail: input.detail } : {})
    }
    const changes: Change[] = []
    for (const [id, before] of this.pending) {
      const after = this.store.read(id)
      if (after !== before) changes.push({ id, before, after })
    }
    this.pending.clear()
    this.entries.push({ event, changes })
    return event
  }

  /** Changes made after the last event belong to it (a command always ends with an event). */
  hasPendingChanges(): boolean {
    return this.pending.size > 0
  }

  attachPendingToLast(): void {
    const last = this.entries[this.entries.length - 1]
    if (!last) return
    for (const [id, before] of this.pending) {
      const after = this.store.read(id)
      const existing = last.changes.find((c) => c.id === id)
      if (existing) existing.after = after
      else if (after !== before) last.changes.push({ id, before, after })
    }
    this.pending.clear()
  }

  rollback(): void {
    undoChanges(this.store, [...this.pending].map(([id, before]) => ({ id, before, after: undefined })))
    this.pending.clear()
    for (let i = this.entries.length - 1; i >= 0; i--) undoChanges(this.store, this.entries[i].changes)
    this.entries.length = 0
  }

  private record(id: string): void {
    if (!this.pending.has(id)) this.pending.set(id, this.store.read(id))
  }
}
