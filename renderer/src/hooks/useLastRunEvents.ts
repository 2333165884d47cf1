// The events the last command produced (they arrive as pushes, usually just before the command's answer).

import { useMemo } from 'react'
import type { EventView } from '../../../shared/api/contract'
import { eventsOfCommand } from '../store/timelineModel'
import { useLabStore } from './useLabStore'

const NO_EVENTS: EventView[] = []

export function useLastRunEvents(): EventView[] {
  const events = useLabStore((s) => s.timeline?.events ?? NO_EVENTS)
  const result = useLabStore((s) => s.lastRun?.result ?? null)
  return useMemo(() => (result ? eventsOfCommand({ events }, result) : NO_EVENTS), [events, result])
}
