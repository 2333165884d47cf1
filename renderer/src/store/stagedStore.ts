// What the window's panels read: the store, staged. While a stream of tokens plays (several in the air, landing
// dozens of times a second), every landing is a new lab state, and drawing each one — the nodes' states, the
// narration, the event list, the step counter — costs the page more than a frame: the tokens would stutter. The
// panels then follow the lab at most STAGE_MS apart, a pace a person can still read, while the token layer reads the
// store itself (useLabStoreNow) and its tokens move every frame. The panels are never ahead of the lab: each staged
// state is one the store has been in. Anything else — a click, a dialog, a setting, pausing — and every change while
// no stream plays reaches them at once.

import type { StoreApi } from 'zustand/vanilla'
import type { LabState, LabStore } from './types'
import type { Scheduler } from './scheduler'

/** How far apart the panels' states are while a stream plays (ms). */
export const STAGE_MS = 1000

/** The fields that move with the playing history; a change of any other field is never held back. */
const PLAYING: ReadonlySet<string> = new Set(['clock', 'timeline', 'visible', 'story', 'checks'])

export type StagedStore = Pick<StoreApi<LabState>, 'getState' | 'getInitialState' | 'subscribe'>

/** A stream plays: more than one token in the air. */
export function streaming(s: LabState): boolean {
  return s.clock.playing && s.clock.flights.length > 1
}

/** The clock's fields a stream moves; a change of its rate, anchors or play state is never held back. */
const STREAMING_CLOCK: ReadonlySet<string> = new Set(['flights', 'departed', 'lastDepartureAt'])

function onlyPlayingChanged(a: LabState, b: LabState): boolean {
  for (const k of Object.keys(b) as (keyof LabState)[]) if (a[k] !== b[k] && !PLAYING.has(k)) return false
  for (const k of Object.keys(b.clock) as (keyof LabState['clock'])[]) if (a.clock[k] !== b.clock[k] && !STREAMING_CLOCK.has(k)) return false
  return true
}

export function createStagedStore(store: LabStore, scheduler: Scheduler, everyMs = STAGE_MS): StagedStore {
  let shown = store.getState()
  let shownAt = -Infinity
  let timer: unknown = null
  const listeners = new Set<(state: LabState, previous: LabState) => void>()

  const publish = () => {
    if (timer !== null) scheduler.clearTimeout(timer)
    timer = null
    const previous = shown
    shown = store.getState()
    shownAt = scheduler.now()
    if (shown !== previous) for (const l of listeners) l(shown, previous)
  }

  store.subscribe((next) => {
    if (!streaming(next) || !onlyPlayingChanged(shown, next)) return publish()
    const wait = shownAt + everyMs - scheduler.now()
    if (wait <= 0) return publish()
    if (timer === null) timer = scheduler.setTimeout(publish, wait)
  })

  return {
    getState: () => shown,
    getInitialState: () => store.getInitialState(),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
