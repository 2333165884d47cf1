// A token's journey as keyframes. The token is moved by `transform` and faded by `opacity` only: the browser runs
// such animations on its compositor, so fifty tokens in the air cost the page's main thread nothing per frame (a
// motion-path animation, offset-distance, would be restyled and repainted by the main thread on every frame). The
// route becomes its straight pieces (../geometry's waypoints), one keyframe per corner, timed by length so the
// token moves at an even pace.

import { pointAtShare, waypoints, type Point } from '../geometry'
import type { Route } from '../routing'

/** The token fades in over the first 6 % of its way and out over the last 6 %. */
const FADE = 0.06

type Travel = Extract<Route, { kind: 'travel' }>

const translate = (pt: Point) => `translate(${Math.round(pt.x * 10) / 10}px, ${Math.round(pt.y * 10) / 10}px)`

const cache = new WeakMap<Travel, Keyframe[]>()

/** Keyframes for a token travelling a route (memoised per route, which the router memoises per pair of ends). */
export function travelKeyframes(route: Travel): Keyframe[] {
  let frames = cache.get(route)
  if (frames) return frames
  const points = waypoints(route.segments)
  const shares = [...new Set([...points.map((w) => w.at), FADE, 1 - FADE])].sort((a, b) => a - b)
  frames = shares.map((share): Keyframe => {
    const frame: Keyframe = { offset: share, transform: translate(pointAtShare(points, share)) }
    if (share === 0 || share === 1) frame.opacity = 0
    else if (share === FADE || share === 1 - FADE) frame.opacity = 1
    return frame
  })
  cache.set(route, frames)
  return frames
}

/** Where a token waits at the end of its route (reduced motion: nothing travels). */
export function arrivalTransform(route: Travel): string {
  return translate(pointAtShare(waypoints(route.segments), 1))
}
