// From the views to what React Flow draws. React Flow re-processes every node when its `nodes` array changes, so
// the array is rebuilt only when the structure changes (a component appears, a VM moves) — not on every event: the
// nodes read their own state from the store, lines are drawn by our own layer, highlights live in the token overlay.

import type { Node } from '@xyflow/react'
import type { EntityViews } from '../../../shared/api/contract'
import { layoutComponents, topoProviders, type TopoComponent, type TopoEdge, type TopoProvider } from '../reading/topology'
import type { Layout } from './layout'

export interface GraphInputs {
  components: TopoComponent[]
  providers: TopoProvider[]
  /** Changes exactly when the layout would. */
  key: string
}

export function graphInputs(live: EntityViews, atCursor: EntityViews): GraphInputs {
  const components = layoutComponents(live, atCursor)
  const providers = topoProviders(live, components)
  const key = providers.map((p) => `${p.name}${p.native ? ':native' : ''}`).join(',') + '|' + components.map((c) => `${c.id}@${c.group}`).join(',')
  return { components, providers, key }
}

export interface ComponentNodeData extends Record<string, unknown> {
  kind: string
}

export interface GroupNodeData extends Record<string, unknown> {
  groupKind: 'provider' | 'cluster'
  name: string
}

export type LabNode = Node<ComponentNodeData> | Node<GroupNodeData>

/** Which components exist at the cursor (the layout places the live ones; the rest wait for their turn). */
export function existenceKey(atCursor: EntityViews, components: readonly TopoComponent[]): string {
  let key = ''
  for (const c of components) key += c.id in atCursor ? '1' : '0'
  return key
}

export function flowNodes(layout: Layout, atCursor: EntityViews, components: readonly TopoComponent[]): LabNode[] {
  const nodes: LabNode[] = []
  const exists = new Set(components.filter((c) => c.id in atCursor).map((c) => c.id))
  for (const g of layout.groups) {
    const members = components.filter((c) =>
      g.kind === 'provider' ? c.kind === 'kms' && c.group === g.name : (c.kind === 'host' || c.kind === 'datastore') && c.group === g.name
    )
    const shown = g.kind === 'provider' ? true : members.some((m) => exists.has(m.id))
    if (!shown) continue
    nodes.push({
      id: g.id,
      type: 'labGroup',
      position: { x: g.x, y: g.y },
      width: g.width,
      height: g.height,
      data: { groupKind: g.kind, name: g.name },
      selectable: false,
      focusable: false,
      draggable: false,
      zIndex: -2
    })
  }
  for (const c of components) {
    const n = layout.nodes.get(c.id)
    if (!n || !exists.has(c.id)) continue
    nodes.push({
      id: c.id,
      type: c.kind,
      position: { x: n.x, y: n.y },
      width: n.width,
      height: n.height,
      data: { kind: c.kind },
      draggable: false
    })
  }
  return nodes
}

export function edgesKey(edges: readonly TopoEdge[]): string {
  return edges.map((e) => `${e.id}:${e.lock ?? ''}`).join(',')
}
