// The window's preferences.

import type { Settings } from '../store/settings'
import { useLabStore } from './useLabStore'

export function useSettings(): Settings {
  return useLabStore((s) => s.settings)
}
