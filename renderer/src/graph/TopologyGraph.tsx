// The topology as an interactive graph: React Flow draws the nodes from the structured layout (pan, zoom, focus,
// keyboard); our layers draw the lines under them and the tokens over them. Click a component to inspect it;
// right-click (or the context-menu key) for its actions.

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type Node, type ReactFlowInstance, type Viewport } from '@xyflow/react'
import { useGraphModel } from '../hooks/useGraphModel'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStore } from '../hooks/useLabStore'
import { useReducedMotion } from '../hooks/useReducedMotion'
import { useResolvedTheme } from '../hooks/useResolvedTheme'
import { useT } from '../hooks/useT'
import { EdgeLayer } from './edges/EdgeLayer'
import type { LabNode } from './flowModel'
import { GraphContext } from './graphContext'
import type { Box } from './layout'
import { DESK_FIT, MIN_ZOOM, PRESENTER_FIT, fitViewport, needsRefit, type Fit } from './viewport'
import { useSettings } from '../hooks/useSettings'
import { nodeTypes } from './nodes'
import { BOX_ZOOM } from './zoomLevels'
import { OverviewLayer } from './OverviewLayer'
import { TokenLayer } from './tokens/TokenLayer'
import './TopologyGraph.css'

const isComponent = (n: Node) => n.type !== 'labGroup'

/**
 * Fits the whole live layout (not only the components that exist at the step shown, so the view stays put while
 * stepping) when the live structure changes — a component joins —, when the pane changes size (the window resized
 * or moved to the beamer, full screen, the side panel gone with presenter mode), or on request (F).
 */
function FitOnChange({ bounds, boundsKey, fit }: { bounds: Box; boundsKey: string; fit: Fit }) {
  const flow = useReactFlow()
  const reduced = useReducedMotion()
  const fitRequest = useLabStore((s) => s.ui.fitRequest)
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const fitted = useRef({ width, height })
  const [paneChanged, setPaneChanged] = useState(0)
  // A resize arrives as many small steps while a window is dragged: fit once it has settled.
  useEffect(() => {
    if (!needsRefit(fitted.current, { width, height })) return
    const id = setTimeout(() => setPaneChanged((n) => n + 1), REFIT_AFTER_MS)
    return () => clearTimeout(id)
  }, [width, height])
  const first = useRef(true)
  useEffect(() => {
    // The first view was set up front (defaultViewport); later changes glide there.
    if (first.current) {
      first.current = false
      return
    }
    if (bounds.width === 0 || width === 0 || height === 0) return
    fitted.current = { width, height }
    const id = requestAnimationFrame(() => void flow.setViewport(fitViewport(bounds, width, height, fit), { duration: reduced ? 0 : 250 }))
    return () => cancelAnimationFrame(id)
  }, [boundsKey, fitRequest, paneChanged, fit, flow, reduced]) // eslint-disable-line react-hooks/exhaustive-deps
  return null
}

const REFIT_AFTER_MS = 150

export function TopologyGraph() {
  return (
    <ReactFlowProvider>
      <Graph />
    </ReactFlowProvider>
  )
}

const NO_NODES: LabNode[] = []
/** Above this many components, React Flow draws only the nodes in view. */
const MANY = 150

function Graph() {
  const { layout, nodes, edges, router, components } = useGraphModel()
  const { selectComponent, openMenu } = useLabActions()
  const theme = useResolvedTheme()
  const t = useT()
  const { presenter } = useSettings()
  const fit = presenter ? PRESENTER_FIT : DESK_FIT
  const graph = useMemo(() => ({ layout, router }), [layout, router])
  // React Flow's own words for screen readers, in the chosen language and true to this graph (nothing moves or is
  // deleted here).
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('graph.a11yNode'),
      'node.a11yDescription.keyboardDisabled': t('graph.a11yNode'),
      'controls.ariaLabel': t('graph.controls'),
      'controls.zoomIn.ariaLabel': t('graph.zoomIn'),
      'controls.zoomOut.ariaLabel': t('graph.zoomOut'),
      'controls.fitView.ariaLabel': t('graph.fit')
    }),
    [t]
  )
  const b = layout.bounds
  const boundsKey = `${Math.round(b.x)},${Math.round(b.y)},${Math.round(b.width)},${Math.round(b.height)}`
  // React Flow starts at the fitted viewport, so the first render is already at the zoom it will show (a big lab
  // draws its nodes once, compact, instead of in full detail and then again).
  const pane = useRef<HTMLDivElement>(null)
  const [initial, setInitial] = useState<Viewport | null>(null)
  useLayoutEffect(() => {
    const el = pane.current
    if (el) setInitial(fitViewport(b, el.clientWidth, el.clientHeight, fit))
  }, []) // eslint-disable-line react-hooks/exhaustive-deps

  // Far out, the overview draws boxes and React Flow draws no nodes (see OverviewLayer.tsx).
  const zoom = useStore((st) => (st.panZoom ? st.transform[2] : null)) ?? initial?.zoom ?? 1
  const overview = zoom < BOX_ZOOM

  const onNodeClick = useCallback(
    (_: MouseEvent, node: Node) => {
      if (isComponent(node)) selectComponent(node.id)
    },
    [selectComponent]
  )
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
  const onInit = useCallback((flow: ReactFlowInstance<LabNode>) => {
    // For tests and the benchmark: the graph is drawn and answers input.
    requestAnimationFrame(() => {
      document.documentElement.dataset.graphReady = String(flow.getNodes().length)
      performance.mark('graph-ready')
    })
  }, [])

  return (
    <GraphContext.Provider value={graph}>
      <div className="graph" ref={pane} onKeyDown={onKeyDown}>
        {initial && (
          <ReactFlow
            nodes={overview ? NO_NODES : nodes}
            nodeTypes={nodeTypes}
            onlyRenderVisibleElements={components.length > MANY}
            onNodeClick={onNodeClick}
            onNodeContextMenu={onNodeContextMenu}
            onInit={onInit}
            defaultViewport={initial}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable
            elevateNodesOnSelect={false}
            // A node focused from the keyboard (or by choosing an event) must not pull the view off the whole lab.
            autoPanOnNodeFocus={false}
            minZoom={MIN_ZOOM}
            maxZoom={2.5}
            colorMode={theme}
            proOptions={{ hideAttribution: true }}
            aria-label={t('graph.label')}
            ariaLabelConfig={ariaLabelConfig}
          >
            <Background gap={24} size={1.2} />
            <Controls showInteractive={false} position="top-right" />
            <EdgeLayer edges={edges} router={router} />
            {overview && <OverviewLayer layout={layout} components={components} onSelect={selectComponent} onMenu={openMenu} />}
            <TokenLayer />
            <FitOnChange bounds={b} boundsKey={boundsKey} fit={fit} />
          </ReactFlow>
        )}
      </div>
    </GraphContext.Provider>
  )
}
