// A component's name at the cursor (or in the live lab, when it does not exist yet at the step shown).

import { componentView } from '../../../shared/lab/readView'
import { useLabStore } from './useLabStore'
import { useViews } from './useViews'

export function useComponentName(id: string): string {
  const views = useViews()
  const live = useLabStore((s) => s.timeline?.live)
  return componentView(views[id])?.name ?? componentView(live?.[id])?.name ?? id
}
