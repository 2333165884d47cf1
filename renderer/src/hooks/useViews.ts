// The entity views at the cursor: what every part of the window shows.

import type { EntityViews } from '../../../shared/api/contract'
import { useLabStore } from './useLabStore'

const NONE: EntityViews = {}

export function useViews(): EntityViews {
  return useLabStore((s) => s.timeline?.views ?? NONE)
}
