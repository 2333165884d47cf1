// The error a lab file's problems are told by (a damaged or foreign file, one that cannot be read or written, a
// transfer that broke off): a catalog message, so the window says it in the user's language and the command line and
// the logs in English. Its own module: the window builds these too (a download part that arrived damaged).

import { CatalogError } from '../i18n/catalogError'
import type { MessageId } from '../i18n/narration'
import type { MessageParam } from '../lab/events'

/** The catalog messages a lab file's problems are told in (shared/i18n/narration.ts, `labFile.*`). */
export type LabFileMessageId = Extract<MessageId, `labFile.${string}`>
/** What a damaged file's `labFile.damaged` says is wrong. */
export type LabFileDamage = Extract<MessageId, `labFile.damage.${string}`>

/**
 * A lab file that cannot be opened, saved or sent, told by its catalog message: the window says it in the user's
 * language (`messageRef`), the command line and the logs in English (`message`, the catalog's English).
 */
export class LabFileError extends CatalogError {
  override name = 'LabFileError'

  constructor(id: LabFileMessageId, params: Record<string, MessageParam> = {}, options?: ErrorOptions) {
    super({ id, params }, options)
  }
}

/** A damaged lab file: `detail` says where. */
export function damagedError(detail: LabFileDamage, params: Record<string, MessageParam> = {}): LabFileError {
  return new LabFileError('labFile.damaged', { detail: { id: detail, params } })
}
