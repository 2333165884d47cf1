// The .kflab container (format 2 and later): disk images once, outside the JSON, streamed in and out in chunks, with
// a checksum over the whole file. Layout (integers big-endian):
//
//   header   "\x89KFLAB\r\n\x1a\n" (10 bytes, catches text-mode mangling like PNG's) · version u32
//   chunks   'C' · SHA-256 of the raw chunk (32) · encoding u8 (0 stored, 1 deflate) · raw length u32 ·
//            stored length u32 · stored bytes                       — one per distinct chunk, in any order
//   index    UTF-8 JSON {"chunks": {hash: [offset, storedLength, rawLength, encoding]}, "lab": <lab document>}
//   trailer  'E' · index offset u64 · SHA-256 of every byte before this digest (32) · "KFLABEND" (8)
//
// Writing needs one chunk in memory at a time; reading checks the digest first (so a damaged file is refused
// before anything is built), then reads a chunk only when a lab is restored rather than replayed. The codec
// (SHA-256, deflate) and the file access come from the host process.

import { fromUtf8, toHex, utf8 } from '../crypto/bytes'
import { BLOB_MIN_BYTES, BlobRef, CHUNK_BYTES, HASH_PATTERN, type BlobSource, type ChunkHasher } from './blob'
import { jsonReplacer, LabFileError, newerVersionError, parseLabDocument } from './kflab'
import { KFLAB_VERSION, type LabFileData } from './schema'

export const CONTAINER_MAGIC = Uint8Array.of(0x89, 0x4b, 0x46, 0x4c, 0x41, 0x42, 0x0d, 0x0a, 0x1a, 0x0a)
const END_MAGIC = utf8('KFLABEND')
const HEADER_BYTES = CONTAINER_MAGIC.length + 4
const CHUNK_HEADER_BYTES = 1 + 32 + 1 + 4 + 4
const DIGEST_BYTES = 32
const TRAILER_BYTES = 1 + 8 + DIGEST_BYTES + END_MAGIC.length
const STORED = 0
const DEFLATE = 1
/** A chunk is compressed only if a sample of it shrinks below this share: encrypted disks are left as they are. */
const WORTH_COMPRESSING = 0.9
const SAMPLE_BYTES = 16 * 1024
/** Commands per piece of the index JSON, so no single step of a save takes long. */
const COMMANDS_PER_PIECE = 2000
const READ_PIECE_BYTES = 8 * 1024 * 1024

export interface Sha256 {
  update(bytes: Uint8Array): void
  digest(): Uint8Array
}

export interface ContainerCodec {
  sha256(): Sha256
  /** Lowercase hex SHA-256 of one chunk. */
  hashChunk(chunk: Uint8Array): string
  hashChunks: ChunkHasher
  deflate(bytes: Uint8Array): Uint8Array
  inflate(bytes: Uint8Array, rawLength: number): Uint8Array
  /** Called between chunks: a host that must stay responsive yields to its event loop here. */
  pause?(): Promise<void>
}

export interface ByteSink {
  write(bytes: Uint8Array): Promise<void>
}

export interface ByteSource {
  readonly size: number
  read(offset: number, length: number): Promise<Uint8Array>
  /**
   * Reads `target.length` bytes at `offset` into `target`. Reading into memory already in use (one buffer for the
   * checksum pass, the disk's own array for its chunks) matters: touching fresh memory costs a page fault per 4 KiB.
   */
  readInto(offset: number, target: Uint8Array): Promise<void>
}

/** Does a file starting with `head` look like a container (rather than a format-1 JSON file)? */
export function isContainer(head: Uint8Array): boolean {
  return head.length >= CONTAINER_MAGIC.length && CONTAINER_MAGIC.every((b, i) => head[i] === b)
}

// Disks never change in place (a write makes a new array), so their chunk hashes are remembered per array: saving
// the same lab again (autosave) hashes only what changed.
const hashCache = new WeakMap<Uint8Array, readonly string[]>()

export function cachedChunkHashes(bytes: Uint8Array, hashChunks: ChunkHasher): readonly string[] {
  let hashes = hashCache.get(bytes)
  if (!hashes) hashCache.set(bytes, (hashes = hashChunks(bytes)))
  return hashes
}

function diskSized(value: unknown, found: Set<Uint8Array>): void {
  if (value instanceof Uint8Array) {
    if (value.length >= BLOB_MIN_BYTES) found.add(value)
    return
  }
  if (value === null || typeof value !== 'object') return
  for (const v of Array.isArray(value) ? value : Object.values(value)) diskSized(v, found)
}

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4)
  new DataView(b.buffer).setUint32(0, n)
  return b
}

function u64(n: number): Uint8Array {
  const b = new Uint8Array(8)
  new DataView(b.buffer).setBigUint64(0, BigInt(n))
  return b
}

