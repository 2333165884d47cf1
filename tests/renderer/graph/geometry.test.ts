import { describe, expect, it } from 'vitest'
import { pointAtShare, waypoints, type Segment } from '../../../renderer/src/graph/geometry'

describe('waypoints (the straight pieces a token walks)', () => {
  it('keeps only the corners of straight lines, each with the share of the length walked, the joined gap included', () => {
    const line: Segment[] = [
      { type: 'L', from: { x: 0, y: 0 }, to: { x: 100, y: 0 } },
      // 100 further on after a straight join of 100 (as the path data draws it)
      { type: 'L', from: { x: 100, y: 100 }, to: { x: 100, y: 200 } }
    ]
    expect(waypoints(line).map((w) => [w.x, w.y, Math.round(w.at * 300)])).toEqual([
      [0, 0, 0],
      [100, 0, 100],
      [100, 100, 200],
      [100, 200, 300]
    ])
    const half = pointAtShare(waypoints(line), 0.5)
    expect(half.x).toBe(100)
    expect(half.y).toBeCloseTo(50, 9)
  })

  it('walks a curve in even steps from where it starts to where it ends', () => {
    const curve: Segment[] = [{ type: 'C', from: { x: 0, y: 0 }, c1: { x: 80, y: 0 }, c2: { x: 20, y: 100 }, to: { x: 100, y: 100 } }]
    const pts = waypoints(curve)
    expect(pts[0]).toEqual({ x: 0, y: 0, at: 0 })
    expect(pts.at(-1)).toEqual({ x: 100, y: 100, at: 1 })
    for (let i = 1; i < pts.length; i++) expect(pts[i].at).toBeGreaterThan(pts[i - 1].at)
    // the curve is symmetric about its middle: half its length is walked at its middle point
    const mid = pointAtShare(pts, 0.5)
    expect(mid.x).toBeCloseTo(50, 0)
    expect(mid.y).toBeCloseTo(50, 0)
  })
})
