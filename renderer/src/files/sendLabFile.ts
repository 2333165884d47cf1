// A lab file the person picked, sent to the host in parts (importLabBegin, importLabPart…, importLabFinish): a file of
// any size travels in calls of the usual size, a few at a time, and only the part being sent is in memory. The host
// tells a container from a format-1 JSON file by its first bytes, so the window does not need to know.

import type { LabApi, LabFileInfo } from '../../../shared/api/contract'
import { toBase64 } from '../../../shared/crypto/bytes'
import { LabFileError } from '../../../shared/labFile/labFileError'

/** Parts sent before the first is answered: the host runs at most four calls of a connection at once. */
export const PARTS_IN_FLIGHT = 3

export type ImportCalls = Pick<LabApi, 'importLabBegin' | 'importLabPart' | 'importLabFinish' | 'importLabCancel'>

/**
 * The browser's own base64 (FileReader's data URL) is encoded natively, off the page's thread: a few times faster
 * than encoding in script, which matters for a file of thousands of parts. Without a FileReader (tests in Node), in
 * script.
 */
async function base64Of(part: Blob): Promise<string> {
  if (typeof FileReader === 'undefined') return toBase64(new Uint8Array(await part.arrayBuffer()))
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as string)
    reader.onerror = () => reject(new LabFileError('labFile.import.unreadable', {}, { cause: reader.error }))
    reader.readAsDataURL(part)
  })
  return url.slice(url.indexOf(',') + 1)
}

/** Sends `file` and has the host open it; on any failure the host drops what it got, and the open lab stays. */
export async function sendLabFile(api: ImportCalls, file: Blob): Promise<LabFileInfo> {
  const { importId, partBytes } = await api.importLabBegin({ bytes: file.size })
  try {
    const parts = Math.ceil(file.size / partBytes)
    let next = 0
    const sender = async () => {
      for (let index = next++; index < parts; index = next++) {
        await api.importLabPart(importId, index, await base64Of(file.slice(index * partBytes, (index + 1) * partBytes)))
      }
    }
    await Promise.all(Array.from({ length: Math.min(PARTS_IN_FLIGHT, parts) }, sender))
  } catch (e) {
    await api.importLabCancel(importId).catch(() => undefined)
    throw e
  }
  return api.importLabFinish(importId)
}