type IndexEntry = [offset: number, storedLength: number, rawLength: number, encoding: number]

function encodeChunk(chunk: Uint8Array, codec: ContainerCodec): { encoding: number; stored: Uint8Array } {
  const sample = chunk.subarray(0, SAMPLE_BYTES)
  if (codec.deflate(sample).length < sample.length * WORTH_COMPRESSING) {
    const packed = codec.deflate(chunk)
    if (packed.length < chunk.length) return { encoding: DEFLATE, stored: packed }
  }
  return { encoding: STORED, stored: chunk }
}

/** The lab document's JSON in pieces (header fields, batches of commands, one component each). */
function* documentPieces(data: LabFileData, replacer: ReturnType<typeof jsonReplacer>): Generator<string> {
  const { commands, entities, ...head } = data
  yield JSON.stringify(head, replacer).slice(0, -1) + ',"commands":['
  for (let i = 0; i < commands.length; i += COMMANDS_PER_PIECE)
    yield (i ? ',' : '') + commands
      .slice(i, i + COMMANDS_PER_PIECE)
      .map((c) => JSON.stringify(c, replacer))
      .join(',')
  yield '],"entities":{'
  let first = true
  for (const [id, e] of Object.entries(entities)) {
    yield (first ? '' : ',') + JSON.stringify(id) + ':' + JSON.stringify(e, replacer)
    first = false
  }
  yield '}}'
}

