// A component's name at the cursor (or in the live lab, when it does not exist yet at the step shown).

import { at, str } from '../reading/view'
import { useLabStore } from './useLabStore'
import { useViews } from './useViews'

export function useComponentName(id: string): string {
  const views = useViews()
  const live = useLabStore((s) => s.timeline?.live)
  return str(at(views[id], 'name')) ?? str(at(live?.[id], 'name')) ?? id
}
