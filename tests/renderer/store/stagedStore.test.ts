import { describe, expect, it } from 'vitest'
import { createStore } from 'zustand/vanilla'
import { initialClock, type ClockState } from '../../../renderer/src/playback/clock'
import type { LabState } from '../../../renderer/src/store/labStore'
import type { Scheduler } from '../../../renderer/src/store/scheduler'
import { createStagedStore } from '../../../renderer/src/store/stagedStore'

/** A scheduler whose time moves only when told. */
function fakeScheduler() {
  let now = 0
  let timers: { at: number; fn: () => void; id: number }[] = []
  let next = 1
  const scheduler: Scheduler = {
    now: () => now,
    setTimeout(fn, ms) {
      timers.push({ at: now + ms, fn, id: next })
      return next++
    },
    clearTimeout(h) {
      timers = timers.filter((t) => t.id !== h)
    }
  }
  const advance = (ms: number) => {
    const until = now + ms
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      now = due.at
      timers = timers.filter((t) => t !== due)
      due.fn()
    }
    now = until
  }
  return { scheduler, advance }
}

const streamingClock = (flights: number): ClockState => ({
  ...initialClock(0),
  playing: true,
  overlap: 50,
  flights: Array.from({ length: flights }, (_, i) => ({ seq: i + 1, departedAt: i * 22 }))
})

function setup() {
  const { scheduler, advance } = fakeScheduler()
  const store = createStore<LabState>()(() => ({ clock: initialClock(0), timeline: { cursor: 0 }, selection: { component: null } }) as unknown as LabState)
  const staged = createStagedStore(store, scheduler, 1000)
  const seen: unknown[] = []
  staged.subscribe((s) => seen.push((s.timeline as unknown as { cursor: number }).cursor))
  const moveTo = (cursor: number, clock = streamingClock(30)) => store.setState({ clock, timeline: { cursor } } as unknown as Partial<LabState>)
  return { store, staged, seen, moveTo, advance }
}

describe('the panels’ staged view of the store', () => {
  it('passes every change on at once while no stream plays', () => {
    const { seen, moveTo } = setup()
    moveTo(1, { ...initialClock(0), playing: true, flights: [{ seq: 1, departedAt: 0 }] })
    moveTo(2, { ...initialClock(0), playing: true, flights: [{ seq: 2, departedAt: 22 }] })
    expect(seen).toEqual([1, 2])
  })

  it('while a stream plays, shows the lab at most once a stage, always a state the store was in, and the last one', () => {
    const { staged, seen, moveTo, advance } = setup()
    moveTo(1) // the first state of a stream shows at once
    for (let c = 2; c <= 40; c++) {
      advance(22)
      moveTo(c)
    }
    // 39 × 22 ms = 858 ms: nothing more shown yet
    expect(seen).toEqual([1])
    advance(200)
    // a stage after the first, the panels show the latest state
    expect(seen).toEqual([1, 40])
    expect((staged.getState().timeline as unknown as { cursor: number }).cursor).toBe(40)
  })

  it('never holds back what a person did, or a pause, or a change of speed', () => {
    const { store, seen, moveTo, advance } = setup()
    moveTo(1)
    advance(22)
    moveTo(2)
    expect(seen).toEqual([1])
    store.setState({ selection: { component: 'host:esx-01' } } as unknown as Partial<LabState>)
    expect(seen).toEqual([1, 2])
    advance(22)
    moveTo(3)
    expect(seen).toEqual([1, 2])
    store.setState({ clock: { ...store.getState().clock, rate: 2 } })
    expect(seen).toEqual([1, 2, 3])
    advance(22)
    moveTo(4, { ...streamingClock(30), rate: 2, playing: false })
    expect(seen).toEqual([1, 2, 3, 4])
  })
})
