// The seq of the lab's last event (the live state).

import { lastSeq } from '../store/loadedTimeline'
import { useLabStore } from './useLabStore'

export function useLiveEnd(): number {
  return useLabStore((s) => (s.timeline ? lastSeq(s.timeline) : 0))
}
