// The step shown: the seq of the event whose "after" state the window displays.

import { useLabStore } from './useLabStore'

export function useCursor(): number {
  return useLabStore((s) => s.timeline?.cursor ?? 0)
}
