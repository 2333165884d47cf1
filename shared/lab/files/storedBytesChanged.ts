// The error a disk left in its lab file (see ./storedBytes.ts) gives when the file changed under the lab. Its own
// module: it tells itself through the narration, which the lab's model (and so StoredBytes) must not depend on.

import { formatMessage } from '../../i18n/format'
import type { MessageId } from '../../i18n/narration'
import type { MessageParam, MessageRef } from '../events'

/**
 * Thrown when bytes left in a lab file no longer match their hashes: the file was changed after it was opened. Told
 * by its catalog message (`labFile.changedSinceOpened` with `detail`), in English in `message`.
 */
export class StoredBytesChanged extends Error {
  override name = 'StoredBytesChanged'
  readonly messageRef: MessageRef

  constructor(detail: Extract<MessageId, `labFile.changed.${string}`>, params: Record<string, MessageParam> = {}) {
    const messageRef: MessageRef = { id: 'labFile.changedSinceOpened', params: { detail: { id: detail, params } } }
    super(formatMessage(messageRef, 'en'))
    this.messageRef = messageRef
  }
}
