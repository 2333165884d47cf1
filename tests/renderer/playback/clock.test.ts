import { describe, expect, it } from 'vitest'
import {
  FLIGHT_MS,
  currentEvent,
  departuresUntil,
  initialClock,
  pause,
  play,
  playFrom,
  playUntil,
  seek,
  setOverlap,
  setRate,
  stepBack,
  stepForward,
  tick,
  type ClockContext,
  type ClockState
} from '../../../renderer/src/playback/clock'
import { nextIn, prevIn } from '../../../renderer/src/playback/filters'

/** A timeline of events 1..end where only `visible` are shown; runs ticks the way the store does. */
function harness(visible: number[], end = Math.max(0, ...visible)) {
  let cursor = 0
  let clock: ClockState = initialClock(0, 0)
  const ctx = (): ClockContext => ({ cursor, start: 0, end, next: (s) => nextIn(visible, s), prev: (s) => prevIn(visible, s) })
  const run = (now: number) => {
    const t = tick(clock, now, ctx())
    clock = t.clock
    if (t.cursor !== null) cursor = t.cursor
    return t
  }
  return {
    get cursor() {
      return cursor
    },
    set cursor(v: number) {
      cursor = v
    },
    get clock() {
      return clock
    },
    set clock(c: ClockState) {
      clock = c
    },
    ctx,
    run,
    /** Follows the clock's own wake-ups until `until` (real ms); returns the cursor after each wake-up. */
    runUntil(from: number, until: number) {
      const seen: number[] = []
      let t = run(from)
      while (t.wakeAt !== null && t.wakeAt <= until) {
        t = run(t.wakeAt)
        seen.push(cursor)
      }
      return seen
    }
  }
}

