// The slots of the tokens now shown (graph/tokens/slots): each token keeps its slot while it is shown, and a new one
// takes the slot of one that has gone. The slots are state derived from the previous render's, updated while
// rendering (React's pattern for state that follows props).

import { useState } from 'react'
import { assignSlots } from '../graph/tokens/slots'

export function useTokenSlots(ids: readonly number[]): readonly (number | null)[] {
  const key = ids.join(',')
  const [held, setHeld] = useState<{ key: string; slots: readonly (number | null)[] }>({ key: '', slots: [] })
  if (held.key === key) return held.slots
  const slots = assignSlots(held.slots, ids)
  setHeld({ key, slots })
  return slots
}
