// Which element shows which token. A stream lands and sends off dozens of tokens a second; giving each new token the
// element of one that has landed (a slot) changes the page only where the two tokens look different, instead of
// removing and building a token's elements every time, which the browser must style and lay out anew.

/** Puts each of `ids` in a slot: where it was, else in the first free slot, else in a new one. Free slots stay. */
export function assignSlots<T extends string | number>(previous: readonly (T | null)[], ids: readonly T[]): (T | null)[] {
  const wanted = new Set<T>(ids)
  const slots: (T | null)[] = previous.map((id) => (id !== null && wanted.has(id) ? id : null))
  const placed = new Set<T | null>(slots)
  let free = 0
  for (const id of ids) {
    if (placed.has(id)) continue
    while (free < slots.length && slots[free] !== null) free++
    if (free === slots.length) slots.push(id)
    else slots[free] = id
    placed.add(id)
  }
  return slots
}
