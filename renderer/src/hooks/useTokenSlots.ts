// The slots of the tokens now shown (graph/tokens/slots): each token keeps its slot while it is shown, and a new one
// takes the slot of one that has gone, one that looked the same if there is one. The slots are state derived from
// the previous render's, updated while rendering (React's pattern for state that follows props).

import { useState } from 'react'
import { assignSlots, type Slot } from '../graph/tokens/slots'

export function useTokenSlots(ids: readonly number[], look: (seq: number) => string): readonly (number | null)[] {
  const key = ids.join(',')
  const [held, setHeld] = useState<{ key: string; slots: readonly Slot<number>[] }>({ key: '', slots: [] })
  if (held.key === key) return held.slots.map((s) => (s.live ? s.id : null))
  const slots = assignSlots(held.slots, ids, look)
  setHeld({ key, slots })
  return slots.map((s) => (s.live ? s.id : null))
}
