// The container's codec on Node: SHA-256 from node:crypto (SHA-NI where the CPU has it) on worker threads for disk
// chunks (./hashPool.ts), raw deflate at level 1 from node:zlib (disks are mostly zeros or ciphertext: a fast level
// catches the zeros; ciphertext is recognised by a sample and left alone, see shared/labFile/container.ts).

import { createHash } from 'node:crypto'
import { setImmediate } from 'node:timers/promises'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { CHUNK_BYTES } from '../../shared/labFile/blob'
import type { ContainerCodec } from '../../shared/labFile/container'
import { hashChunkLater, hashInline, leaseChunk } from './hashPool'

export function hashChunks(bytes: Uint8Array): string[] {
  const out: string[] = []
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) out.push(hashInline(bytes.subarray(at, Math.min(bytes.length, at + CHUNK_BYTES))))
  return out
}

export const nodeContainerCodec: ContainerCodec = {
  sha256() {
    const h = createHash('sha256')
    return { update: (b) => void h.update(b), digest: () => h.digest() }
  },
  hashChunk: hashChunkLater,
  hashChunks,
  leaseChunk,
  deflate: (bytes) => deflateRawSync(bytes, { level: 1 }),
  // maxOutputLength: a crafted chunk cannot inflate beyond the length its index gives.
  inflate: (bytes, rawLength) => inflateRawSync(bytes, { maxOutputLength: Math.max(1, rawLength) }),
  // Between chunks, let the event loop run (timers, IPC): a save in the desktop's main process never blocks long.
  pause: () => setImmediate()
}
