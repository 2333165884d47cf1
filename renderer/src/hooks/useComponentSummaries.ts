// The component rows at the cursor, recomputed only when the views change.

import { useMemo } from 'react'
import type { EntityViews } from '../../../shared/api/contract'
import { summarizeComponents, type ComponentSummary } from '../store/components'
import { useLabStore } from './useLabStore'

const NO_VIEWS: EntityViews = {}

export function useComponentSummaries(): ComponentSummary[] {
  const views = useLabStore((s) => s.timeline?.views ?? NO_VIEWS)
  return useMemo(() => summarizeComponents(views), [views])
}
