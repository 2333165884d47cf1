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

/** Where a container's index starts: the end of its chunks. */
export function indexOffset(bytes: Uint8Array): number {
  // The trailer: 'E', the index's offset (u64), the checksum (32 bytes), "KFLABIDX".
  return Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(bytes.length - 48))
}

/** Where each chunk of a container is: [offset, storedLength, rawLength, encoding] by hash, read from its index. */
export function chunkIndex(bytes: Uint8Array): [string, number[]][] {
  const start = indexOffset(bytes)
  const text = Buffer.from(bytes).toString('latin1')
  const end = text.indexOf(',"lab":', start)
  return Object.entries(JSON.parse(text.slice(start, end) + '}').chunks as Record<string, number[]>)
}
