// The window's copy of the lab's history, as plain immutable data: the views at `baseSeq`, the events after it
// with their patches, and a cursor. The views at any seq are derived by applying patches, so stepping back restores
// exactly the earlier state everywhere (graph, inspectors, table). No React in here.
//
// Cost: a step forward applies one event's patches; any other move starts from the nearest snapshot (kept every
// SNAPSHOT_EVERY events, computed on first use), so a jump costs at most that many events, whatever the history's
// length. A big lab's history arrives as a recent window; `prependHistory` adds older stretches in front.

import type { CommandView, EntityViews, EventView, HistoryPage, LabFileInfo, Timeline } from '../../../shared/api/contract'
import { CatalogError } from '../../../shared/i18n/catalogError'
import { applyPatches, type ViewPatch, type ViewValue } from '../../../shared/lab/view'

export const SNAPSHOT_EVERY = 256

/** The host's timeline (events contiguous: events[i].seq === baseSeq + 1 + i) plus the window's cursor and views. */
export interface LoadedTimeline extends Timeline {
  /** The event whose "after" state is shown; `baseSeq` shows the state before any loaded event. */
  cursor: number
  /** Views after the last event. */
  live: EntityViews
  /** Views at the cursor (the same object as `live` while the cursor is at the end). */
  views: EntityViews
  /** Views after every SNAPSHOT_EVERY-th event, filled on demand; shared while base and earlier events stay. */
  snapshots: Map<number, EntityViews>
}

export function lastSeq(m: Pick<LoadedTimeline, 'events' | 'baseSeq'>): number {
  return m.events.length > 0 ? m.events[m.events.length - 1].seq : m.baseSeq
}

export function eventAt(m: Pick<LoadedTimeline, 'events' | 'baseSeq'>, seq: number): EventView | undefined {
  const e = m.events[seq - m.baseSeq - 1]
  return e && e.seq === seq ? e : undefined
}

/**
 * One event's patches, with the top level (one key per component, hundreds in a big lab) copied once per event
 * instead of once per patch.
 */
export function applyEvent(views: EntityViews, patches: readonly ViewPatch[]): EntityViews {
  if (patches.length === 0) return views
  const out: EntityViews = { ...views }
  patchInto(out, patches)
  return out
}

/** Applies patches to a top level that is the caller's own copy; everything below it is replaced, never changed. */
function patchInto(out: EntityViews, patches: readonly ViewPatch[]): void {
  for (const patch of patches) {
    const id = patch.path[0] as string
    if (patch.path.length === 1) {
      if (patch.op === 'set') out[id] = patch.value
      else delete out[id]
      continue
    }
    const rest: ViewPatch = patch.op === 'set' ? { op: 'set', path: patch.path.slice(1), value: patch.value } : { op: 'delete', path: patch.path.slice(1) }
    out[id] = applyPatches((out[id] ?? {}) as ViewValue, [rest])
  }
}

/**
 * Several events at once (a push, a jump, a snapshot): the top level is copied once for all of them, so a push of
 * forty events into a lab of hundreds of components copies it once, not forty times.
 */
function applyEvents(views: EntityViews, events: readonly EventView[]): EntityViews {
  if (events.length <= 1) return events.length ? applyEvent(views, events[0].patches) : views
  const out: EntityViews = { ...views }
  for (const e of events) patchInto(out, e.patches)
  return out
}

function contiguous(baseSeq: number, events: readonly EventView[]): boolean {
  return events.every((e, i) => e.seq === baseSeq + 1 + i)
}

/** A timeline the window cannot show (the host's fault, but it stops the window, so it is told in the user's language). */
export class TimelineGaps extends CatalogError {
  override name = 'TimelineGaps'

  constructor() {
    super({ id: 'labHost.timelineGaps', params: {} })
  }
}

export function fromTimeline(t: Timeline): LoadedTimeline {
  if (!contiguous(t.baseSeq, t.events)) throw new TimelineGaps()
  const live = applyEvents(t.base, t.events)
  const timeline = {
    labId: t.labId,
    seed: t.seed,
    startSeq: t.startSeq ?? 0,
    base: t.base,
    baseSeq: t.baseSeq,
    events: t.events,
    commands: t.commands,
    file: t.file,
    undone: t.undone ?? 0
  }
  return { ...timeline, cursor: lastSeq(timeline), live, views: live, snapshots: new Map() }
}

