// The entity views after the last event: the lab as it is now (commands and their checks act on this).

import type { EntityViews } from '../../../shared/api/contract'
import { useLabStore } from './useLabStore'

const NONE: EntityViews = {}

export function useLiveViews(): EntityViews {
  return useLabStore((s) => s.timeline?.live ?? NONE)
}
