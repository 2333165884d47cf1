// A lab file the person picked, as the host's `importLab` takes it: a container (what every version since format 2
// saves, desktop and browser alike) goes as base64 of its bytes; a format-1 file (JSON) or a download of the first
// browser builds (base64 text) goes as its text.

import { fromUtf8, toBase64 } from '../../../shared/crypto/bytes'
import { CONTAINER_MAGIC } from '../../../shared/labFile/container'

export async function labFileForImport(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const isContainer = bytes.length >= CONTAINER_MAGIC.length && CONTAINER_MAGIC.every((b, i) => bytes[i] === b)
  return isContainer ? toBase64(bytes) : fromUtf8(bytes)
}
