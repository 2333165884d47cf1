// A file the person picked, as the host takes it: base64 of its exact bytes. One way for the browser and the desktop
// app, since both read a picked file in the window. A lab file goes to `importLab` (the host tells a container from
// a format-1 JSON file by its first bytes, readLabBytes); a key provider's backup goes into provider.restore's `file`.

import { toBase64 } from '../../../shared/crypto/bytes'

export async function pickedFileBase64(file: Blob): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()))
}