describe('the playback clock', () => {
  it('moves the cursor past an event only when its token lands, one event after the other', () => {
    const h = harness([1, 2, 3])
    h.clock = play(h.clock, 0)
    const t0 = h.run(0)
    expect(h.clock.flights.map((f) => f.seq)).toEqual([1])
    expect(h.cursor).toBe(0)
    expect(t0.wakeAt).toBe(FLIGHT_MS)
    h.run(FLIGHT_MS - 1)
    expect(h.cursor).toBe(0)
    h.run(FLIGHT_MS)
    expect(h.cursor).toBe(1)
    expect(h.clock.flights.map((f) => f.seq)).toEqual([2])
    h.runUntil(FLIGHT_MS, 10 * FLIGHT_MS)
    expect(h.cursor).toBe(3)
    expect(h.clock.playing).toBe(false)
  })

  it('freezes a token in flight while paused and lands it after the rest of its flight', () => {
    const h = harness([1])
    h.clock = play(h.clock, 0)
    h.run(0)
    h.clock = pause(h.clock, 400)
    expect(h.run(5000).wakeAt).toBeNull()
    expect(h.cursor).toBe(0)
    h.clock = play(h.clock, 5000)
    const t = h.run(5000)
    expect(t.wakeAt).toBe(5000 + FLIGHT_MS - 400)
    h.run(t.wakeAt!)
    expect(h.cursor).toBe(1)
  })

  it('changes speed in flight: at 4× the rest of the flight takes a quarter of the time', () => {
    const h = harness([1])
    h.clock = play(h.clock, 0)
    h.run(0)
    h.clock = setRate(h.clock, 100, 4)
    const t = h.run(100)
    expect(t.wakeAt).toBeCloseTo(100 + (FLIGHT_MS - 100) / 4)
  })

  it('passes over hidden events: they land with the next visible one, and trailing ones at the end', () => {
    const h = harness([2, 5], 7)
    h.clock = play(h.clock, 0)
    const cursors = h.runUntil(0, 100 * FLIGHT_MS)
    expect(cursors).toEqual([2, 7])
  })

  it('steps forward one visible event with its flight, then stops', () => {
    const h = harness([1, 2, 3])
    const s = stepForward(h.clock, 0, h.ctx())
    h.clock = s.clock
    expect(s.cursor).toBeNull()
    h.runUntil(0, 100 * FLIGHT_MS)
    expect(h.cursor).toBe(1)
    expect(h.clock.playing).toBe(false)
    expect(h.clock.flights).toEqual([])
  })

  it('lands a token in flight at once when stepping forward', () => {
    const h = harness([1, 2])
    h.clock = play(h.clock, 0)
    h.run(0)
    h.clock = pause(h.clock, 10)
    const s = stepForward(h.clock, 10, h.ctx())
    expect(s.cursor).toBe(1)
    expect(s.clock.flights).toEqual([])
  })

  it('steps back to the previous visible event, or calls back a token in flight', () => {
    const h = harness([2, 4, 6], 6)
    h.cursor = 6
    h.clock = seek(h.clock, 0, 6)
    let s = stepBack(h.clock, 0, h.ctx())
    expect(s.cursor).toBe(4)
    h.cursor = 4
    h.clock = s.clock
    s = stepBack(h.clock, 0, h.ctx())
    expect(s.cursor).toBe(2)
    h.cursor = 2
    s = stepBack(s.clock, 0, h.ctx())
    expect(s.cursor).toBe(0)

    const f = harness([1, 2])
    f.clock = play(f.clock, 0)
    f.run(0)
    s = stepBack(f.clock, 50, f.ctx())
    expect(s.cursor).toBeNull()
    expect(s.clock.flights).toEqual([])
    expect(s.clock.playing).toBe(false)
    expect(s.clock.departed).toBe(0)
  })

  it('plays up to an event and pauses there once it has landed (a lesson step)', () => {
    const h = harness([1, 2, 3, 4, 5])
    h.cursor = 1
    h.clock = seek(h.clock, 0, 1)
    h.clock = playUntil(h.clock, 0, 4)
    expect(h.runUntil(0, 100 * FLIGHT_MS)).toEqual([2, 3, 4])
    expect(h.cursor).toBe(4)
    expect(h.clock.playing).toBe(false)
    expect(h.clock.stopAt).toBeNull()
  })

  it('plays a new command from where it starts', () => {
    const h = harness([1, 2, 3, 4])
    h.cursor = 2
    h.clock = playFrom(h.clock, 0, 2)
    h.run(0)
    expect(h.clock.flights.map((f) => f.seq)).toEqual([3])
    expect(currentEvent(h.clock, h.cursor)).toBe(3)
  })

  it('keeps many tokens in the air with overlap, and still commits them in order', () => {
    const visible = Array.from({ length: 200 }, (_, i) => i + 1)
    const h = harness(visible)
    h.clock = play(setOverlap(h.clock, 50), 0)
    let t = h.run(0)
    let most = 0
    const cursors: number[] = []
    while (t.wakeAt !== null && t.wakeAt < 3 * FLIGHT_MS) {
      t = h.run(t.wakeAt)
      most = Math.max(most, h.clock.flights.length)
      cursors.push(h.cursor)
    }
    expect(most).toBe(50)
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b))
    // after the first landing (one flight in), one event lands every stagger: (3 − 1) flights / (flight / 50)
    expect(h.cursor).toBeGreaterThanOrEqual(99)
  })

  it('departs on schedule when a timer fires late, instead of drifting', () => {
    const h = harness([1, 2, 3])
    h.clock = play(setOverlap(h.clock, 2), 0)
    h.run(0)
    h.run(FLIGHT_MS / 2 + 30)
    expect(h.clock.flights.map((f) => f.departedAt)).toEqual([0, FLIGHT_MS / 2])
  })

  it('keeps a stream of tokens dense when its ticks come late (a busy page), departing each on its schedule', () => {
    const visible = Array.from({ length: 200 }, (_, i) => i + 1)
    const h = harness(visible)
    h.clock = play(setOverlap(h.clock, 50), 0)
    h.run(0)
    // ticks every 100 ms instead of at each 22 ms stagger
    for (let now = 100; now < FLIGHT_MS; now += 100) h.run(now)
    h.run(FLIGHT_MS - 1)
    const stagger = FLIGHT_MS / 50
    expect(h.clock.flights).toHaveLength(50)
    expect(h.clock.flights.map((f) => f.departedAt)).toEqual(Array.from({ length: 50 }, (_, i) => i * stagger))
  })

  it('does nothing when played at the end', () => {
    const h = harness([1], 1)
    h.cursor = 1
    h.clock = seek(h.clock, 0, 1)
    h.clock = play(h.clock, 0)
    const t = h.run(0)
    expect(t.clock.playing).toBe(false)
    expect(t.wakeAt).toBeNull()
    expect(h.cursor).toBe(1)
  })

  describe('departures ahead of time', () => {
    it('foresees each token of a stream with the very departure time the ticks give it later', () => {
      const events = Array.from({ length: 200 }, (_, i) => i + 1)
      const h = harness(events)
      h.clock = setOverlap(play(h.clock, 0), 50)
      h.runUntil(0, 2000) // a stream in full flow
      const now = 2000
      const until = now + 500
      const foreseen = departuresUntil(h.clock, now, h.ctx(), until)
      expect(foreseen.length).toBeGreaterThan(10)
      const departed = new Map<number, number>()
      let t = h.run(now)
      const note = () => h.clock.flights.forEach((f) => departed.has(f.seq) || departed.set(f.seq, f.departedAt))
      note()
      while (t.wakeAt !== null && t.wakeAt <= until) {
        t = h.run(t.wakeAt)
        note()
      }
      for (const f of foreseen) expect(departed.get(f.seq)).toBe(f.departedAt)
      // and nothing that leaves by then was missed
      const later = [...departed.keys()].filter((seq) => seq > Math.max(...foreseen.map((f) => f.seq)))
      expect(later).toEqual([])
    })

    it('foresees nothing while paused, and never a token already in the air', () => {
      const h = harness([1, 2, 3, 4, 5, 6])
      expect(departuresUntil(h.clock, 0, h.ctx(), 5000)).toEqual([])
      h.clock = setOverlap(play(h.clock, 0), 5)
      h.run(0)
      const inAir = h.clock.flights.map((f) => f.seq)
      expect(inAir.length).toBeGreaterThan(0)
      const ahead = departuresUntil(h.clock, 0, h.ctx(), 5000).map((f) => f.seq)
      expect(ahead.filter((s) => inAir.includes(s))).toEqual([])
      expect([...inAir, ...ahead]).toEqual([1, 2, 3, 4, 5, 6])
    })
  })
})

