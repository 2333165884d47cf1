// The shape of every line, computed from the layout alone, so an edge and the tokens travelling on it follow the
// very same curve. A line is a list of segments (straight or cubic Bézier); a token's route joins the lines of its
// hops, each walked in the direction of travel.

import type { EdgeKind } from '../reading/topology'
import { COLUMN_GAP, MANAGEMENT_LANE, VM_INDENT, type LayoutNode } from './layout'

export interface Point {
  x: number
  y: number
}

export type Segment = { type: 'L'; from: Point; to: Point } | { type: 'C'; from: Point; c1: Point; c2: Point; to: Point }

const p = (x: number, y: number): Point => ({ x, y })

/** The same segment walked the other way. */
export function reverseSegment(s: Segment): Segment {
  return s.type === 'L' ? { type: 'L', from: s.to, to: s.from } : { type: 'C', from: s.to, c1: s.c2, c2: s.c1, to: s.from }
}

export function reversePath(segments: readonly Segment[]): Segment[] {
  return segments.map(reverseSegment).reverse()
}

const r = (n: number) => Math.round(n * 10) / 10

/** SVG path data; consecutive segments that do not meet are joined by a straight line through the node between. */
export function pathData(segments: readonly Segment[]): string {
  if (segments.length === 0) return ''
  let d = `M ${r(segments[0].from.x)} ${r(segments[0].from.y)}`
  let at = segments[0].from
  for (const s of segments) {
    if (s.from.x !== at.x || s.from.y !== at.y) d += ` L ${r(s.from.x)} ${r(s.from.y)}`
    d += s.type === 'L' ? ` L ${r(s.to.x)} ${r(s.to.y)}` : ` C ${r(s.c1.x)} ${r(s.c1.y)} ${r(s.c2.x)} ${r(s.c2.y)} ${r(s.to.x)} ${r(s.to.y)}`
    at = s.to
  }
  return d
}

function pointOn(s: Segment, t: number): Point {
  if (s.type === 'L') return p(s.from.x + (s.to.x - s.from.x) * t, s.from.y + (s.to.y - s.from.y) * t)
  const u = 1 - t
  const a = u * u * u
  const b = 3 * u * u * t
  const c = 3 * u * t * t
  const d = t * t * t
  return p(a * s.from.x + b * s.c1.x + c * s.c2.x + d * s.to.x, a * s.from.y + b * s.c1.y + c * s.c2.y + d * s.to.y)
}

/** Where a label or a lock sits on a line: the middle of its middle segment. */
export function midpoint(segments: readonly Segment[]): Point {
  if (segments.length === 0) return p(0, 0)
  return pointOn(segments[Math.floor((segments.length - 1) / 2)], 0.5)
}

const center = (n: LayoutNode) => p(n.x + n.width / 2, n.y + n.height / 2)
const right = (n: LayoutNode) => p(n.x + n.width, n.y + n.height / 2)
const left = (n: LayoutNode) => p(n.x, n.y + n.height / 2)
const top = (n: LayoutNode, f = 0.5) => p(n.x + n.width * f, n.y)
const bottom = (n: LayoutNode, f = 0.5) => p(n.x + n.width * f, n.y + n.height)

function horizontal(a: Point, b: Point): Segment {
  const dx = Math.max(40, Math.abs(b.x - a.x) / 2)
  const sx = b.x >= a.x ? 1 : -1
  return { type: 'C', from: a, c1: p(a.x + sx * dx, a.y), c2: p(b.x - sx * dx, b.y), to: b }
}

function vertical(a: Point, b: Point): Segment {
  const dy = Math.max(30, Math.abs(b.y - a.y) / 2)
  const sy = b.y >= a.y ? 1 : -1
  return { type: 'C', from: a, c1: p(a.x, a.y + sy * dy), c2: p(b.x, b.y - sy * dy), to: b }
}

/** Between two nodes with no special route: leave and enter on the sides that face each other. */
function facing(a: LayoutNode, b: LayoutNode): Segment {
  if (b.y >= a.y + a.height) return vertical(bottom(a), top(b))
  if (b.y + b.height <= a.y) return vertical(top(a), bottom(b))
  return b.x >= a.x ? horizontal(right(a), left(b)) : horizontal(left(a), right(b))
}

/** A rounded corner from `a` to `b`: leaves `a` along its axis and arrives at `b` along the other. */
function corner(a: Point, b: Point, firstHorizontal: boolean): Segment {
  const c = firstHorizontal ? p(b.x, a.y) : p(a.x, b.y)
  return { type: 'C', from: a, c1: c, c2: c, to: b }
}

/**
 * vCenter's line to a host: along the lane just above the host's row (under the cluster's title, over the hosts'
 * tops), then down onto the host. For a lower row of clusters it first goes down the gap left of the clusters, so it
 * never cuts through the rows above. Lines to several hosts share the lane like a bus.
 */
