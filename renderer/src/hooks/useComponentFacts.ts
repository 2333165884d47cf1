// One component's facts (counts and states the graph and inspector show) at the cursor, narrowed to the kind the
// caller draws; null when the component does not exist at this step or is of another kind.

import { useMemo } from 'react'
import { componentFacts, type ComponentFacts } from '../reading/facts'
import { useEntityView } from './useEntityView'

export function useComponentFacts<K extends ComponentFacts['kind']>(id: string, kind: K): Extract<ComponentFacts, { kind: K }> | null
export function useComponentFacts(id: string): ComponentFacts | null
export function useComponentFacts(id: string, kind?: ComponentFacts['kind']): ComponentFacts | null {
  const view = useEntityView(id)
  const facts = useMemo(() => componentFacts(id, view), [id, view])
  return facts && (kind === undefined || facts.kind === kind) ? facts : null
}
