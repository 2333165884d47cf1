import { describe, expect, it } from 'vitest'
import type { CommandView, EventView, Timeline } from '../../../shared/api/contract'
import { applyPatches, type ViewPatch, type ViewValue } from '../../../shared/lab/view'
import {
  SNAPSHOT_EVERY,
  TimelineGaps,
  appendEvents,
  applyEvent,
  eventAt,
  eventsOfCommand,
  fromTimeline,
  lastSeq,
  moveCursor,
  prependHistory,
  viewsAt,
  withFile
} from '../../../renderer/src/store/loadedTimeline'

function event(seq: number, patches: ViewPatch[], command = 0): EventView {
  return { seq, command, kind: 'component', from: 'vcenter', to: 'x', keys: [], payload: null, kmip: null, message: { id: 'kms.started', params: { kms: 'kms-1' } }, text: `event ${seq}`, time: 0, patches }
}

const command = (index: number, firstSeq: number, lastSeq: number): CommandView => ({
  index,
  command: { op: 'vcenter.stop' },
  step: null,
  firstSeq,
  lastSeq,
  fault: null
})

const timeline = (events: EventView[], baseSeq = 0, base: Timeline['base'] = { vcenter: { kind: 'vcenter', running: true } }): Timeline => ({
  labId: 'L',
  seed: null,
  startSeq: 0,
  base,
  baseSeq,
  events,
  commands: events.length ? [command(0, 1, events.length)] : [],
  file: { path: null, name: 'untitled.kflab', dirty: false }
})

const stop = event(1, [{ op: 'set', path: ['vcenter', 'running'], value: false }])
const start = event(2, [{ op: 'set', path: ['vcenter', 'running'], value: true }])
const addHost = event(3, [{ op: 'set', path: ['host:a'], value: { kind: 'host', name: 'a' } }], 1)

/** A counter that every event bumps: the views at seq n say n. */
const counting = (n: number) => Array.from({ length: n }, (_, i) => event(i + 1, [{ op: 'set', path: ['lab', 'n'], value: i + 1 }]))

describe('timeline model', () => {
  it('derives the live views from base and patches, with the cursor at the end', () => {
    const m = fromTimeline(timeline([stop]))
    expect(m.cursor).toBe(1)
    expect(m.views).toEqual({ vcenter: { kind: 'vcenter', running: false } })
    expect(m.views).toBe(m.live)
    // The base is never mutated by applying patches.
    expect(m.base).toEqual({ vcenter: { kind: 'vcenter', running: true } })
  })

  it('refuses a timeline or a push with a gap in it', () => {
    expect(() => fromTimeline(timeline([stop, addHost]))).toThrow(TimelineGaps)
    expect(appendEvents(fromTimeline(timeline([stop])), [addHost], command(1, 3, 3))).toBeNull()
  })

  it('appends new events and leaves the cursor where it was (the playback decides what to show)', () => {
    const m = appendEvents(fromTimeline(timeline([stop, start])), [addHost], command(1, 3, 3))!
    expect(lastSeq(m)).toBe(3)
    expect(m.cursor).toBe(2)
    expect(m.views['host:a']).toBeUndefined()
    expect(m.live['host:a']).toEqual({ kind: 'host', name: 'a' })
    expect(m.commands[1]).toEqual(command(1, 3, 3))
    expect(m.file.dirty).toBe(true)
    expect(moveCursor(m, 3).views).toBe(m.live)
  })

  it('ignores events it already has (a push that raced the timeline load)', () => {
    const m = fromTimeline(timeline([stop, start]))
    const again = appendEvents(m, [stop, start], command(0, 1, 2))!
    expect(again.events).toHaveLength(2)
    expect(again.live).toBe(m.live)
  })

  it('moves the cursor back and forth, restoring the views there', () => {
    const m = fromTimeline(timeline([stop, start]))
    expect(moveCursor(m, 1).views.vcenter).toEqual({ kind: 'vcenter', running: false })
    expect(moveCursor(m, 0).views).toEqual(m.base)
    expect(moveCursor(moveCursor(m, 0), 2).views).toBe(m.live)
    expect(moveCursor(m, 99).cursor).toBe(2)
    expect(moveCursor(m, -5).cursor).toBe(0)
  })

  it('gives the same views at every seq of a long history, from snapshots or step by step', () => {
    const n = SNAPSHOT_EVERY * 3 + 17
    const m = fromTimeline(timeline(counting(n), 0, { lab: { n: 0 } }))
    for (const seq of [0, 1, SNAPSHOT_EVERY - 1, SNAPSHOT_EVERY, SNAPSHOT_EVERY + 1, 2 * SNAPSHOT_EVERY + 5, n - 1, n])
      expect(viewsAt(m, seq).lab).toEqual({ n: seq })
    // walking forward one step at a time agrees with jumping
    let walk = moveCursor(m, 300)
    for (let s = 301; s <= 320; s++) {
      walk = moveCursor(walk, s)
      expect(walk.views.lab).toEqual({ n: s })
    }
    expect(m.snapshots.size).toBeGreaterThan(0)
  })

  it('puts an older page in front and keeps every state reachable', () => {
    const all = counting(40)
    const recent = fromTimeline(timeline(all.slice(30), 30, { lab: { n: 30 } }))
    expect(recent.baseSeq).toBe(30)
    expect(moveCursor(recent, 10).cursor).toBe(30)
    const merged = prependHistory(recent, { labId: 'L', base: { lab: { n: 20 } }, baseSeq: 20, events: all.slice(20, 30) })!
    expect(merged.baseSeq).toBe(20)
    expect(merged.events.map((e) => e.seq)).toEqual(all.slice(20).map((e) => e.seq))
    expect(moveCursor(merged, 25).views.lab).toEqual({ n: 25 })
    expect(eventAt(merged, 21)?.seq).toBe(21)
    // a page that does not end where the model starts, or of another lab, is refused
    expect(prependHistory(recent, { labId: 'L', base: {}, baseSeq: 10, events: all.slice(10, 20) })).toBeNull()
    expect(prependHistory(recent, { labId: 'other', base: {}, baseSeq: 20, events: all.slice(20, 30) })).toBeNull()
  })

  it('applies one event like applying its patches one by one', () => {
    const views = { lab: { order: ['a'] }, 'host:a': { name: 'a', memory: { keyCache: { k: { keyType: 'kek' } } } } }
    const patches: ViewPatch[] = [
      { op: 'delete', path: ['host:a', 'memory', 'keyCache', 'k'] },
      { op: 'set', path: ['host:b'], value: { name: 'b' } },
      { op: 'set', path: ['lab', 'order', 1], value: 'b' },
      { op: 'delete', path: ['host:a'] }
    ]
    const out = applyEvent(views, patches)
    expect(out).toEqual(applyPatches(views as unknown as ViewValue, patches))
    expect(views['host:a'].memory.keyCache.k).toBeDefined()
  })

  it('selects the events of one command and updates the file', () => {
    const m = appendEvents(fromTimeline(timeline([stop, start])), [addHost], command(1, 3, 3))!
    expect(eventsOfCommand(m, { firstSeq: 3, lastSeq: 3 }).map((e) => e.text)).toEqual(['event 3'])
    expect(eventsOfCommand(m, { firstSeq: 4, lastSeq: 3 })).toEqual([])
    expect(withFile(m, { path: '/a.kflab', name: 'a.kflab', dirty: false }).file.name).toBe('a.kflab')
  })
})
