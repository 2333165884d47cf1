// The topology at the cursor as React Flow needs it, plus the router for tokens. The component using it re-renders
// only when the structure changes (a component appears, a VM moves to another host, a lock closes, a vMotion line
// appears) — not on every event: the selector below reduces the views to a structural key, and everything is
// rebuilt from the store only when that key changes. Playing events then costs React Flow nothing.

import { useMemo } from 'react'
import type { EntityViews, EventView } from '../../../shared/api/contract'
import { edgesKey, existenceKey, flowNodes, graphInputs } from '../graph/flowModel'
import { layoutTopology } from '../graph/layout'
import { RouteGraph } from '../graph/routing'
import { edgesOf, vmotionPairs, type TopoEdge } from '../reading/topology'
import type { LabState } from '../store/labStore'
import { useLabStore } from './useLabStore'
import { useStagedLabStore } from './useStagedLabStore'

const NONE: EntityViews = {}

interface Structure {
  live: EntityViews
  views: EntityViews
  edges: TopoEdge[]
  /** Changes exactly when the layout, the nodes that exist or the lines would. */
  key: string
}

/** The structure of the lab at the cursor, memoised on the views it came from. */
const structureCache = new WeakMap<EntityViews, { horizon: number; migrations: unknown; live: EntityViews; s: Structure }>()

function structureOf(state: LabState): Structure {
  const t = state.timeline
  const live = t?.live ?? NONE
  const views = t?.views ?? NONE
  // vMotion lines appear once used: up to the cursor, or the latest token in the air.
  const horizon = Math.max(t?.cursor ?? 0, state.clock.flights.at(-1)?.seq ?? 0)
  const events = t?.events
  const cached = structureCache.get(views)
  if (cached && cached.horizon === horizon && cached.migrations === events && cached.live === live) return cached.s
  const migrations = events ? migrationsOf(events) : []
  const inputs = graphInputs(live, views)
  const edges = edgesOf(views, vmotionPairs(migrations, horizon))
  const s = { live, views, edges, key: `${inputs.key}#${existenceKey(views, inputs.components)}#${edgesKey(edges)}` }
  structureCache.set(views, { horizon, migrations: events, live, s })
  return s
}

const migrationCache = new WeakMap<readonly EventView[], EventView[]>()
function migrationsOf(events: readonly EventView[]): EventView[] {
  let m = migrationCache.get(events)
  if (!m) migrationCache.set(events, (m = events.filter((e) => e.kind === 'vmotion')))
  return m
}

export function useGraphModel() {
  const store = useStagedLabStore()
  const key = useLabStore((s) => structureOf(s).key)
  return useMemo(() => {
    const { live, views, edges } = structureOf(store.getState())
    const inputs = graphInputs(live, views)
    const layout = layoutTopology(inputs.components, inputs.providers)
    return {
      layout,
      nodes: flowNodes(layout, views, inputs.components),
      edges,
      router: new RouteGraph(edges, layout.nodes),
      components: inputs.components
    }
    // `key` is the dependency on purpose: it changes exactly when the structure does, and the memo reads the store.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, store])
}
