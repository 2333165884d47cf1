// Reading the window's entity views (plain JSON from the host) without trusting their shape: every accessor
// answers null instead of throwing, so a view from an older or newer host degrades to "—" rather than a crash.

import type { BytesView, ViewValue } from '../../../shared/lab/view'

export type ViewObject = { [key: string]: ViewValue }

export function obj(v: ViewValue | undefined): ViewObject | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { $bytes?: unknown }).$bytes !== true ? (v as ViewObject) : null
}

export function at(v: ViewValue | undefined, ...path: (string | number)[]): ViewValue | undefined {
  let cur = v
  for (const key of path) {
    if (Array.isArray(cur) && typeof key === 'number') cur = cur[key]
    else cur = obj(cur)?.[key as string]
  }
  return cur
}

export const str = (v: ViewValue | undefined): string | null => (typeof v === 'string' ? v : null)
export const num = (v: ViewValue | undefined): number | null => (typeof v === 'number' ? v : null)
export const bool = (v: ViewValue | undefined): boolean => v === true

export function list(v: ViewValue | undefined): ViewValue[] {
  return Array.isArray(v) ? v : []
}

export function entries(v: ViewValue | undefined): [string, ViewValue][] {
  const o = obj(v)
  return o ? Object.entries(o) : []
}

export function count(v: ViewValue | undefined): number {
  const o = obj(v)
  return o ? Object.keys(o).length : Array.isArray(v) ? v.length : 0
}

export function bytes(v: ViewValue | undefined): BytesView | null {
  return typeof v === 'object' && v !== null && (v as BytesView).$bytes === true ? (v as BytesView) : null
}
