// The playback clock, apart from React and the DOM (the engine decides, the animation only shows — CrypTool's
// lesson). Each visible event "departs" as a token and, when it lands FLIGHT_MS of playback time later, the cursor
// moves past it: the state changes when the key arrives, never before. Playback time runs at `rate` × real time
// while playing and stands still while paused, so a paused token freezes mid-line and the speed can change in flight.
// With `overlap` > 1 the next event departs before the last one landed (a stream of keys for big labs); tokens
// all fly for the same time, so they still land — and commit — in order.
//
// Every function here is pure: (state, now, context) → new state and where the cursor goes. The store runs them and
// sets one timer for `wakeAt`; tests run them with made-up times.

export const FLIGHT_MS = 1100
export const RATES = [0.25, 0.5, 1, 2, 4] as const
export const OVERLAPS = [1, 5, 20, 50] as const

export interface Flight {
  seq: number
  /** Playback time (ms) it left. */
  departedAt: number
}

export interface ClockState {
  playing: boolean
  rate: number
  /** Playback time = anchorVirtual + (now − anchorReal) × rate while playing; anchorVirtual while paused. */
  anchorReal: number
  anchorVirtual: number
  /** Tokens in the air, oldest first. */
  flights: Flight[]
  /** The last event that departed (or was passed over as hidden); the next departure is the next visible after it. */
  departed: number
  lastDepartureAt: number
  /** A single step: pause once this event has landed. */
  stopAt: number | null
  /** How many tokens may be in the air at once. */
  overlap: number
}

/** What the clock needs to know of the timeline. */
export interface ClockContext {
  cursor: number
  /** The first seq of the loaded history (the state before any loaded event). */
  start: number
  end: number
  /** The next visible event after `seq`, or null. */
  next(seq: number): number | null
  /** The last visible event before `seq`, or null. */
  prev(seq: number): number | null
}

export interface Tick {
  clock: ClockState
  /** Where the cursor goes (null: it stays). */
  cursor: number | null
  /** Real time to call `tick` again (null: nothing is scheduled). */
  wakeAt: number | null
}

export function initialClock(cursor: number, now = 0): ClockState {
  return { playing: false, rate: 1, anchorReal: now, anchorVirtual: 0, flights: [], departed: cursor, lastDepartureAt: -Infinity, stopAt: null, overlap: 1 }
}

export function playbackTime(c: Pick<ClockState, 'playing' | 'anchorVirtual' | 'anchorReal' | 'rate'>, now: number): number {
  return c.playing ? c.anchorVirtual + (now - c.anchorReal) * c.rate : c.anchorVirtual
}

function reanchor(c: ClockState, now: number, patch: Partial<ClockState>): ClockState {
  return { ...c, anchorVirtual: playbackTime(c, now), anchorReal: now, ...patch }
}

/** Lands what has arrived, sends off what is due, and says when to look again. */
export function tick(c0: ClockState, now: number, ctx: ClockContext): Tick {
  let c = c0
  const v = playbackTime(c, now)
  let cursor: number | null = null
  let flights = c.flights
  while (flights.length && flights[0].departedAt + FLIGHT_MS <= v) {
    cursor = flights[0].seq
    flights = flights.slice(1)
    if (c.stopAt !== null && cursor >= c.stopAt) c = reanchor(c, now, { playing: false, stopAt: null })
  }
  c = { ...c, flights }

  if (c.playing) {
    const stagger = FLIGHT_MS / c.overlap
    let { departed, lastDepartureAt } = c
    const departures: Flight[] = []
    // While tokens are in the air the stream is on: a tick that comes late (a busy page draws fewer frames) sends
    // off every token that was due, each at its own time, so the stream keeps its density instead of one token per
    // tick. Otherwise a tick late by a stagger or more means the clock was idle: the next token leaves now.
    const streaming = c0.flights.length > 0
    while (c.flights.length + departures.length < c.overlap) {
      const due = lastDepartureAt + stagger
      if (due > v) break
      const n = ctx.next(departed)
      if (n === null || (c.stopAt !== null && n > c.stopAt)) break
      const at = streaming || v - due < stagger ? due : v
      departures.push({ seq: n, departedAt: at })
      departed = n
      lastDepartureAt = at
    }
    c = { ...c, flights: [...c.flights, ...departures], departed, lastDepartureAt }
  }

  // Nothing in the air and nothing visible left: hidden events at the end pass at once, and playing stops.
  if (c.flights.length === 0 && ctx.next(c.departed) === null && (c.playing || cursor !== null)) {
    const here = cursor ?? ctx.cursor
    if (here < ctx.end) cursor = ctx.end
    c = reanchor(c, now, { playing: false, stopAt: null, departed: ctx.end })
  }

  let wake = Infinity
  if (c.flights.length) wake = c.flights[0].departedAt + FLIGHT_MS
  const n = c.playing && c.flights.length < c.overlap ? ctx.next(c.departed) : null
  if (n !== null && (c.stopAt === null || n <= c.stopAt)) wake = Math.min(wake, Math.max(v, c.lastDepartureAt + FLIGHT_MS / c.overlap))
  const wakeAt = c.playing && Number.isFinite(wake) ? now + Math.max(0, wake - playbackTime(c, now)) / c.rate : null
  return { clock: c, cursor, wakeAt }
}

