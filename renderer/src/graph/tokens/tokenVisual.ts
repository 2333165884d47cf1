// What a token shows for an event: its keys (type, form, wrapping key) or, when no key travels, its payload.

import type { EventView } from '../../../../shared/api/contract'
import type { KeyTravel, PayloadTravel } from '../../../../shared/lab/events'

export interface TokenVisual {
  keys: KeyTravel[]
  payload: PayloadTravel | null
  /** The key type that colours the line while the token flies ('neutral' without keys; 'refused' when refused). */
  tone: string
  /** A connection or request the other side refused: marked with a red ✗, as Packet Tracer marks a dropped packet. */
  refused: boolean
  /** A host's purple screen of death: the graph shows the crash on the host. */
  psod: boolean
}

/** The lab's sentences that tell a refused connection or request (shared/i18n/catalog.ts). */
export const REFUSED_MESSAGES: ReadonlySet<string> = new Set(['tls.refused', 'tls.rejectedByVcenter', 'tls.rejectedByKms', 'kmip.res.failed', 'kmip.res.unreadable'])

type Told = Pick<EventView, 'keys' | 'payload' | 'message'>

/** One visual per event, so a token's face re-renders only when its event changes. */
const visuals = new WeakMap<Told, TokenVisual>()

/** At most three keys ride on one token (events carry one or two; more would not be readable). */
export function tokenVisual(e: Told): TokenVisual {
  let v = visuals.get(e)
  if (v) return v
  const keys = e.keys.slice(0, 3)
  const refused = REFUSED_MESSAGES.has(e.message.id)
  v = { keys, payload: keys.length ? null : e.payload, tone: refused ? 'refused' : (keys[0]?.keyType ?? 'neutral'), refused, psod: e.message.id === 'host.psod' }
  visuals.set(e, v)
  return v
}

const looks = new WeakMap<TokenVisual, string>()

/** What a token looks like, as a string: two tokens with the same look draw the same elements. */
export function lookOf(v: TokenVisual): string {
  const known = looks.get(v)
  if (known !== undefined) return known
  const keys = v.keys.map((k) => `${k.keyType}.${k.form}.${k.wrappedBy ?? ''}`).join('+')
  const look = `${v.tone}|${keys}|${v.payload ? `${v.payload.kind}.${v.payload.encrypted ? 1 : 0}` : ''}|${v.refused ? 1 : 0}`
  looks.set(v, look)
  return look
}
