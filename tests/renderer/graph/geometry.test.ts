import { describe, expect, it } from 'vitest'
import { pointsAlong, type Segment } from '../../../renderer/src/graph/geometry'

describe('pointsAlong (where a token is at each step of its way)', () => {
  it('spaces the points evenly by length, across segments and the gap joined between them', () => {
    const line: Segment[] = [
      { type: 'L', from: { x: 0, y: 0 }, to: { x: 100, y: 0 } },
      // 100 further on after a straight join of 100 (as the path data draws it)
      { type: 'L', from: { x: 100, y: 100 }, to: { x: 100, y: 200 } }
    ]
    const pts = pointsAlong(line, 6)
    expect(pts).toHaveLength(7)
    expect(pts.map((p) => [Math.round(p.x), Math.round(p.y)])).toEqual([
      [0, 0],
      [50, 0],
      [100, 0],
      [100, 50],
      [100, 100],
      [100, 150],
      [100, 200]
    ])
  })

  it('starts and ends on a curve where the curve does, with equal steps along it', () => {
    const curve: Segment[] = [{ type: 'C', from: { x: 0, y: 0 }, c1: { x: 80, y: 0 }, c2: { x: 20, y: 100 }, to: { x: 100, y: 100 } }]
    const pts = pointsAlong(curve, 10)
    expect(pts[0]).toEqual({ x: 0, y: 0 })
    expect(pts[10].x).toBeCloseTo(100, 6)
    expect(pts[10].y).toBeCloseTo(100, 6)
    const steps = pts.slice(1).map((p, i) => Math.hypot(p.x - pts[i].x, p.y - pts[i].y))
    for (const s of steps) expect(s).toBeCloseTo(steps[0], 0)
  })
})
