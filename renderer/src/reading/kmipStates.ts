// The names of states on badges and chips — a KMIP object's state (KMIP 1.1 §3.22) and a host's crypto state — in
// the chosen language, from the same sentences the narration uses (shared/i18n/terms.ts).

import { formatMessage, isMessageId, type Language } from '../../../shared/i18n/format'
import { kmipStateTerm } from '../../../shared/i18n/terms'

export function kmipStateName(state: number | null, lang: Language): string {
  return state === null ? '—' : formatMessage(kmipStateTerm(state), lang)
}

/** A host's crypto state by name; a name the narration does not know (a view from another version) shows as it is. */
export function hostStateName(state: string, lang: Language): string {
  const id = `term.hostState.${state}`
  return isMessageId(id) ? formatMessage({ id, params: {} }, lang) : state
}
