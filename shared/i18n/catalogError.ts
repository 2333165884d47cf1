// An error told by a catalog message: the window says it in the user's language (`messageRef`, read by
// messageRefOf), the command line and the logs in English (`message`, the catalog's English). One place builds both,
// so the two cannot drift.

import { formatMessage } from './format'
import type { MessageRef } from '../lab/events'

export class CatalogError extends Error {
  readonly messageRef: MessageRef

  constructor(messageRef: MessageRef, options?: ErrorOptions) {
    super(formatMessage(messageRef, 'en'), options)
    this.messageRef = messageRef
  }
}
