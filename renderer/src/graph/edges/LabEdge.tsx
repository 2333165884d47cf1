// One line of the topology, drawn with the same curve the tokens follow (graph/geometry.ts). KMIP lines carry a lock:
// open until trust is established both ways, closed after; dashed while vCenter does not know the provider.

import { memo, useContext } from 'react'
import { BaseEdge, type EdgeProps } from '@xyflow/react'
import { useT } from '../../hooks/useT'
import type { LabEdgeData } from '../flowModel'
import { midpoint, pathData } from '../geometry'
import { GraphContext } from '../graphContext'

const LOCK_CLOSED = 'M-4 -0.5h8v6h-8z M-2.6 -0.5v-2.2a2.6 2.6 0 0 1 5.2 0v2.2'
const LOCK_OPEN = 'M-4 -0.5h8v6h-8z M-2.6 -0.5v-2.2a2.6 2.6 0 0 1 5 -1'

export const LabEdge = memo(function LabEdge({ id, source, target, data }: EdgeProps) {
  const graph = useContext(GraphContext)
  const t = useT()
  const d = data as LabEdgeData
  const segments = graph?.router.edgePath(id) ?? []
  if (!segments.length) return null
  const path = pathData(segments)
  const lock = d.kind === 'kmip' ? (d.lock ?? 'none') : null
  const m = lock ? midpoint(segments) : null
  return (
    <g className={`lab-edge edge-${d.kind}${lock ? ` lock-${lock}` : ''}`} data-edge={id} data-source={source} data-target={target}>
      <BaseEdge id={id} path={path} className="lab-edge-path" />
      {m && lock && (
        <g transform={`translate(${m.x} ${m.y})`} className="edge-lock">
          <title>{lock === 'closed' ? t('edge.locked') : lock === 'open' ? t('edge.unlocked') : t('state.unregistered')}</title>
          <circle r="10" className="edge-lock-bg" />
          <path d={lock === 'closed' ? LOCK_CLOSED : LOCK_OPEN} transform="scale(1.15)" className="edge-lock-icon" />
        </g>
      )}
    </g>
  )
})

export const edgeTypes = { lab: LabEdge }