/**
 * Adds events that arrived after the timeline was loaded; events it already has are ignored. The cursor stays where
 * it is (the playback decides whether the new events play or the view jumps to the end). Returns null when the
 * events do not continue the history (something was missed: the window must reload).
 */
export function appendEvents(m: LoadedTimeline, events: readonly EventView[], command: CommandView): LoadedTimeline | null {
  const end = lastSeq(m)
  const fresh = events.filter((e) => e.seq > end).sort((a, b) => a.seq - b.seq)
  if (!contiguous(end, fresh)) return null
  const commands = m.commands.slice()
  commands[command.index] = command
  if (fresh.length === 0) return { ...m, commands }
  const live = applyEvents(m.live, fresh)
  return {
    ...m,
    events: [...m.events, ...fresh],
    commands,
    // The host marks the lab unsaved with every appended command but sends no file push for it.
    file: m.file.dirty ? m.file : { ...m.file, dirty: true },
    live
  }
}

/** Puts an older stretch of history in front; returns null if it does not end where the timeline starts. */
export function prependHistory(m: LoadedTimeline, page: HistoryPage): LoadedTimeline | null {
  if (page.labId !== m.labId || !contiguous(page.baseSeq, page.events) || page.baseSeq + page.events.length !== m.baseSeq) return null
  return { ...m, base: page.base, baseSeq: page.baseSeq, events: [...page.events, ...m.events], snapshots: new Map() }
}

/** The views after event `seq` (clamped to the loaded history). */
export function viewsAt(m: LoadedTimeline, seq: number): EntityViews {
  const end = lastSeq(m)
  const target = Math.min(Math.max(Math.trunc(seq), m.baseSeq), end)
  if (target === end) return m.live
  if (target === m.cursor) return m.views
  // From the cursor when it is just behind the target, otherwise from the nearest snapshot at or before it.
  const k = Math.floor((target - m.baseSeq) / SNAPSHOT_EVERY)
  const snapSeq = m.baseSeq + k * SNAPSHOT_EVERY
  if (m.cursor <= target && m.cursor >= snapSeq) return applyEvents(m.views, m.events.slice(m.cursor - m.baseSeq, target - m.baseSeq))
  return applyEvents(snapshot(m, k), m.events.slice(snapSeq - m.baseSeq, target - m.baseSeq))
}

function snapshot(m: LoadedTimeline, k: number): EntityViews {
  if (k === 0) return m.base
  const cached = m.snapshots.get(k)
  if (cached) return cached
  let j = k - 1
  while (j > 0 && !m.snapshots.has(j)) j--
  let views = j === 0 ? m.base : m.snapshots.get(j)!
  for (let i = j + 1; i <= k; i++) {
    views = applyEvents(views, m.events.slice((i - 1) * SNAPSHOT_EVERY, i * SNAPSHOT_EVERY))
    m.snapshots.set(i, views)
  }
  return views
}

/** Moves the cursor (clamped to the loaded history) and derives the views there. */
export function moveCursor(m: LoadedTimeline, seq: number): LoadedTimeline {
  const end = lastSeq(m)
  const cursor = Math.min(Math.max(Math.trunc(seq), m.baseSeq), end)
  if (cursor === m.cursor) return m
  return { ...m, cursor, views: viewsAt(m, cursor) }
}

export function withFile(m: LoadedTimeline, file: LabFileInfo): LoadedTimeline {
  return { ...m, file }
}

export function eventsOfCommand(m: Pick<LoadedTimeline, 'events' | 'baseSeq'>, command: Pick<CommandView, 'firstSeq' | 'lastSeq'>): EventView[] {
  const from = Math.max(command.firstSeq, m.baseSeq + 1) - m.baseSeq - 1
  const to = command.lastSeq - m.baseSeq
  return to > from ? m.events.slice(from, to) : []
}
