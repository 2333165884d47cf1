// A token's journey as keyframes. The token is moved by `transform` (and faded by `opacity`) only: the browser runs
// such animations on its compositor, so fifty tokens in the air cost the page's main thread nothing per frame. A
// motion-path animation (offset-distance) would be repainted and re-layered by the main thread on every frame.
// The route's curve becomes STEPS straight pieces, evenly spaced by length, as offset-distance would space them.

import { pointsAlong } from '../geometry'
import type { Route } from '../routing'

/** Pieces of a route: at the token's size and speed, a curve of 48 pieces moves as smoothly as the curve itself. */
const STEPS = 48
/** The token fades in over the first 6 % of its way and out over the last 6 %. */
const FADE = 3 / 48

const at = (x: number, y: number) => `translate(${Math.round(x * 10) / 10}px, ${Math.round(y * 10) / 10}px)`

const cache = new WeakMap<Route, Keyframe[]>()

/** Keyframes for a token travelling a route (memoised per route, which the router memoises per pair of ends). */
export function travelKeyframes(route: Extract<Route, { kind: 'travel' }>): Keyframe[] {
  let frames = cache.get(route)
  if (frames) return frames
  const points = pointsAlong(route.segments, STEPS)
  frames = points.map((pt, i): Keyframe => {
    const offset = i / STEPS
    const frame: Keyframe = { offset, transform: at(pt.x, pt.y) }
    if (i === 0 || i === STEPS) frame.opacity = 0
    else if (Math.abs(offset - FADE) < 1e-9 || Math.abs(offset - (1 - FADE)) < 1e-9) frame.opacity = 1
    return frame
  })
  cache.set(route, frames)
  return frames
}

/** Where a token waits at the end of its route (reduced motion: nothing travels). */
export function arrivalTransform(route: Extract<Route, { kind: 'travel' }>): string {
  const end = pointsAlong(route.segments, 1).at(-1) ?? { x: 0, y: 0 }
  return at(end.x, end.y)
}
