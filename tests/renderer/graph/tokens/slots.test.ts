import { describe, expect, it } from 'vitest'
import { assignSlots } from '../../../../renderer/src/graph/tokens/slots'

describe('token slots (an element for each token, handed on when a token has gone)', () => {
  it('keeps every token in its slot while it is shown', () => {
    expect(assignSlots([1, 2, 3], [3, 1, 2])).toEqual([1, 2, 3])
  })

  it('gives a new token the first slot a token has left, and keeps free slots for later', () => {
    expect(assignSlots([1, 2, 3], [2, 3])).toEqual([null, 2, 3])
    expect(assignSlots([null, 2, 3], [2, 3, 4])).toEqual([4, 2, 3])
  })

  it('adds slots only when every slot is taken', () => {
    expect(assignSlots([], [7, 8])).toEqual([7, 8])
    expect(assignSlots([7, 8], [8, 9, 10])).toEqual([9, 8, 10])
  })

  it('follows a stream without growing: as many slots as tokens shown at once', () => {
    let slots: (number | null)[] = []
    for (let first = 1; first <= 500; first++) slots = assignSlots(slots, Array.from({ length: 50 }, (_, i) => first + i))
    expect(slots).toHaveLength(50)
    expect(new Set(slots).size).toBe(50)
  })
})
