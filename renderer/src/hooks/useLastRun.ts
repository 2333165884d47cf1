// The last command this window ran and how the host answered.

import type { LastRun } from '../store/labStore'
import { useLabStore } from './useLabStore'

export function useLastRun(): LastRun | null {
  return useLabStore((s) => s.lastRun)
}
