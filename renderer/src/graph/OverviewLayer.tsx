// A big lab seen whole: at a zoom where a node's text would be a few pixels high, the components are drawn as
// coloured boxes in one SVG instead of hundreds of React Flow nodes (which each measure themselves, subscribe to
// React Flow's store and fill the page with elements). Boxes keep their state colours and answer clicks; zooming in
// brings the full nodes back. The table view lists the same components for keyboard and screen reader users.

import { memo, type MouseEvent } from 'react'
import { ViewportPortal } from '@xyflow/react'
import { useEntityView } from '../hooks/useEntityView'
import { useIsSelected } from '../hooks/useIsSelected'
import { componentFacts, type ComponentFacts } from '../reading/facts'
import type { TopoComponent } from '../reading/topology'
import type { Layout, LayoutNode } from './layout'
import './OverviewLayer.css'

function stateOf(f: ComponentFacts | null): string {
  if (!f) return ''
  switch (f.kind) {
    case 'kms':
    case 'vcenter':
      return f.running ? 'running' : 'stopped'
    case 'host':
      return f.cryptoState
    case 'vm':
      return f.cryptoState === 'locked' ? 'locked' : f.power === 'poweredOn' ? 'on' : 'off'
    default:
      return ''
  }
}

/**
 * One component's box. It reads its own view and whether it is selected from the store, so while playing only the
 * boxes of the components an event changed render again, not all of them.
 */
const Box = memo(function Box({ n }: { n: LayoutNode }) {
  const view = useEntityView(n.id)
  const selected = useIsSelected(n.id)
  if (view === undefined) return null
  const f = componentFacts(n.id, view)
  return (
    <rect
      className={`overview-box kind-${n.kind} is-${stateOf(f)}${selected ? ' is-selected' : ''}`}
      data-component={n.id}
      x={n.x}
      y={n.y}
      width={n.width}
      height={n.height}
      rx={12}
    >
      <title>{f ? `${f.kind} ${f.name}` : n.id}</title>
    </rect>
  )
})

export const OverviewLayer = memo(function OverviewLayer({
  layout,
  components,
  onSelect,
  onMenu
}: {
  layout: Layout
  components: readonly TopoComponent[]
  onSelect: (id: string) => void
  onMenu: (id: string, x: number, y: number) => void
}) {
  const target = (e: MouseEvent) => (e.target as Element).closest('[data-component]')?.getAttribute('data-component') ?? null
  return (
    <ViewportPortal>
      <svg
        className="overview-layer"
        width="1"
        height="1"
        onClick={(e) => {
          const id = target(e)
          if (id) onSelect(id)
        }}
        onContextMenu={(e) => {
          const id = target(e)
          if (!id) return
          e.preventDefault()
          onSelect(id)
          onMenu(id, e.clientX, e.clientY)
        }}
      >
        {layout.groups.map((g) => (
          <rect key={g.id} className={`overview-group group-${g.kind}`} x={g.x} y={g.y} width={g.width} height={g.height} rx={16} />
        ))}
        {components.map((c) => {
          const n = layout.nodes.get(c.id)
          return n ? <Box key={c.id} n={n} /> : null
        })}
      </svg>
    </ViewportPortal>
  )
})
