// The step the window tells now, as the step counter shows it: while a token is in the air, the event it carries
// (the one the narration tells and the event list marks as flying); otherwise the cursor, the step whose after-state
// the graph shows. Both say the same number, so the counter never lags the narration by one.

import { currentEvent } from '../playback/clock'
import { useLabStore } from './useLabStore'

export function useToldStep(): number {
  return useLabStore((s) => currentEvent(s.clock, s.timeline?.cursor ?? 0))
}
