// A long action in progress (a UI string key), or null.

import type { BusyKey } from '../store/types'
import { useLabStore } from './useLabStore'

export function useBusy(): BusyKey | null {
  return useLabStore((s) => s.busy)
}
