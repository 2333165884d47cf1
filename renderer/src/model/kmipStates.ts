// The names of states on badges and chips — a KMIP object's state (KMIP 1.1 §3.22) and a host's crypto state — in
// the chosen language, from the same catalog entries the narration uses (shared/i18n/terms.ts).

import { formatMessage, type Language } from '../../../shared/i18n/format'
import { hostStateTerm, kmipStateTerm } from '../../../shared/i18n/terms'

export function kmipStateName(state: number | null, lang: Language): string {
  return state === null ? '—' : formatMessage(kmipStateTerm(state), lang)
}

export function hostStateName(state: string, lang: Language): string {
  return formatMessage(hostStateTerm(state), lang)
}
