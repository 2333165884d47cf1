// Messages for the user: what a command did, why it was refused, what failed.

import type { Notice } from '../store/labStore'
import { useLabStore } from './useLabStore'

export function useNotices(): Notice[] {
  return useLabStore((s) => s.notices)
}