/** Writes `data` as a container to `sink`, one chunk in memory at a time. */
export async function writeLabContainer(data: LabFileData, sink: ByteSink, codec: ContainerCodec): Promise<void> {
  const digest = codec.sha256()
  let offset = 0
  const put = async (bytes: Uint8Array, hashed = true) => {
    if (hashed) digest.update(bytes)
    offset += bytes.length
    await sink.write(bytes)
  }
  await put(CONTAINER_MAGIC)
  await put(u32(KFLAB_VERSION))

  const disks = new Set<Uint8Array>()
  diskSized(data.entities, disks)
  const index = new Map<string, IndexEntry>()
  const refs = new Map<Uint8Array, BlobRef>()
  for (const disk of disks) {
    const known = hashCache.get(disk)
    const hashes: string[] = []
    for (let i = 0; i * CHUNK_BYTES < disk.length; i++) {
      const raw = disk.subarray(i * CHUNK_BYTES, Math.min(disk.length, (i + 1) * CHUNK_BYTES))
      const hash = known?.[i] ?? codec.hashChunk(raw)
      hashes.push(hash)
      if (index.has(hash)) {
        if (!known) await codec.pause?.()
        continue
      }
      const { encoding, stored } = encodeChunk(raw, codec)
      const head = new Uint8Array(CHUNK_HEADER_BYTES)
      const view = new DataView(head.buffer)
      head[0] = 0x43 // 'C'
      head.set(hexBytes(hash), 1)
      head[33] = encoding
      view.setUint32(34, raw.length)
      view.setUint32(38, stored.length)
      index.set(hash, [offset + CHUNK_HEADER_BYTES, stored.length, raw.length, encoding])
      await put(head)
      await put(stored)
      await codec.pause?.()
    }
    if (!known) hashCache.set(disk, hashes)
    refs.set(disk, new BlobRef(hashes, disk.length))
  }

  const indexOffset = offset
  const replacer = jsonReplacer((bytes) => refs.get(bytes))
  await put(utf8('{"chunks":' + JSON.stringify(Object.fromEntries(index)) + ',"lab":'))
  for (const piece of documentPieces(data, replacer)) {
    await put(utf8(piece))
    await codec.pause?.()
  }
  await put(utf8('}'))
  await put(Uint8Array.of(0x45)) // 'E'
  await put(u64(indexOffset))
  await put(digest.digest(), false)
  await put(END_MAGIC, false)
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

const damaged = (what: string) => new LabFileError(`the lab file is damaged: ${what}`)

/**
 * Reads a container: checks its framing and its checksum over every byte, then its index and lab document. Blobs
 * are read later, and only if the lab is restored from its saved state.
 */
export async function readLabContainer(source: ByteSource, codec: ContainerCodec): Promise<{ data: LabFileData; blobs: BlobSource }> {
  if (source.size < HEADER_BYTES) throw damaged('it ends before its header')
  const head = await source.read(0, HEADER_BYTES)
  if (!isContainer(head)) throw new LabFileError('this is not a KeyFlow Lab file')
  const version = new DataView(head.buffer, head.byteOffset).getUint32(CONTAINER_MAGIC.length)
  if (version > KFLAB_VERSION) throw newerVersionError(version)
  if (version < 2) throw damaged(`a container cannot have version ${version}`)
  if (source.size < HEADER_BYTES + TRAILER_BYTES) throw damaged('it is cut short (no end marker): it was not written completely')
  const trailer = await source.read(source.size - TRAILER_BYTES, TRAILER_BYTES)
  if (trailer[0] !== 0x45 || !END_MAGIC.every((b, i) => trailer[TRAILER_BYTES - END_MAGIC.length + i] === b))
    throw damaged('it is cut short or altered at its end (no end marker)')

  const digest = codec.sha256()
  const digestAt = source.size - END_MAGIC.length - DIGEST_BYTES
  const piece = new Uint8Array(Math.min(READ_PIECE_BYTES, digestAt))
  for (let at = 0; at < digestAt; at += READ_PIECE_BYTES) {
    const part = piece.subarray(0, Math.min(READ_PIECE_BYTES, digestAt - at))
    await source.readInto(at, part)
    digest.update(part)
    await codec.pause?.()
  }
  const expected = trailer.subarray(1 + 8, 1 + 8 + DIGEST_BYTES)
  if (toHex(digest.digest()) !== toHex(expected)) throw damaged('its checksum does not match (the file was changed or corrupted after it was saved)')

  const indexOffset = Number(new DataView(trailer.buffer, trailer.byteOffset).getBigUint64(1))
  const indexEnd = source.size - TRAILER_BYTES
  if (indexOffset < HEADER_BYTES || indexOffset > indexEnd) throw damaged('its index is out of place')
  let manifest: { chunks?: unknown; lab?: unknown }
  const indexText = fromUtf8(await source.read(indexOffset, indexEnd - indexOffset))
  const labStart = indexText.indexOf(',"lab":')
  if (labStart < 0 || !indexText.endsWith('}')) throw damaged('its index is not JSON')
  try {
    manifest = JSON.parse(indexText.slice(0, labStart) + '}') as typeof manifest
  } catch {
    throw damaged('its index is not JSON')
  }
  const index = checkedIndex(manifest.chunks, indexOffset)
  const data = parseLabDocument(indexText.slice(labStart + ',"lab":'.length, -1), version)

  const blobs: BlobSource = {
    // Remembered: the replayed disks compared here are hashed once, and the next save of the lab reuses it.
    hashChunks: (bytes) => cachedChunkHashes(bytes, codec.hashChunks),
    async read(ref) {
      const out = new Uint8Array(ref.length)
      let at = 0
      for (const hash of ref.chunks) {
        const entry = index.get(hash)
        if (!entry) throw damaged(`disk chunk ${hash.slice(0, 12)}… is missing`)
        const [offset, storedLength, rawLength, encoding] = entry
        if (at + rawLength > out.length) throw damaged(`disk chunk ${hash.slice(0, 12)}… does not match its hash`)
        let raw: Uint8Array
        if (encoding === DEFLATE) {
          try {
            raw = codec.inflate(await source.read(offset, storedLength), rawLength)
          } catch {
            throw damaged(`disk chunk ${hash.slice(0, 12)}… does not decompress`)
          }
          if (raw.length === rawLength) out.set(raw, at)
        } else {
          // Stored: straight into its place in the disk (checked there; a damaged disk is thrown away whole).
          if (storedLength !== rawLength) throw damaged(`disk chunk ${hash.slice(0, 12)}… does not match its hash`)
          raw = out.subarray(at, at + rawLength)
          await source.readInto(offset, raw)
        }
        if (raw.length !== rawLength || codec.hashChunk(out.subarray(at, at + rawLength)) !== hash)
          throw damaged(`disk chunk ${hash.slice(0, 12)}… does not match its hash`)
        at += rawLength
        await codec.pause?.()
      }
      if (at !== ref.length) throw damaged('a disk is shorter than its length says')
      return out
    }
  }
  return { data, blobs }
}

function checkedIndex(chunks: unknown, indexOffset: number): Map<string, IndexEntry> {
  if (!chunks || typeof chunks !== 'object' || Array.isArray(chunks)) throw damaged('its chunk index is malformed')
  const index = new Map<string, IndexEntry>()
  for (const [hash, entry] of Object.entries(chunks)) {
    const ok =
      HASH_PATTERN.test(hash) &&
      Array.isArray(entry) &&
      entry.length === 4 &&
      entry.every((n) => Number.isSafeInteger(n) && n >= 0) &&
      entry[0] >= HEADER_BYTES + CHUNK_HEADER_BYTES &&
      entry[0] + entry[1] <= indexOffset &&
      entry[2] <= CHUNK_BYTES &&
      (entry[3] === STORED || entry[3] === DEFLATE)
    if (!ok) throw damaged(`its chunk index entry ${hash.slice(0, 12)} is malformed`)
    index.set(hash, entry as IndexEntry)
  }
  return index
}
