// A small file the person picked, as the host takes it in one call: base64 of its exact bytes. One way for the
// browser and the desktop app, since both read a picked file in the window: a key provider's backup goes into
// provider.restore's `file`. (A lab file may be gigabytes: it goes in parts, see ./sendLabFile.ts.)

import { toBase64 } from '../../../shared/crypto/bytes'

export async function pickedFileBase64(file: Blob): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()))
}
