// Turns the lab's history into what the window consumes: component views (collections included) and, per event,
// the patches between the views before and after it. Shared by the desktop main process and the test host.

import type { Lab, CommandRecord } from '../lab/lab'
import { splitItemId, type EntityStore, type HistoryEntry } from '../lab/history'
import { collections, type Entity } from '../lab/model'
import { diffView, project, type ViewPatch, type ViewValue } from '../lab/view'
import type { CommandView, EntityViews, EventView } from './contract'

export function entityViews(store: EntityStore): EntityViews {
  const out: EntityViews = {}
  for (const [id, e] of store.assembled()) out[id] = project(e)
  return out
}

/** A record's view with its collections present (empty at first), so the window never meets a missing one. */
function recordView(value: unknown): ViewValue | undefined {
  if (value === undefined) return undefined
  const view = project(value)
  const e = value as Entity
  if (e.kind === 'meta' || !collections[e.kind].length) return view
  const v = view as { [k: string]: ViewValue }
  const persisted = { ...(v.persisted as { [k: string]: ViewValue }) }
  for (const c of collections[e.kind]) persisted[c.slice('persisted.'.length)] = {}
  return { ...v, persisted }
}

export function eventView(entry: HistoryEntry): EventView {
  const patches: ViewPatch[] = []
  for (const c of entry.changes) {
    const item = splitItemId(c.id)
    if (item) {
      const path = [item.owner, ...item.collection.split('.'), item.key]
      diffView(c.before === undefined ? undefined : project(c.before), c.after === undefined ? undefined : project(c.after), path, patches)
    } else if (c.before === undefined || c.after === undefined) {
      // a component appears (with empty collections) or goes (with everything in it)
      diffView(recordView(c.before), recordView(c.after), [c.id], patches)
    } else {
      // collections are not part of the record: diff without them so they are left as they are
      diffView(project(c.before), project(c.after), [c.id], patches)
    }
  }
  return { ...entry.event, patches }
}

/** A copy: the lab shortens the last record in place when it rewinds, and a view once sent must not change. */
export function commandView(r: CommandRecord): CommandView {
  return { ...r }
}

/** Event views are computed once per history entry and kept (entries are immutable once appended). */
export class TimelineCache {
  private readonly views = new WeakMap<HistoryEntry, EventView>()

  view(entry: HistoryEntry): EventView {
    let v = this.views.get(entry)
    if (!v) {
      v = eventView(entry)
      this.views.set(entry, v)
    }
    return v
  }

  all(lab: Lab): EventView[] {
    return lab.entries.map((e) => this.view(e))
  }
}
