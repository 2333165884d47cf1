// What the playback clock needs to know of the loaded timeline and the events shown at its pace.

import type { ClockContext } from '../playback/clock'
import { nextIn, prevIn } from '../playback/filters'
import { lastSeq, type LoadedTimeline } from './loadedTimeline'

export function clockContext(t: LoadedTimeline, visible: readonly number[]): ClockContext {
  return {
    cursor: t.cursor,
    start: t.baseSeq,
    end: lastSeq(t),
    next: (s) => nextIn(visible, s),
    prev: (s) => prevIn(visible, s)
  }
}
