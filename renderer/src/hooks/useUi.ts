// Menus and dialogs that are open.

import type { UiState } from '../store/labStore'
import { useLabStore } from './useLabStore'

export function useUi(): UiState {
  return useLabStore((s) => s.ui)
}
