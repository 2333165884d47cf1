// The error a disk left in its lab file (see ./storedBytes.ts) gives when the file changed under the lab. Its own
// module: it tells itself through the narration, which the lab's model (and so StoredBytes) must not depend on.

import { CatalogError } from '../../i18n/catalogError'
import type { MessageId } from '../../i18n/narration'
import type { MessageParam } from '../events'

/**
 * Thrown when bytes left in a lab file no longer match their hashes: the file was changed after it was opened. Told
 * by its catalog message (`labFile.changedSinceOpened` with `detail`), in English in `message`.
 */
export class StoredBytesChanged extends CatalogError {
  override name = 'StoredBytesChanged'

  constructor(detail: Extract<MessageId, `labFile.changed.${string}`>, params: Record<string, MessageParam> = {}) {
    super({ id: 'labFile.changedSinceOpened', params: { detail: { id: detail, params } } })
  }
}
