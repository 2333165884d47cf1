// The event list's rows: each command as a header, then its visible events. Pure data, so the virtual list can
// lay out tens of thousands of rows by arithmetic.

import type { CommandView } from '../../../shared/api/contract'
import { lowerBound, partitionPoint } from '../reading/sortedSearch'

export type Row =
  | { kind: 'earlier'; count: number }
  | { kind: 'command'; command: CommandView; shown: number }
  | { kind: 'event'; seq: number }
  /** A message of an opened story step, listed under the step. */
  | { kind: 'member'; seq: number }

export const ROW_HEIGHT = { earlier: 36, command: 30, event: 46, member: 40 } as const

/**
 * Rows for the loaded history: a "load earlier" row when older events wait on the host, then every command that
 * has events in the loaded stretch with the visible ones under it.
 */
export function timelineRows(
  commands: readonly CommandView[],
  visible: readonly number[],
  baseSeq: number,
  startSeq: number,
  /** The messages under a shown row (an opened story step); none for most rows. */
  membersOf?: (seq: number) => readonly number[]
): Row[] {
  const rows: Row[] = []
  if (baseSeq > startSeq) rows.push({ kind: 'earlier', count: baseSeq - startSeq })
  for (const command of commands) {
    if (!command || command.lastSeq <= baseSeq || command.lastSeq < command.firstSeq) continue
    const from = lowerBound(visible, Math.max(command.firstSeq, baseSeq + 1))
    const to = lowerBound(visible, command.lastSeq + 1)
    rows.push({ kind: 'command', command, shown: to - from })
    for (let i = from; i < to; i++) {
      rows.push({ kind: 'event', seq: visible[i] })
      if (membersOf) for (const seq of membersOf(visible[i])) rows.push({ kind: 'member', seq })
    }
  }
  return rows
}

/** Each row's top, plus the total height at the end. */
export function rowOffsets(rows: readonly Row[]): number[] {
  const out = new Array<number>(rows.length + 1)
  let y = 0
  for (let i = 0; i < rows.length; i++) {
    out[i] = y
    y += ROW_HEIGHT[rows[i].kind]
  }
  out[rows.length] = y
  return out
}

/** The rows a viewport shows (with `overscan` rows either side), as [first, last) indexes. */
export function visibleRange(offsets: readonly number[], scrollTop: number, height: number, overscan = 6): [number, number] {
  const n = offsets.length - 1
  if (n <= 0) return [0, 0]
  const lo = partitionPoint(n, (i) => offsets[i + 1] > scrollTop)
  const first = Math.max(0, lo - overscan)
  let last = lo
  while (last < n && offsets[last] < scrollTop + height) last++
  return [first, Math.min(n, last + overscan)]
}

/** The index of the row of event `seq`, or -1. */
export function rowOfSeq(rows: readonly Row[], seq: number): number {
  let lo = 0
  let hi = rows.length - 1
  // rows are in seq order; headers sit before their events — binary search over event rows with a scan for headers
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    let m = mid
    while (m <= hi && rows[m].kind !== 'event') m++
    if (m > hi) {
      hi = mid - 1
      continue
    }
    const s = (rows[m] as { seq: number }).seq
    if (s === seq) return m
    if (s < seq) lo = m + 1
    else hi = mid - 1
  }
  return -1
}
