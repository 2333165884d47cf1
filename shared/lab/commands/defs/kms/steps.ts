// What several KMS commands share: the KMS a command names.

import type { CommandContext } from '../../../context'
import { componentId, type KmsRecord } from '../../../model'

export function requireKms(ctx: CommandContext, name: string): KmsRecord {
  return ctx.tx.require(componentId.kms(name), 'kms', name)
}
