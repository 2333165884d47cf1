// What the inspector shows: the selected component and event.

import type { Selection } from '../store/labStore'
import { useLabStore } from './useLabStore'

export function useSelection(): Selection {
  return useLabStore((s) => s.selection)
}
