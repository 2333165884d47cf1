// The seqs of the loaded events the filter shows, ascending.

import { useLabStore } from './useLabStore'

export function useVisibleSeqs(): number[] {
  return useLabStore((s) => s.visible)
}
