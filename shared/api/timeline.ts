// Turns the lab's history into what the window consumes: entity views and, per event, the patches between the
// views before and after it. Shared by the desktop main process and the test host.

import type { Lab, CommandRecord } from '../lab/lab'
import type { HistoryEntry } from '../lab/history'
import { diffView, project, type ViewPatch } from '../lab/view'
import type { CommandView, EntityViews, EventView } from './contract'

export function entityViews(entities: Iterable<[string, unknown]>): EntityViews {
  const out: EntityViews = {}
  for (const [id, e] of entities) out[id] = project(e)
  return out
}

export function eventView(entry: HistoryEntry): EventView {
  const patches: ViewPatch[] = []
  for (const c of entry.changes) diffView(c.before === undefined ? undefined : project(c.before), c.after === undefined ? undefined : project(c.after), [c.id], patches)
  return { ...entry.event, patches }
}

export function commandView(r: CommandRecord): CommandView {
  return { index: r.index, command: r.command, step: r.step, firstSeq: r.firstSeq, lastSeq: r.lastSeq, fault: r.fault }
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
