// The lab file as the host writes it, fetched in parts (exportLabBegin, exportLabPart…, exportLabFinish): a lab of
// any size comes back in replies of the usual size, a few at a time, and is put together as a Blob (which the
// browser may keep on disk), never as one huge message or string.

import type { LabApi } from '../../../shared/api/contract'
import { fromBase64 } from '../../../shared/crypto/bytes'
import { LabFileError } from '../../../shared/labFile/labFileError'
import { PARTS_IN_FLIGHT } from './sendLabFile'

export type ExportCalls = Pick<LabApi, 'exportLabBegin' | 'exportLabPart' | 'exportLabFinish'>

/** The lab file now open on the host; the host's copy is dropped afterwards, whether the download worked or not. */
export async function receiveLabFile(api: ExportCalls): Promise<Blob> {
  const { exportId, bytes, partBytes } = await api.exportLabBegin()
  try {
    const count = Math.ceil(bytes / partBytes)
    const parts: Blob[] = []
    let next = 0
    const receiver = async () => {
      for (let index = next++; index < count; index = next++) {
        const part = fromBase64(await api.exportLabPart(exportId, index))
        const want = index === count - 1 ? bytes - index * partBytes : partBytes
        if (part.length !== want) throw new LabFileError('labFile.download.badPart', { index, bytes: part.length, want })
        parts[index] = new Blob([part.buffer as ArrayBuffer])
      }
    }
    await Promise.all(Array.from({ length: Math.min(PARTS_IN_FLIGHT, count) }, receiver))
    return new Blob(parts, { type: 'application/octet-stream' })
  } finally {
    await api.exportLabFinish(exportId).catch(() => undefined)
  }
}