export function play(c: ClockState, now: number): ClockState {
  return c.playing ? { ...c, stopAt: null } : reanchor(c, now, { playing: true, stopAt: null })
}

export function pause(c: ClockState, now: number): ClockState {
  return c.playing ? reanchor(c, now, { playing: false, stopAt: null }) : { ...c, stopAt: null }
}

export function setRate(c: ClockState, now: number, rate: number): ClockState {
  return reanchor(c, now, { rate })
}

export function setOverlap(c: ClockState, overlap: number): ClockState {
  return { ...c, overlap: Math.max(1, Math.round(overlap)) }
}

/**
 * One event forward: a token in the air lands at once; otherwise the next visible event flies and playback stops
 * when it has landed.
 */
export function stepForward(c: ClockState, now: number, ctx: ClockContext): { clock: ClockState; cursor: number | null } {
  if (c.flights.length) {
    const [first, ...rest] = c.flights
    return { clock: { ...c, flights: rest, stopAt: c.playing ? c.stopAt : null }, cursor: first.seq }
  }
  const n = ctx.next(c.departed)
  if (n === null) return { clock: { ...c, departed: ctx.end }, cursor: ctx.end > ctx.cursor ? ctx.end : null }
  return { clock: reanchor(c, now, { playing: true, stopAt: n, lastDepartureAt: -Infinity }), cursor: null }
}

/** One event back: tokens in the air are called back (the state is still before them); else the previous event. */
export function stepBack(c: ClockState, now: number, ctx: ClockContext): { clock: ClockState; cursor: number | null } {
  const stopped = reanchor(c, now, { playing: false, stopAt: null, flights: [], lastDepartureAt: -Infinity })
  if (c.flights.length) return { clock: { ...stopped, departed: ctx.cursor }, cursor: null }
  const target = ctx.prev(ctx.cursor) ?? ctx.start
  return { clock: { ...stopped, departed: target }, cursor: target }
}

/** Jumps to the state after `seq`, paused, nothing in the air. */
export function seek(c: ClockState, now: number, seq: number): ClockState {
  return reanchor(c, now, { playing: false, stopAt: null, flights: [], departed: seq, lastDepartureAt: -Infinity })
}

/** From the cursor on: the new events of a command play from where they start (Packet Tracer's simulation mode). */
export function playFrom(c: ClockState, now: number, seq: number): ClockState {
  return reanchor(c, now, { playing: true, stopAt: null, flights: [], departed: seq, lastDepartureAt: -Infinity })
}

/**
 * Plays from where the playback is and pauses once event `seq` has landed (a lesson's "next step": the events of one
 * command fly one after another). `seq` must be a visible event, or the playback would never reach its stop.
 */
export function playUntil(c: ClockState, now: number, seq: number): ClockState {
  return reanchor(c, now, { playing: true, stopAt: seq })
}

/** The event the window talks about: the latest token to leave, or else the one the cursor is on. */
export function currentEvent(c: ClockState, cursor: number): number {
  return c.flights.length ? c.flights[c.flights.length - 1].seq : cursor
}

/** A bound on the ticks a projection runs (a stream of 50 tokens takes about 45 a second). */
const MAX_PROJECTED_TICKS = 10_000

/**
 * The tokens that will leave after `now` and up to real time `until` if nothing changes meanwhile (no pause, no
 * seek, no new filter): the clock's own ticks run ahead, so each has exactly the departure time the store's tick will
 * give it. The window mounts them early, hidden until they leave, so a stream of tokens needs no page update per
 * token (store/stagedStore).
 */
export function departuresUntil(c: ClockState, now: number, ctx: ClockContext, until: number): Flight[] {
  const seen = new Set(c.flights.map((f) => f.seq))
  const out: Flight[] = []
  let clock = c
  let at = now
  for (let i = 0; i < MAX_PROJECTED_TICKS && clock.playing; i++) {
    const r = tick(clock, at, ctx)
    for (const f of r.clock.flights)
      if (!seen.has(f.seq)) {
        seen.add(f.seq)
        out.push(f)
      }
    clock = r.clock
    if (r.wakeAt === null || r.wakeAt > until || r.wakeAt <= at) break
    at = r.wakeAt
  }
  return out
}
