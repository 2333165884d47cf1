// The store's actions (a stable object: selecting it never causes a re-render).

import type { LabActions } from '../store/labStore'
import { useLabStore } from './useLabStore'

export function useLabActions(): LabActions {
  return useLabStore((s) => s.actions)
}
