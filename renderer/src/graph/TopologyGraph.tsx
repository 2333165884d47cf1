// The topology as an interactive graph: React Flow draws nodes and lines from the structured layout; tokens fly
// in the overlay. Click a component to inspect it; right-click (or the context-menu key) for its actions.

import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react'
import { Background, Controls, ReactFlow, useReactFlow, type Edge, type Node, type ReactFlowInstance } from '@xyflow/react'
import type { LabEdgeData, LabNode } from './flowModel'
import type { Box } from './layout'
import { useGraphModel } from '../hooks/useGraphModel'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStore } from '../hooks/useLabStore'
import { useReducedMotion } from '../hooks/useReducedMotion'
import { useResolvedTheme } from '../hooks/useResolvedTheme'
import { useT } from '../hooks/useT'
import { edgeTypes } from './edges/LabEdge'
import { GraphContext } from './graphContext'
import { nodeTypes } from './nodes'
import { TokenLayer } from './tokens/TokenLayer'

const isComponent = (n: Node) => n.type !== 'labGroup'

/**
 * Fits the whole live layout (not only the components that exist at the step shown, so the view stays put while
 * stepping) when the live structure changes — a component joins — or on request.
 */
function FitOnChange({ bounds, boundsKey }: { bounds: Box; boundsKey: string }) {
  const flow = useReactFlow()
  const reduced = useReducedMotion()
  const fitRequest = useLabStore((s) => s.ui.fitRequest)
  const first = useRef(true)
  useEffect(() => {
    if (bounds.width === 0) return
    const id = requestAnimationFrame(() => {
      void flow.fitBounds(bounds, { padding: 0.06, duration: first.current || reduced ? 0 : 250 })
      first.current = false
    })
    return () => cancelAnimationFrame(id)
  }, [boundsKey, fitRequest, flow, reduced]) // eslint-disable-line react-hooks/exhaustive-deps
  return null
}

export function TopologyGraph() {
  const { layout, nodes, edges, router } = useGraphModel()
  const { selectComponent, openMenu } = useLabActions()
  const theme = useResolvedTheme()
  const t = useT()
  const graph = useMemo(() => ({ layout, router }), [layout, router])
  const b = layout.bounds
  const boundsKey = `${Math.round(b.x)},${Math.round(b.y)},${Math.round(b.width)},${Math.round(b.height)}`

  const onNodeClick = useCallback((_: MouseEvent, node: Node) => {
    if (isComponent(node)) selectComponent(node.id)
  }, [selectComponent])
  const onNodeContextMenu = useCallback(
    (e: MouseEvent, node: Node) => {
      if (!isComponent(node)) return
      e.preventDefault()
      selectComponent(node.id)
      openMenu(node.id, e.clientX, e.clientY)
    },
    [selectComponent, openMenu]
  )
  // Keyboard: a focused node opens on Enter, its menu on the context-menu key or Shift+F10.
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const el = (e.target as HTMLElement).closest('.react-flow__node') as HTMLElement | null
      const id = el?.dataset.id
      if (!el || !id || el.classList.contains('react-flow__node-labGroup')) return
      if (e.key === 'Enter') selectComponent(id)
      if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
        e.preventDefault()
        const r = el.getBoundingClientRect()
        selectComponent(id)
        openMenu(id, r.left + r.width / 2, r.top + r.height / 2)
      }
    },
    [selectComponent, openMenu]
  )
  const onInit = useCallback((flow: ReactFlowInstance<LabNode, Edge<LabEdgeData>>) => {
    // For tests and the benchmark: the graph is drawn and answers input.
    requestAnimationFrame(() => {
      document.documentElement.dataset.graphReady = String(flow.getNodes().length)
      performance.mark('graph-ready')
    })
  }, [])

  return (
    <GraphContext.Provider value={graph}>
      <div className="graph" onKeyDown={onKeyDown}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodeClick={onNodeClick}
          onNodeContextMenu={onNodeContextMenu}
          onInit={onInit}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          edgesFocusable={false}
          minZoom={0.04}
          maxZoom={2.5}
          colorMode={theme}
          proOptions={{ hideAttribution: true }}
          aria-label={t('graph.label')}
        >
          <Background gap={24} size={1.2} />
          <Controls showInteractive={false} position="top-right" />
          <TokenLayer />
          <FitOnChange bounds={b} boundsKey={boundsKey} />
        </ReactFlow>
      </div>
    </GraphContext.Provider>
  )
}
