// The event the window talks about now: the latest token in the air, else the last visible event at the cursor.

import { currentEvent } from '../playback/clock'
import { visibleAtOrBefore } from '../playback/filters'
import { useLabStore } from './useLabStore'

export function useCurrentSeq(): number | null {
  return useLabStore((s) => {
    if (!s.timeline) return null
    if (s.clock.flights.length) return currentEvent(s.clock, s.timeline.cursor)
    const seq = visibleAtOrBefore(s.visible, s.timeline.cursor)
    return seq !== null && seq > s.timeline.baseSeq ? seq : null
  })
}
