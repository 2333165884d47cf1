// The tokens that will leave before the panels' next staged state, foreseen by the clock (playback/clock's
// departuresUntil): while a stream plays, the token layer mounts them early, hidden until they leave, so the page
// changes a few times a second instead of at every token, and the tokens fly on the compositor in between.

import { useMemo } from 'react'
import { departuresUntil, type Flight } from '../playback/clock'
import { clockContext } from '../store/clockContext'
import { browserScheduler } from '../store/scheduler'
import { STAGE_MS, streaming } from '../store/stagedStore'
import { useLabStore } from './useLabStore'

const NONE: Flight[] = []
/** A stage and a half ahead: the next staged state may come a little late on a busy page. */
const AHEAD_MS = 1.5 * STAGE_MS

export function useUpcomingFlights(): Flight[] {
  const clock = useLabStore((s) => s.clock)
  const timeline = useLabStore((s) => s.timeline)
  const visible = useLabStore((s) => s.visible)
  const stream = useLabStore(streaming)
  return useMemo(() => {
    if (!stream || !timeline) return NONE
    const now = browserScheduler.now()
    return departuresUntil(clock, now, clockContext(timeline, visible), now + AHEAD_MS)
  }, [stream, clock, timeline, visible])
}
