// Where an event's token travels: along the line between its two components, or — when they have no line of their
// own (vCenter telling a VM's host about the VM, a datastore answering a host in another cluster) — along the
// shortest chain of lines between them. An event of one component with itself pulses that node instead.

import type { TopoEdge } from '../reading/topology'
import { edgeSegments, pathData, reversePath, type Segment } from './geometry'
import type { LayoutNode } from './layout'

export type Route =
  | { kind: 'travel'; path: string; segments: Segment[]; edges: string[]; nodes: string[] }
  | { kind: 'local'; node: string }
  | { kind: 'none' }

interface Hop {
  edge: TopoEdge
  to: string
  forward: boolean
}

export class RouteGraph {
  private readonly adjacency = new Map<string, Hop[]>()
  private readonly segments = new Map<string, Segment[]>()
  private readonly cache = new Map<string, Route>()

  constructor(
    readonly edges: readonly TopoEdge[],
    private readonly nodes: ReadonlyMap<string, LayoutNode>
  ) {
    for (const e of edges) {
      const s = nodes.get(e.source)
      const t = nodes.get(e.target)
      if (!s || !t) continue
      this.segments.set(e.id, edgeSegments(e.kind, s, t))
      this.hops(e.source).push({ edge: e, to: e.target, forward: true })
      this.hops(e.target).push({ edge: e, to: e.source, forward: false })
    }
  }

  private hops(id: string): Hop[] {
    let h = this.adjacency.get(id)
    if (!h) this.adjacency.set(id, (h = []))
    return h
  }

  /** The line of one edge, source to target. */
  edgePath(edgeId: string): Segment[] {
    return this.segments.get(edgeId) ?? []
  }

  route(from: string, to: string): Route {
    const key = `${from}>${to}`
    let r = this.cache.get(key)
    if (!r) this.cache.set(key, (r = this.compute(from, to)))
    return r
  }

  private compute(from: string, to: string): Route {
    const hasFrom = this.nodes.has(from)
    const hasTo = this.nodes.has(to)
    if (from === to || !hasFrom || !hasTo) {
      const node = hasTo ? to : hasFrom ? from : null
      return node ? { kind: 'local', node } : { kind: 'none' }
    }
    // Breadth-first: the fewest hops; among equals, the edges in the order the topology lists them.
    const prev = new Map<string, { at: string; hop: Hop }>()
    const queue = [from]
    const seen = new Set([from])
    while (queue.length && !seen.has(to)) {
      const at = queue.shift()!
      for (const hop of this.adjacency.get(at) ?? []) {
        if (seen.has(hop.to)) continue
        seen.add(hop.to)
        prev.set(hop.to, { at, hop })
        queue.push(hop.to)
      }
    }
    if (!seen.has(to)) return { kind: 'local', node: to }
    const hops: Hop[] = []
    const nodes = [to]
    for (let at = to; at !== from; ) {
      const step = prev.get(at)!
      hops.unshift(step.hop)
      at = step.at
      nodes.unshift(at)
    }
    const segments: Segment[] = []
    for (const h of hops) {
      const line = this.segments.get(h.edge.id) ?? []
      segments.push(...(h.forward ? line : reversePath(line)))
    }
    return { kind: 'travel', path: pathData(segments), segments, edges: hops.map((h) => h.edge.id), nodes }
  }
}
