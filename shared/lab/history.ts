// The lab's memory of itself: a map of immutable entities plus, for every event, which entities it replaced.
// Walking the change list backwards restores the state before any event; forwards, the state after it.

import type { LabEvent } from './events'
import type { Entity } from './model'

export interface Change {
  id: string
  before: Entity | undefined
  after: Entity | undefined
}

export interface HistoryEntry {
  event: LabEvent
  changes: Change[]
}

export class EntityStore {
  private readonly map: Map<string, Entity>

  constructor(entries?: Iterable<[string, Entity]>) {
    this.map = new Map(entries)
  }

  get(id: string): Entity | undefined {
    return this.map.get(id)
  }

  set(id: string, entity: Entity | undefined): void {
    if (entity === undefined) this.map.delete(id)
    else this.map.set(id, entity)
  }

  has(id: string): boolean {
    return this.map.has(id)
  }

  values(): IterableIterator<Entity> {
    return this.map.values()
  }

  entries(): IterableIterator<[string, Entity]> {
    return this.map.entries()
  }

  clone(): EntityStore {
    return new EntityStore(this.map)
  }

  get size(): number {
    return this.map.size
  }
}

export function undoChanges(store: EntityStore, changes: readonly Change[]): void {
  for (let i = changes.length - 1; i >= 0; i--) store.set(changes[i].id, changes[i].before)
}

export function redoChanges(store: EntityStore, changes: readonly Change[]): void {
  for (const c of changes) store.set(c.id, c.after)
}
