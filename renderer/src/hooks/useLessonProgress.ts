// Which of the loaded lesson's objectives are done at the cursor, in the list's order.

import { useMemo } from 'react'
import { objectivesOf } from '../../../shared/scenarios/objectives'
import { doneSelector } from '../scenarios/lessonProgress'
import { useLabStore } from './useLabStore'

export function useLessonProgress(lessonId: string | null): boolean[] {
  const select = useMemo(() => doneSelector(lessonId ? objectivesOf(lessonId) : []), [lessonId])
  const flags = useLabStore(select)
  return useMemo(() => Array.from(flags, (f) => f === '1'), [flags])
}
