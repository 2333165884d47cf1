// The lab's state names and KMIP reasons as sentences' parts: each is a sentence of the narration, so a sentence in
// German names a state in German (with the vSphere or KMIP name in parentheses where a reader meets it in the
// product), and the window's badges use the same words.

import { RESULT_REASON, STATE } from '../kmip'
import type { MessageRef } from '../lab/events'
import type { HostCryptoState } from '../lab/model'
import type { MessageId } from './narration'
import { isMessageId } from './format'

const term = (id: MessageId, params: MessageRef['params'] = {}): MessageRef => ({ id, params })

/** A host's crypto state (incapable, prepared, safe, pendingIncapable). */
export const hostStateTerm = (state: HostCryptoState): MessageRef => term(`term.hostState.${state}`)

/** A KMIP object state by its code (KMIP 1.1 §3.22); an unknown code keeps its spec form. */
export function kmipStateTerm(code: number): MessageRef {
  const id = `term.kmipState.${STATE.names.get(code)?.replace(/[ -]/g, '')}`
  return isMessageId(id) ? term(id) : term('term.kmipState.unknown', { code })
}

/** A KMIP Result Reason by its code (KMIP 1.1 §9.1.3.2.29). */
export function resultReasonTerm(code: number): MessageRef {
  const id = `term.resultReason.${RESULT_REASON.names.get(code)?.replace(/ /g, '')}`
  return isMessageId(id) ? term(id) : term('term.resultReason.unknown', { code })
}

/** Several reasons in one sentence, joined by semicolons. */
export function reasonList(reasons: MessageRef[]): MessageRef {
  return reasons.slice(1).reduce((a, b) => term('term.list', { a, b }), reasons[0] ?? term('term.none'))
}
