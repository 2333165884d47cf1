import { describe, expect, it } from 'vitest'
import { lowerBound, partitionPoint } from '../../../renderer/src/reading/sortedSearch'

describe('sorted search', () => {
  it('agrees with a linear scan for every value around a sorted list with gaps and repeats', () => {
    const sorted = [1, 3, 3, 4, 9, 10, 10, 10, 15]
    for (let v = -1; v <= 17; v++) {
      const linear = sorted.findIndex((x) => x >= v)
      expect(lowerBound(sorted, v), `value ${v}`).toBe(linear === -1 ? sorted.length : linear)
    }
    expect(lowerBound([], 5)).toBe(0)
  })

  it('finds where a false-then-true predicate turns, or n when it never does', () => {
    expect(partitionPoint(10, (i) => i >= 7)).toBe(7)
    expect(partitionPoint(10, () => true)).toBe(0)
    expect(partitionPoint(10, () => false)).toBe(10)
    expect(partitionPoint(0, () => true)).toBe(0)
  })
})
