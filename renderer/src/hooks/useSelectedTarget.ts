// The selected component as a target for commands (kind and name in the live lab), or undefined.

import { useMemo } from 'react'
import { componentView } from '../../../shared/lab/readView'
import type { ComponentKind } from '../reading/facts'
import { useLiveViews } from './useLiveViews'
import { useSelection } from './useSelection'

export function useSelectedTarget(): { kind: ComponentKind; name: string; id: string } | undefined {
  const { component } = useSelection()
  const live = useLiveViews()
  return useMemo(() => {
    if (!component) return undefined
    const target = componentView(live[component])
    return target?.name ? { kind: target.kind, name: target.name, id: component } : undefined
  }, [component, live])
}
