// The event filter (components, key types, kinds of event).

import type { EventFilter } from '../playback/filters'
import { useLabStore } from './useLabStore'

export function useFilter(): EventFilter {
  return useLabStore((s) => s.filter)
}
