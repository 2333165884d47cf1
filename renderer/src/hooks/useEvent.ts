// One loaded event by seq (undefined when it is not loaded or not there).

import type { EventView } from '../../../shared/api/contract'
import { eventAt } from '../store/loadedTimeline'
import { useLabStore } from './useLabStore'

export function useEvent(seq: number | null): EventView | undefined {
  return useLabStore((s) => (s.timeline && seq !== null ? eventAt(s.timeline, seq) : undefined))
}
