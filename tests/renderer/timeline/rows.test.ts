import { describe, expect, it } from 'vitest'
import type { CommandView } from '../../../shared/api/contract'
import { ROW_HEIGHT, rowOfSeq, rowOffsets, timelineRows, visibleRange } from '../../../renderer/src/timeline/rows'

const cmd = (index: number, firstSeq: number, lastSeq: number): CommandView => ({ index, command: { op: 'vcenter.stop' }, step: null, firstSeq, lastSeq, fault: null })

describe('timeline rows', () => {
  const commands = [cmd(0, 1, 3), cmd(1, 4, 6), cmd(2, 7, 7)]

  it('puts each command before its visible events, keeping commands whose events are all hidden', () => {
    const rows = timelineRows(commands, [1, 3, 7], 0, 0)
    expect(rows.map((r) => (r.kind === 'event' ? r.seq : r.kind === 'command' ? `c${r.command.index}:${r.shown}` : 'earlier'))).toEqual(['c0:2', 1, 3, 'c1:0', 'c2:1', 7])
  })

  it('starts with a row for older events when only a recent window is loaded, and skips commands before it', () => {
    const rows = timelineRows(commands, [5, 6, 7], 4, 0)
    expect(rows[0]).toEqual({ kind: 'earlier', count: 4 })
    expect(rows.slice(1).map((r) => r.kind)).toEqual(['command', 'event', 'event', 'command', 'event'])
  })

  it('finds the row of an event by seq', () => {
    const rows = timelineRows(commands, [1, 2, 3, 4, 5, 6, 7], 0, 0)
    for (const seq of [1, 3, 4, 6, 7]) {
      const i = rowOfSeq(rows, seq)
      expect(rows[i]).toEqual({ kind: 'event', seq })
    }
    expect(rowOfSeq(rows, 99)).toBe(-1)
  })

  it('lays out tens of thousands of rows and finds the ones in view', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => cmd(i, i * 4 + 1, i * 4 + 4))
    const visible = Array.from({ length: 40_000 }, (_, i) => i + 1)
    const rows = timelineRows(many, visible, 0, 0)
    const offsets = rowOffsets(rows)
    expect(rows).toHaveLength(50_000)
    expect(offsets[rows.length]).toBe(10_000 * ROW_HEIGHT.command + 40_000 * ROW_HEIGHT.event)
    const top = offsets[25_000]
    const [first, last] = visibleRange(offsets, top, 400, 0)
    expect(first).toBe(25_000)
    expect(offsets[last - 1]).toBeLessThan(top + 400)
    expect(offsets[last]).toBeGreaterThanOrEqual(top + 400)
    expect(visibleRange([0], 0, 100)).toEqual([0, 0])
  })
})
