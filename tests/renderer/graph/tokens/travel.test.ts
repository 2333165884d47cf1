import { describe, expect, it } from 'vitest'
import { pointAtShare, waypoints, type Segment } from '../../../../renderer/src/graph/geometry'
import { arrivalTransform, travelKeyframes } from '../../../../renderer/src/graph/tokens/travel'

const segments: Segment[] = [
  { type: 'L', from: { x: 0, y: 0 }, to: { x: 200, y: 0 } },
  { type: 'C', from: { x: 200, y: 0 }, c1: { x: 240, y: 0 }, c2: { x: 240, y: 0 }, to: { x: 240, y: 40 } },
  { type: 'L', from: { x: 240, y: 40 }, to: { x: 240, y: 400 } }
]
const route = { kind: 'travel' as const, path: '', segments, edges: [], nodes: [] }
const xy = (transform: unknown) => (/translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(String(transform)) ?? []).slice(1).map(Number)

describe('a token travelling its route', () => {
  const frames = travelKeyframes(route)

  it('moves by transform only, from the start of its route to its end, at an even pace by length', () => {
    expect(frames[0].offset).toBe(0)
    expect(frames.at(-1)!.offset).toBe(1)
    for (const f of frames) expect(Object.keys(f).sort()).toEqual(expect.arrayContaining(['offset', 'transform']))
    expect(frames.every((f) => Object.keys(f).every((k) => ['offset', 'transform', 'opacity'].includes(k)))).toBe(true)
    const points = waypoints(segments)
    for (const f of frames) {
      const at = pointAtShare(points, f.offset as number)
      const [x, y] = xy(f.transform)
      expect(x).toBeCloseTo(at.x, 0)
      expect(y).toBeCloseTo(at.y, 0)
    }
    // The first corner comes after 200 of about 620 (200 straight, a corner of 57 to 80, 360 down): it is reached
    // after that share of the time, not after a third (one of three pieces).
    const corner = frames.find((f) => xy(f.transform).join() === '200,0')!
    expect(corner.offset).toBeGreaterThan(200 / 640)
    expect(corner.offset).toBeLessThan(200 / 616)
    expect(xy(frames.at(-1)!.transform)).toEqual([240, 400])
  })

  it('fades in over its first 6 % and out over its last 6 %', () => {
    const faded = frames.filter((f) => f.opacity !== undefined).map((f) => [f.offset, f.opacity])
    expect(faded).toEqual([
      [0, 0],
      [0.06, 1],
      [0.94, 1],
      [1, 0]
    ])
  })

  it('keeps few keyframes: a corner for each straight piece, a dozen for a curve', () => {
    expect(frames.length).toBeLessThanOrEqual(2 + 12 + 2 + 1)
    expect(travelKeyframes(route)).toBe(frames)
  })

  it('waits at the end of its route when nothing moves', () => {
    expect(arrivalTransform(route)).toBe('translate(240px, 400px)')
  })
})
