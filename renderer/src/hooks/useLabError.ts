// Why the lab could not be loaded (null while all is well).

import { useLabStore } from './useLabStore'

export function useLabError(): string | null {
  return useLabStore((s) => s.error)
}
