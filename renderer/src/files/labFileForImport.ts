// A lab file the person picked, as the host's `importLab` takes it: base64 of its exact bytes. The host tells a
// container from a format-1 JSON file by its first bytes (readLabBytes), so the window does not need to know.

import { toBase64 } from '../../../shared/crypto/bytes'

export async function labFileForImport(file: Blob): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()))
}
