import { describe, expect, it } from 'vitest'
import { assignSlots, type Slot } from '../../../../renderer/src/graph/tokens/slots'

const live = (...ids: number[]): Slot<number>[] => ids.map((id) => ({ id, live: true }))
const shown = (slots: Slot<number>[]) => slots.map((s) => (s.live ? s.id : null))

describe('token slots (an element for each token, handed on when a token has gone)', () => {
  it('keeps every token in its slot while it is shown', () => {
    expect(shown(assignSlots(live(1, 2, 3), [3, 1, 2]))).toEqual([1, 2, 3])
  })

  it('gives a new token the first slot a token has left, and keeps free slots with their last face', () => {
    const freed = assignSlots(live(1, 2, 3), [2, 3])
    expect(freed).toEqual([{ id: 1, live: false }, ...live(2, 3)])
    expect(shown(assignSlots(freed, [2, 3, 4]))).toEqual([4, 2, 3])
  })

  it('prefers a free slot whose last token looked the same, so nothing in it has to change', () => {
    const look = (id: number) => (id % 2 ? 'kek' : 'dek')
    const freed = assignSlots(live(1, 2, 3, 4), [], look)
    expect(shown(assignSlots(freed, [6, 7], look))).toEqual([7, 6, null, null])
  })

  it('adds slots only when every slot is taken', () => {
    expect(shown(assignSlots([], [7, 8]))).toEqual([7, 8])
    expect(shown(assignSlots(live(7, 8), [8, 9, 10]))).toEqual([9, 8, 10])
  })

  it('follows a stream without growing: as many slots as tokens shown at once', () => {
    let slots: Slot<number>[] = []
    for (let first = 1; first <= 500; first++) slots = assignSlots(slots, Array.from({ length: 50 }, (_, i) => first + i), (id) => String(id % 3))
    expect(slots).toHaveLength(50)
    expect(new Set(shown(slots)).size).toBe(50)
  })
})
