// The selected component as a target for commands (kind and name in the live lab), or undefined.

import { useMemo } from 'react'
import { isComponentKind, type ComponentKind } from '../reading/facts'
import { at, str } from '../reading/view'
import { useLiveViews } from './useLiveViews'
import { useSelection } from './useSelection'

export function useSelectedTarget(): { kind: ComponentKind; name: string; id: string } | undefined {
  const { component } = useSelection()
  const live = useLiveViews()
  return useMemo(() => {
    if (!component) return undefined
    const kind = str(at(live[component], 'kind'))
    const name = str(at(live[component], 'name'))
    return isComponentKind(kind) && name ? { kind, name, id: component } : undefined
  }, [component, live])
}
