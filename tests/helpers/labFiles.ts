// Lab files in tests: the data a saved file holds (disks read in), and a lab saved to bytes or a path.

import { withDisksRead } from '../../shared/labFile/kflab'
import type { LabFileData } from '../../shared/labFile/schema'
import { readLabBytes, readLabFile } from '../../node/labFile/labFileIo'

/** What the lab file at `path` (or these bytes) holds, disks included, checked as opening checks it. */
export async function savedData(pathOrBytes: string | Uint8Array): Promise<LabFileData> {
  const read = typeof pathOrBytes === 'string' ? await readLabFile(pathOrBytes) : await readLabBytes(pathOrBytes)
  try {
    return await withDisksRead(read.data, read.blobs)
  } finally {
    await read.close()
  }
}
