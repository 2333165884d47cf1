// One component's view at the cursor; re-renders only when that component changed.

import type { ViewValue } from '../../../shared/lab/view'
import { useLabStore } from './useLabStore'

export function useEntityView(id: string): ViewValue | undefined {
  return useLabStore((s) => s.timeline?.views[id])
}
