import { describe, expect, it } from 'vitest'
import type { CommandView, EventView, Timeline } from '../../../shared/api/contract'
import type { ViewPatch } from '../../../shared/lab/view'
import { appendEvents, eventsOfCommand, fromTimeline, lastSeq, moveCursor, withFile } from '../../../renderer/src/store/timelineModel'

function event(seq: number, patches: ViewPatch[], command = 0): EventView {
  return { seq, command, kind: 'component', from: 'vcenter', to: 'x', keys: [], payload: null, kmip: null, message: { id: 'm', params: {} }, text: `event ${seq}`, time: 0, patches }
}

const command = (index: number, firstSeq: number, lastSeq: number): CommandView => ({
  index,
  command: { op: 'vcenter.stop' },
  step: null,
  firstSeq,
  lastSeq,
  fault: null
})

const timeline = (events: EventView[]): Timeline => ({
  labId: 'L',
  seed: null,
  base: { vcenter: { kind: 'vcenter', running: true } },
  baseSeq: 0,
  events,
  commands: events.length ? [command(0, 1, events.length)] : [],
  file: { path: null, name: 'untitled.kflab', dirty: false }
})

const stop = event(1, [{ op: 'set', path: ['vcenter', 'running'], value: false }])
const start = event(2, [{ op: 'set', path: ['vcenter', 'running'], value: true }])
const addHost = event(3, [{ op: 'set', path: ['host:a'], value: { kind: 'host', name: 'a' } }], 1)

describe('timeline model', () => {
  it('derives the live views from base and patches, with the cursor at the end', () => {
    const m = fromTimeline(timeline([stop]))
    expect(m.cursor).toBe(1)
    expect(m.views).toEqual({ vcenter: { kind: 'vcenter', running: false } })
    expect(m.views).toBe(m.live)
    // The base is never mutated by applying patches.
    expect(m.base).toEqual({ vcenter: { kind: 'vcenter', running: true } })
  })

  it('appends new events and follows them when the cursor was at the end', () => {
    const m = appendEvents(fromTimeline(timeline([stop, start])), [addHost], command(1, 3, 3))
    expect(lastSeq(m)).toBe(3)
    expect(m.cursor).toBe(3)
    expect(m.views['host:a']).toEqual({ kind: 'host', name: 'a' })
    expect(m.commands[1]).toEqual(command(1, 3, 3))
    expect(m.file.dirty).toBe(true)
  })

  it('ignores events it already has (a push that raced the timeline load)', () => {
    const m = fromTimeline(timeline([stop, start]))
    const again = appendEvents(m, [stop, start], command(0, 1, 2))
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

  it('keeps the cursor in place when events arrive while looking at the past', () => {
    const back = moveCursor(fromTimeline(timeline([stop, start])), 1)
    const m = appendEvents(back, [addHost], command(1, 3, 3))
    expect(m.cursor).toBe(1)
    expect(m.views.vcenter).toEqual({ kind: 'vcenter', running: false })
    expect(m.live['host:a']).toBeDefined()
  })

  it('selects the events of one command and updates the file', () => {
    const m = appendEvents(fromTimeline(timeline([stop, start])), [addHost], command(1, 3, 3))
    expect(eventsOfCommand(m, { firstSeq: 3, lastSeq: 3 }).map((e) => e.text)).toEqual(['event 3'])
    expect(withFile(m, { path: '/a.kflab', name: 'a.kflab', dirty: false }).file.name).toBe('a.kflab')
  })
})
