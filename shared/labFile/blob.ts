// Disk-sized byte strings of a lab file live outside its JSON: the JSON holds a BlobRef (the SHA-256 of each chunk
// and the length), the container holds each distinct chunk once. So a disk that is mostly zeros, a disk that
// several VMs or snapshots share, or the same disk saved again costs its distinct chunks only.

import type { StoredBytes } from '../lab/files/storedBytes'

/** Byte strings at least this long go to the container; shorter ones stay in the JSON as base64. */
export const BLOB_MIN_BYTES = 64 * 1024

/** Disks are cut into chunks of this size (the last one may be shorter); equal chunks are stored once. */
export const CHUNK_BYTES = 1024 * 1024

/** A byte string stored in the container; `chunks` are lowercase hex SHA-256 digests of the raw chunks, in order. */
export class BlobRef {
  constructor(
    readonly chunks: readonly string[],
    readonly length: number
  ) {}
}

/** Hashes byte strings chunk by chunk (SHA-256, CHUNK_BYTES per chunk); the host process supplies it. */
export type ChunkHasher = (bytes: Uint8Array) => readonly string[]

/** Where a BlobRef's bytes come from when a lab is restored from its saved state rather than replayed. */
export interface BlobSource {
  hashChunks: ChunkHasher
  /** Reads, checks and joins the chunks of `ref`. */
  read(ref: BlobRef): Promise<Uint8Array>
  /** Checks every chunk against its hash without keeping it (a replayed lab reads none, yet a damaged file is refused). */
  verify(): Promise<void>
  /**
   * The bytes of `ref` left in the file, read when a command needs them (see StoredBytes); the chunks' places are
   * checked now. Absent where the file is not kept open (then `read` puts every disk in memory).
   */
  stored?(ref: BlobRef): Promise<StoredBytes>
  /** Has `stored` handed out bytes that still read from the file (so it must stay open)? */
  keepsFile(): boolean
}

export const HASH_PATTERN = /^[0-9a-f]{64}$/

/** How many chunks a byte string of `length` bytes has. */
export function chunkCount(length: number): number {
  return Math.ceil(length / CHUNK_BYTES)
}
