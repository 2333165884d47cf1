// Every line of the topology in one SVG under the nodes, drawn from the layout with the same curves the tokens
// follow. React Flow's own edges would each subscribe to its store and need measured handles on every node;
// our lines are fixed by the layout, so one memoised layer draws them all and never re-renders during playback.

import { memo } from 'react'
import { ViewportPortal } from '@xyflow/react'
import { useT } from '../../hooks/useT'
import type { TopoEdge } from '../../reading/topology'
import { midpoint, pathData } from '../geometry'
import type { RouteGraph } from '../routing'
import './edges.css'

const LOCK_CLOSED = 'M-4 -0.5h8v6h-8z M-2.6 -0.5v-2.2a2.6 2.6 0 0 1 5.2 0v2.2'
const LOCK_OPEN = 'M-4 -0.5h8v6h-8z M-2.6 -0.5v-2.2a2.6 2.6 0 0 1 5 -1'

export const EdgeLayer = memo(function EdgeLayer({ edges, router }: { edges: readonly TopoEdge[]; router: RouteGraph }) {
  const t = useT()
  return (
    <ViewportPortal>
      <svg className="edge-layer" width="1" height="1" aria-hidden="true">
        {edges.map((e) => {
          const segments = router.edgePath(e.id)
          if (!segments.length) return null
          const lock = e.kind === 'kmip' ? (e.lock ?? 'none') : null
          const m = lock ? midpoint(segments) : null
          return (
            <g key={e.id} className={`lab-edge edge-${e.kind}${lock ? ` lock-${lock}` : ''}`} data-edge={e.id}>
              <path d={pathData(segments)} className="lab-edge-path" />
              {m && lock && (
                <g transform={`translate(${m.x} ${m.y})`} className="edge-lock">
                  <title>{lock === 'closed' ? t('edge.locked') : lock === 'open' ? t('edge.unlocked') : t('state.unregistered')}</title>
                  <circle r="10" className="edge-lock-bg" />
                  <path d={lock === 'closed' ? LOCK_CLOSED : LOCK_OPEN} transform="scale(1.15)" className="edge-lock-icon" />
                </g>
              )}
            </g>
          )
        })}
      </svg>
    </ViewportPortal>
  )
})
