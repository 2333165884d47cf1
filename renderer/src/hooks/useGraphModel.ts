// The topology at the cursor as React Flow needs it, plus the router for tokens. Each piece is rebuilt only when
// its structural key changes, so playing events does not make React Flow re-process hundreds of nodes.

import { useMemo } from 'react'
import { edgesKey, existenceKey, flowEdges, flowNodes, graphInputs } from '../graph/flowModel'
import { layoutTopology } from '../graph/layout'
import { RouteGraph } from '../graph/routing'
import { edgesOf, vmotionPairs } from '../model/topology'
import { useLabStore } from './useLabStore'
import { useLiveViews } from './useLiveViews'
import { useViews } from './useViews'

const NO_EVENTS: never[] = []

export function useGraphModel() {
  const live = useLiveViews()
  const views = useViews()
  const events = useLabStore((s) => s.timeline?.events ?? NO_EVENTS)
  // vMotion lines appear once used: up to the cursor, or the latest token in the air.
  const horizon = useLabStore((s) => Math.max(s.timeline?.cursor ?? 0, s.clock.flights.at(-1)?.seq ?? 0))

  const inputs = useMemo(() => graphInputs(live, views), [live, views])
  const layout = useMemo(() => layoutTopology(inputs.components, inputs.providers), [inputs.key]) // eslint-disable-line react-hooks/exhaustive-deps

  const existKey = existenceKey(views, inputs.components)
  const nodes = useMemo(() => flowNodes(layout, views, inputs.components), [layout, existKey]) // eslint-disable-line react-hooks/exhaustive-deps

  // Only vMotion events matter for those lines; filtering once per history change keeps each step cheap.
  const migrations = useMemo(() => events.filter((e) => e.kind === 'vmotion'), [events])
  const vmotions = useMemo(() => vmotionPairs(migrations, horizon), [migrations, horizon])
  const topoEdges = edgesOf(views, vmotions)
  const eKey = edgesKey(topoEdges)
  const edges = useMemo(() => flowEdges(topoEdges), [eKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const router = useMemo(() => new RouteGraph(topoEdges, layout.nodes), [eKey, layout]) // eslint-disable-line react-hooks/exhaustive-deps

  return { layout, nodes, edges, router, empty: inputs.components.length <= 1 }
}
