// The window's copy of the lab's history, as plain immutable data: the base views, the events with their patches,
// and a cursor. The views at the cursor are derived by applying patches; the views after the last event are kept
// up to date as events arrive, so following the live lab costs one patch set per event. No React in here.

import type { CommandView, EntityViews, EventView, LabFileInfo, Timeline } from '../../../shared/api/contract'
import { applyPatches } from '../../../shared/lab/view'

export interface TimelineModel {
  labId: string
  seed: number | null
  base: EntityViews
  baseSeq: number
  events: EventView[]
  commands: CommandView[]
  file: LabFileInfo
  /** The event whose "after" state is shown; `baseSeq` shows the state before any event. */
  cursor: number
  /** Views after the last event. */
  live: EntityViews
  /** Views at the cursor (the same object as `live` while the cursor follows the end). */
  views: EntityViews
}

export function lastSeq(m: Pick<TimelineModel, 'events' | 'baseSeq'>): number {
  return m.events.length > 0 ? m.events[m.events.length - 1].seq : m.baseSeq
}

function applyEvents(views: EntityViews, events: readonly EventView[]): EntityViews {
  let out = views
  for (const e of events) out = applyPatches(out, e.patches)
  return out
}

export function fromTimeline(t: Timeline): TimelineModel {
  const live = applyEvents(t.base, t.events)
  const model = { labId: t.labId, seed: t.seed, base: t.base, baseSeq: t.baseSeq, events: t.events, commands: t.commands, file: t.file }
  return { ...model, cursor: lastSeq(model), live, views: live }
}

/** Adds events that arrived after the model was made; events it already has (same or lower seq) are ignored. */
export function appendEvents(m: TimelineModel, events: readonly EventView[], command: CommandView): TimelineModel {
  const end = lastSeq(m)
  const fresh = events.filter((e) => e.seq > end).sort((a, b) => a.seq - b.seq)
  const commands = m.commands.slice()
  commands[command.index] = command
  if (fresh.length === 0) return { ...m, commands }
  const live = applyEvents(m.live, fresh)
  const allEvents = [...m.events, ...fresh]
  const following = m.cursor === end
  return {
    ...m,
    events: allEvents,
    commands,
    // The host marks the lab unsaved with every appended command but sends no file push for it.
    file: m.file.dirty ? m.file : { ...m.file, dirty: true },
    live,
    cursor: following ? fresh[fresh.length - 1].seq : m.cursor,
    views: following ? live : m.views
  }
}

/** Moves the cursor (clamped to the history) and derives the views there. */
export function moveCursor(m: TimelineModel, seq: number): TimelineModel {
  const end = lastSeq(m)
  const cursor = Math.min(Math.max(Math.trunc(seq), m.baseSeq), end)
  if (cursor === m.cursor) return m
  if (cursor === end) return { ...m, cursor, views: m.live }
  return { ...m, cursor, views: applyEvents(m.base, m.events.filter((e) => e.seq <= cursor)) }
}

export function withFile(m: TimelineModel, file: LabFileInfo): TimelineModel {
  return { ...m, file }
}

export function eventsOfCommand(m: Pick<TimelineModel, 'events'>, command: Pick<CommandView, 'firstSeq' | 'lastSeq'>): EventView[] {
  return m.events.filter((e) => e.seq >= command.firstSeq && e.seq <= command.lastSeq)
}
