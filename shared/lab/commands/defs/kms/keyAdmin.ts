// The KMS administrator changes a key's KMIP state (revoke, destroy, activate) on the servers of its provider.

import { activateObject, destroyObject, KmipResultError, Operation, RevocationReasonCode, revokeObject, type KmipManagedObject } from '../../../../kmip'
import { say, type CommandContext } from '../../../context'
import { fault } from '../../../faults'
import type { KmsRecord } from '../../../model'
import { putKmsObject, replicateChanges } from '../../../services/kmsSession'
import { refusalExplanation } from '../../../services/kmsRefusal'
import { kmipStateTerm, resultReasonTerm } from '../../../../i18n/terms'
import type { MessageId } from '../../../../i18n/narration'

/** vCenter tags host keys x-Component "ESXi Server"; every other key it creates is a VM key (KEK). */
export function keyTypeOf(object: KmipManagedObject): 'hostKey' | 'kek' {
  const component = object.attributes['x-Component']
  return component?.type === 'TextString' && component.value === 'ESXi Server' ? 'hostKey' : 'kek'
}

type AdminOperation = 'Revoke' | 'Destroy' | 'Activate'

/** The key as the running servers of its provider hold it (they replicate, so the first one is as good as any). */
function keyHolder(ctx: CommandContext, keyId: string): { kms: KmsRecord; object: KmipManagedObject } {
  const holders = ctx.tx.all('kms').filter((k) => !k.external && ctx.tx.item(k.id, 'persisted.keys', keyId))
  if (!holders.length) throw fault('NotFound', 'fault.kms.keyUnknown', { keyId })
  const running = holders.find((k) => k.running)
  if (!running) throw fault('KmsClusterUnreachable', 'fault.kmsNoneRunning', { provider: holders[0].provider })
  return { kms: running, object: ctx.tx.item(running.id, 'persisted.keys', keyId)! }
}

function transition(ctx: CommandContext, keyId: string, operation: AdminOperation): { kms: KmsRecord; next: KmipManagedObject } {
  const { kms, object } = keyHolder(ctx, keyId)
  const now = ctx.tx.now()
  try {
    const next =
      operation === 'Activate'
        ? activateObject(object, now)
        : operation === 'Destroy'
          ? destroyObject(object, now)
          : revokeObject(object, { reason: RevocationReasonCode.CessationOfOperation, message: 'revoked by the KMS administrator' }, now)
    return { kms, next }
  } catch (e) {
    if (e instanceof KmipResultError)
      throw fault('InvalidState', 'fault.kms.adminRefused', {
        kms: kms.name,
        operation,
        keyId,
        reason: resultReasonTerm(e.reason),
        // the administrator works on the KMS itself: its refusal is the lab's own, explained from the key's state
        explanation: refusalExplanation({ operation: Operation[operation], reason: e.reason, message: e.message, builtin: { object, clientId: object.owner } })
      })
    throw e
  }
}

/** The rules and steps of one administrator operation; the three key commands differ only in these two values. */
export function keyAdmin(operation: AdminOperation, messageId: MessageId) {
  return {
    narration: [messageId, 'fault.kms.keyUnknown', 'fault.kmsNoneRunning', 'fault.kms.adminRefused'] satisfies MessageId[],
    check(ctx: CommandContext, cmd: { keyId: string }) {
      transition(ctx, cmd.keyId, operation)
    },
    async run(ctx: CommandContext, cmd: { keyId: string }) {
      const keyId = cmd.keyId
      const { kms, next } = transition(ctx, keyId, operation)
      putKmsObject(ctx, kms.id, next)
      replicateChanges(ctx, kms.id, [next])
      say(ctx, 'kms.admin', kms.id, kms.id, messageId, { kms: kms.name, keyId, state: kmipStateTerm(next.state) }, {
        keys: [{ keyType: keyTypeOf(next), form: 'id', keyId }]
      })
    }
  }
}
