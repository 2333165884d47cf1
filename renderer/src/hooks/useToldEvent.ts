// The event that tells step `seq`: at story pace, the headline of the story step `seq` belongs to (a step's sentence
// and token are those of its telling message, while its state is the one after its last event); at wire pace,
// event `seq` itself.

import type { EventView } from '../../../shared/api/contract'
import { toldSeq } from '../playback/story'
import { eventAt } from '../store/loadedTimeline'
import { useLabStore } from './useLabStore'

export function useToldEvent(seq: number | null): EventView | undefined {
  return useLabStore((s) => (s.timeline && seq !== null ? eventAt(s.timeline, toldSeq(s.story, s.pace, seq)) : undefined))
}
