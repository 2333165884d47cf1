// A long action in progress (a UI string key), or null.

import { useLabStore } from './useLabStore'

export function useBusy(): string | null {
  return useLabStore((s) => s.busy)
}
