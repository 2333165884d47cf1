// Which element shows which token. A stream lands and sends off dozens of tokens a second; giving each new token the
// element of one that has gone (a slot) changes the page only where the two tokens look different, instead of
// removing and building a token's elements every time, which the browser must style and lay out anew. A free slot
// keeps the face of its last token, so a new token goes first to a free slot that already looks like it.

export interface Slot<T> {
  /** The token shown, or the last one shown when the slot is free. */
  id: T
  live: boolean
}

/**
 * Puts each of `ids` in a slot: where it is, else in a free slot with the same look, else in the first free slot,
 * else in a new one. Free slots stay for later tokens.
 */
export function assignSlots<T>(previous: readonly Slot<T>[], ids: readonly T[], look: (id: T) => string = () => ''): Slot<T>[] {
  const faces = new Map<T, string>()
  const faceOf = (id: T) => {
    let f = faces.get(id)
    if (f === undefined) faces.set(id, (f = look(id)))
    return f
  }
  const wanted = new Set<T>(ids)
  const slots = previous.map((s) => ({ id: s.id, live: s.live && wanted.has(s.id) }))
  const placed = new Set<T>(slots.filter((s) => s.live).map((s) => s.id))
  for (const id of ids) {
    if (placed.has(id)) continue
    const face = faceOf(id)
    let at = slots.findIndex((s) => !s.live && faceOf(s.id) === face)
    if (at < 0) at = slots.findIndex((s) => !s.live)
    if (at < 0) slots.push({ id, live: true })
    else slots[at] = { id, live: true }
    placed.add(id)
  }
  return slots
}
