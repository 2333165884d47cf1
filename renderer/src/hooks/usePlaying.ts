// Whether the playback runs.

import { useLabStore } from './useLabStore'

export function usePlaying(): boolean {
  return useLabStore((s) => s.clock.playing)
}
