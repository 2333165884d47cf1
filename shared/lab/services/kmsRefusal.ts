// Why a KMS refused a KMIP request, told in the reader's language. On the wire a refusal is a Result Reason plus
// a Result Message, the server's own (English) words. The lab's own KMS refuses in a finite set of ways, so its
// refusals are explained from what the lab knows for certain: the reason, the operation and the object as the KMS
// holds it, never by reading the English message. A server outside the lab can say anything: its words are shown
// as its words, quoted.

import { isDestroyed, Operation, ResultReason, RESULT_REASON, State, type KmipManagedObject } from '../../kmip'
import { isMessageId } from '../../i18n/format'
import { kmipStateTerm } from '../../i18n/terms'
import type { MessageRef } from '../events'

export interface KmsRefusal {
  /** KMIP Result Reason code. */
  reason: number
  /** KMIP Operation code of the refused batch item. */
  operation: number
  /** The server's Result Message, as it came over the wire. */
  message: string
  /**
   * Set for the lab's own KMS: the object the request named, as the KMS holds it (null: it holds none with that
   * ID; undefined: the request named no object), and the client the refusal was for.
   */
  builtin?: { object: KmipManagedObject | null | undefined; clientId: string }
}

const ref = (id: MessageRef['id'], params: MessageRef['params'] = {}): MessageRef => ({ id, params })

/** The explanation that follows the reason in a refusal's sentence. */
export function refusalExplanation(refusal: KmsRefusal): MessageRef {
  const known = refusal.builtin ? builtinExplanation(refusal, refusal.builtin) : null
  if (known) return known
  return refusal.message.trim() === '' ? ref('kms.refusal.noMessage') : ref('kms.refusal.quoted', { message: refusal.message })
}

function builtinExplanation(refusal: KmsRefusal, { object, clientId }: NonNullable<KmsRefusal['builtin']>): MessageRef | null {
  switch (refusal.reason) {
    case ResultReason.ItemNotFound:
      if (object === null) return ref('kms.refusal.noObject')
      if (object && isDestroyed(object.state)) return ref('kms.refusal.destroyed')
      break
    case ResultReason.PermissionDenied:
      if (object && object.owner !== clientId) return ref('kms.refusal.otherOwner')
      break
    case ResultReason.IllegalOperation:
      if (object) {
        const stateRefusal = illegalInState(refusal.operation, object.state)
        if (stateRefusal) return stateRefusal
      }
      break
  }
  const id = `kms.refusal.reason.${RESULT_REASON.names.get(refusal.reason)?.replace(/ /g, '')}`
  return isMessageId(id) ? ref(id) : null
}

/** The lifecycle's rules (KMIP 1.1 §3.22), as the lab's KMS applies them in ../../kmip/lifecycle.ts. */
function illegalInState(operation: number, state: number): MessageRef | null {
  const params = { state: kmipStateTerm(state) }
  switch (operation) {
    case Operation.Activate:
      return ref('kms.refusal.activateNotPreActive', params)
    case Operation.Revoke:
      return ref('kms.refusal.revokeNotActive', params)
    case Operation.Destroy:
      if (state === State.Active) return ref('kms.refusal.destroyActive')
      if (isDestroyed(state)) return ref('kms.refusal.alreadyDestroyed')
      return null
    default:
      return null
  }
}
