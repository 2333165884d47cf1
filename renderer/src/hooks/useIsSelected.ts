// Whether this component is the selected one (each node re-renders only when its own answer changes).

import { useLabStore } from './useLabStore'

export function useIsSelected(id: string): boolean {
  return useLabStore((s) => s.selection.component === id)
}
