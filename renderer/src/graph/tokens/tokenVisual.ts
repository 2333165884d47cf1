// What a token shows for an event: its keys (type, form, wrapping key) or, when no key travels, its payload.

import type { EventView } from '../../../../shared/api/contract'
import type { KeyTravel, PayloadTravel } from '../../../../shared/lab/events'

export interface TokenVisual {
  keys: KeyTravel[]
  payload: PayloadTravel | null
  /** The key type that colours the line while the token flies ('neutral' without keys). */
  tone: string
}

/** At most three keys ride on one token (events carry one or two; more would not be readable). */
export function tokenVisual(e: Pick<EventView, 'keys' | 'payload'>): TokenVisual {
  const keys = e.keys.slice(0, 3)
  return { keys, payload: keys.length ? null : e.payload, tone: keys[0]?.keyType ?? 'neutral' }
}
