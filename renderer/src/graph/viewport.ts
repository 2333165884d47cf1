// The view that shows the whole layout: computed up front (React Flow's fitView needs its nodes measured first),
// so the first render is already at the zoom it will show.

import type { Viewport } from '@xyflow/react'
import type { Box } from './layout'

export const PADDING = 0.06
export const MIN_ZOOM = 0.04
export const MAX_ZOOM = 1.25

/** The viewport that shows `b` whole, centred, in a `width` × `height` pane. */
export function fitViewport(b: Box, width: number, height: number): Viewport {
  if (b.width <= 0 || b.height <= 0 || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 }
  const fit = Math.min(width / (b.width * (1 + 2 * PADDING)), height / (b.height * (1 + 2 * PADDING)))
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, fit))
  return { x: width / 2 - (b.x + b.width / 2) * zoom, y: height / 2 - (b.y + b.height / 2) * zoom, zoom }
}
