// Baselines for `npm run bench -- ui`, measured in the same browser in the same run as the lab's window, so the
// ratios mean something on a busy machine: plain React Flow (the same package the window uses) drawing N default
// nodes, and a bare page that only runs a requestAnimationFrame loop. Both pages are served from memory on
// 127.0.0.1 (a free port); the React Flow page is bundled here with esbuild, minified for production like the window.

import { createServer, type Server } from 'node:http'
import { build } from 'esbuild'

/** The plain React Flow page: N default nodes in a grid, fit to the view; marks `graph-ready` as the window does. */
const REACT_FLOW_ENTRY = `
import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'
import { ReactFlow } from '@xyflow/react'
import '@xyflow/react/dist/style.css'

const n = Number(new URLSearchParams(location.search).get('nodes') || '0')
const columns = Math.ceil(Math.sqrt(n))
const nodes = Array.from({ length: n }, (_, i) => ({
  id: 'n' + i,
  position: { x: (i % columns) * 180, y: Math.floor(i / columns) * 80 },
  data: { label: 'node ' + i }
}))
const onInit = (flow) =>
  requestAnimationFrame(() => {
    document.documentElement.dataset.graphReady = String(flow.getNodes().length)
    performance.mark('graph-ready')
  })
createRoot(document.getElementById('root')).render(h('div', { style: { width: '100vw', height: '100vh' } }, h(ReactFlow, { nodes, edges: [], fitView: true, onInit })))
`

const html = (body: string, css = '') => `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0}${css}</style></head><body>${body}</body></html>`

export interface Baselines {
  /** A page with plain React Flow; `?nodes=N` sets the number of nodes. */
  reactFlowUrl: (nodes: number) => string
  /** A page that does nothing but exist (the frame loop is the measuring script's own). */
  barePageUrl: string
  close: () => Promise<void>
}

export async function startBaselines(): Promise<Baselines> {
  const out = await build({
    stdin: { contents: REACT_FLOW_ENTRY, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    outdir: 'baseline',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent'
  })
  const js = out.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? ''
  const css = out.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? ''
  const pages: Record<string, [string, string]> = {
    '/react-flow': ['text/html', html('<div id="root"></div><script src="/react-flow.js"></script>', css)],
    '/react-flow.js': ['text/javascript', js],
    '/bare': ['text/html', html('<p>bare page</p>')]
  }
  const server: Server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://127.0.0.1').pathname]
    if (!page) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': page[0] }).end(page[1])
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const base = `http://127.0.0.1:${port}`
  return {
    reactFlowUrl: (nodes) => `${base}/react-flow?nodes=${nodes}`,
    barePageUrl: `${base}/bare`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
