// The presenter's checkpoints (seqs).

import { useLabStore } from './useLabStore'

export function useCheckpoints(): number[] {
  return useLabStore((s) => s.checkpoints)
}
