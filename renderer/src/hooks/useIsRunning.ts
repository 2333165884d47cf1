// True while a command sent from this window waits for its answer.

import { useLabStore } from './useLabStore'

export function useIsRunning(): boolean {
  return useLabStore((s) => s.running > 0)
}
