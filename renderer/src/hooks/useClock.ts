// The playback clock (playing, speed, tokens in the air).

import type { ClockState } from '../playback/clock'
import { useLabStore } from './useLabStore'

export function useClock(): ClockState {
  return useLabStore((s) => s.clock)
}
