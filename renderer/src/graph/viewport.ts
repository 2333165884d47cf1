// The view that shows the whole layout: computed up front (React Flow's fitView needs its nodes measured first),
// so the first render is already at the zoom it will show, and every later fit (the lab grew, the pane changed
// size, F) lands on the very same view.

import type { Viewport } from '@xyflow/react'
import type { Box } from './layout'

/** A thin margin: a lesson's lab is as wide as the pane, and every pixel of margin costs zoom at a 1280 desk. */
export const PADDING = 0.03
export const MIN_ZOOM = 0.04
/** At a desk a small lab is not blown up past this: a lone vCenter would fill the window. */
export const MAX_ZOOM = 1.25

export interface Fit {
  /** Room left around the lab on each side, as a share of its size. */
  padding: number
  maxZoom: number
}

export const DESK_FIT: Fit = { padding: PADDING, maxZoom: MAX_ZOOM }
/**
 * On a beamer the lab is made as large as the pane allows (a thin margin, up to 2×): a lesson's lab then reads from
 * the back row (node names 24 px and more at 1920×1080, see presenter.css).
 */
export const PRESENTER_FIT: Fit = { padding: 0.03, maxZoom: 2 }

/** The viewport that shows `b` whole, centred, in a `width` × `height` pane. */
export function fitViewport(b: Box, width: number, height: number, fit: Fit = DESK_FIT): Viewport {
  if (b.width <= 0 || b.height <= 0 || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 }
  const scale = Math.min(width / (b.width * (1 + 2 * fit.padding)), height / (b.height * (1 + 2 * fit.padding)))
  const zoom = Math.min(fit.maxZoom, Math.max(MIN_ZOOM, scale))
  return { x: width / 2 - (b.x + b.width / 2) * zoom, y: height / 2 - (b.y + b.height / 2) * zoom, zoom }
}

/**
 * Whether the pane changed enough to fit again: any change of width (window, full screen, the side panel with
 * presenter mode), or of height by more than a narration line (a longer sentence must not make the graph breathe
 * while it plays; the fit's padding absorbs it).
 */
export function needsRefit(before: { width: number; height: number }, after: { width: number; height: number }): boolean {
  return Math.abs(before.width - after.width) >= 1 || Math.abs(before.height - after.height) > REFLOW_SLACK
}

/** A narration line or two, in pixels of the pane's height. */
export const REFLOW_SLACK = 40