function managementLine(from: Point, to: Point): Segment[] {
  const r = MANAGEMENT_LANE
  const laneY = to.y - r
  const enter = corner(p(to.x - r, laneY), to, true)
  if (Math.abs(laneY - from.y) < 1) return [{ type: 'L', from, to: enter.from }, enter]
  // The trunk stands halfway between vCenter and the first column of clusters.
  const trunkX = from.x + COLUMN_GAP / 2
  const dy = laneY > from.y ? r : -r
  return [
    { type: 'L', from, to: p(trunkX - r, from.y) },
    corner(p(trunkX - r, from.y), p(trunkX, from.y + dy), true),
    { type: 'L', from: p(trunkX, from.y + dy), to: p(trunkX, laneY - dy) },
    corner(p(trunkX, laneY - dy), p(trunkX + r, laneY), false),
    { type: 'L', from: p(trunkX + r, laneY), to: enter.from },
    enter
  ]
}

/** The line of an edge from its source to its target. */
export function edgeSegments(kind: EdgeKind, s: LayoutNode, t: LayoutNode): Segment[] {
  switch (kind) {
    case 'kmip':
      // KMS (left column) → vCenter
      return t.x >= s.x + s.width ? [horizontal(right(s), left(t))] : [facing(s, t)]
    case 'management':
      // vCenter → the top of each host, along the cluster's lane under its title (layout.ts MANAGEMENT_LANE).
      return t.x < s.x + s.width + 2 * MANAGEMENT_LANE ? [facing(s, t)] : managementLine(right(s), top(t))
    case 'storage': {
      // host → datastore: straight down the host's right edge, past the indented VMs.
      const x = s.x + s.width - 9
      if (t.y >= s.y + s.height && x >= t.x && x <= t.x + t.width) return [{ type: 'L', from: p(x, s.y + s.height), to: p(x, t.y) }]
      return [facing(s, t)]
    }
    case 'vm': {
      // host → VM: down the host's left edge, then into the VM's side.
      const x = s.x + VM_INDENT / 2
      if (t.y >= s.y + s.height && t.x >= x) {
        const y = t.y + t.height / 2
        return [
          { type: 'L', from: p(x, s.y + s.height), to: p(x, y) },
          { type: 'L', from: p(x, y), to: p(t.x, y) }
        ]
      }
      return [facing(s, t)]
    }
    case 'replication':
      return [facing(s, t)]
    case 'vmotion': {
      // host ↔ host in one row: an arc over the top of both.
      if (Math.abs(s.y - t.y) > 1) return [facing(s, t)]
      const dir = t.x >= s.x ? 1 : -1
      const from = top(s, dir > 0 ? 0.72 : 0.28)
      const to = top(t, dir > 0 ? 0.28 : 0.72)
      const h = Math.min(36, 18 + Math.abs(to.x - from.x) / 20)
      return [{ type: 'C', from, c1: p(from.x, from.y - h), c2: p(to.x, to.y - h), to }]
    }
  }
}

export { center }

/** Straight pieces a curve becomes when a token walks it: at a token's size and speed, as smooth as the curve. */
const CURVE_PIECES = 12

/** A point of a route with the share of the route's length walked to reach it (0 at the start, 1 at the end). */
export interface Waypoint extends Point {
  at: number
}

/**
 * A route as straight pieces (each straight segment one piece, each curve CURVE_PIECES, joined as `pathData` joins
 * them), each corner with the share of the length walked to reach it. Moving at an even pace from corner to corner
 * in proportion to those shares walks the route at an even speed, as CSS's offset-distance would.
 */
export function waypoints(segments: readonly Segment[]): Waypoint[] {
  if (segments.length === 0) return []
  const line: Point[] = [segments[0].from]
  const add = (pt: Point) => {
    const last = line[line.length - 1]
    if (pt.x !== last.x || pt.y !== last.y) line.push(pt)
  }
  for (const s of segments) {
    add(s.from)
    if (s.type === 'L') add(s.to)
    else for (let i = 1; i <= CURVE_PIECES; i++) add(pointOn(s, i / CURVE_PIECES))
  }
  let walked = 0
  const lengths = line.map((pt, i) => (walked += i ? Math.hypot(pt.x - line[i - 1].x, pt.y - line[i - 1].y) : 0))
  const total = walked || 1
  return line.map((pt, i) => ({ x: pt.x, y: pt.y, at: i === line.length - 1 ? 1 : lengths[i] / total }))
}

/** Where a walk of the route is after `share` of its length (0..1). */
export function pointAtShare(route: readonly Waypoint[], share: number): Point {
  if (route.length === 0) return p(0, 0)
  let j = 1
  while (j < route.length - 1 && route[j].at < share) j++
  const a = route[Math.max(0, j - 1)]
  const b = route[Math.min(route.length - 1, j)]
  const f = b.at > a.at ? Math.min(1, Math.max(0, (share - a.at) / (b.at - a.at))) : 1
  return p(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f)
}
