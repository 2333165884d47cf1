// Why the lab could not be loaded (null while all is well).

import type { NoticeBody } from '../store/types'
import { useLabStore } from './useLabStore'

export function useLabError(): NoticeBody | null {
  return useLabStore((s) => s.error)
}
