// The .kflab container (format 2 and later): disk images once, outside the JSON, streamed in and out in chunks, with
// a checksum over the file. Layout (integers big-endian):
//
//   header   "\x89KFLAB\r\n\x1a\n" (10 bytes, catches text-mode mangling like PNG's) · version u32
//   chunks   'C' · SHA-256 of the raw chunk (32) · encoding u8 (0 stored, 1 deflate) · raw length u32 ·
//            stored length u32 · stored bytes                       — one per distinct chunk, in any order
//   index    UTF-8 JSON {"chunks": {hash: [offset, storedLength, rawLength, encoding]}, "lab": <lab document>}
//   trailer  'E' · index offset u64 · SHA-256 (32) · "KFLABIDX" (8)
//
// The trailer's SHA-256 covers the header, the index and the trailer up to itself. The chunks need no second hash:
// each is named by the SHA-256 of its bytes, and the index (so every name) is under the checksum; a chunk is
// checked against its name, and its header against the index, whenever it is read. So every byte of the file is
// covered while a save or an open hashes each disk byte once. (Files written before this end in "KFLABEND" instead:
// their SHA-256 covers every byte before it; they are still read.)
//
// Writing needs a few chunks in memory at a time; reading checks the index first (so a damaged file is refused
// before anything is built), then each chunk when it is read: a restored lab leaves its disks in the file and reads
// a chunk when a command needs it (see ContainerBytes), or reads them all where the file cannot stay open; a
// replayed lab checks every chunk once. A save can start from a copy of a file that holds most of the lab's disks
// (ContainerBase: the file they were opened from, or one saved before) and write only the chunks it lacks. The codec
// (SHA-256, which the host may run on other threads, and deflate) and the file access come from the host process.

import { fromUtf8, utf8 } from '../crypto/bytes'
import { BLOB_MIN_BYTES, BlobRef, CHUNK_BYTES, HASH_PATTERN, type BlobSource, type ChunkHasher } from './blob'
import { bytesOf, StoredBytes, type FileBytes } from '../lab/files/storedBytes'
import { StoredBytesChanged } from '../lab/files/storedBytesChanged'
import { jsonReplacer, newerVersionError, parseLabDocument } from './kflab'
import { damagedError as damaged, LabFileError } from './labFileError'
import { KFLAB_VERSION, type LabFileData } from './schema'

export const CONTAINER_MAGIC = Uint8Array.of(0x89, 0x4b, 0x46, 0x4c, 0x41, 0x42, 0x0d, 0x0a, 0x1a, 0x0a)
/** The end of a file whose checksum covers its header and index (its chunks are checked by their own hashes). */
const END_MAGIC = utf8('KFLABIDX')
/** The end of a file written before that, whose checksum covers every byte before it. */
const WHOLE_FILE_END_MAGIC = utf8('KFLABEND')
const HEADER_BYTES = CONTAINER_MAGIC.length + 4
const CHUNK_HEADER_BYTES = 1 + 32 + 1 + 4 + 4
const DIGEST_BYTES = 32
const TRAILER_BYTES = 1 + 8 + DIGEST_BYTES + END_MAGIC.length
const STORED = 0
const DEFLATE = 1
/** A chunk that deflates to more than this share of its size is stored as it is. */
const WORTH_COMPRESSING = 0.9
/**
 * Whether a chunk is worth deflating at all is judged from a byte histogram of a few spread-out samples: 4 KiB of
 * ciphertext (an encrypted disk) shows about 7.95 bits of entropy a byte, zeros and text far less. That costs
 * microseconds, where deflating a sample took a millisecond a chunk.
 */
const ENTROPY_SAMPLES = 4
const ENTROPY_SAMPLE_BYTES = 1024
const COMPRESSIBLE_BELOW_BITS = 7.5
/** Chunks being hashed (by the codec, possibly on other threads) while earlier ones are written or read. */
const HASH_AHEAD = 8
/** Commands per piece of the index JSON, so no single step of a save takes long. */
const COMMANDS_PER_PIECE = 2000
const INDEX_ENTRIES_PER_PIECE = 512
/**
 * Chunks taken as they are (already in the base file, or written before) between pauses: their hashes are known,
 * so the loop over them does no I/O and would otherwise hold the event loop for all of them (5,120 chunks of 20
 * disks of 256 MiB took about 50 ms).
 */
const KEPT_CHUNKS_PER_PAUSE = 512
const READ_PIECE_BYTES = 8 * 1024 * 1024

export interface Sha256 {
  update(bytes: Uint8Array): void
  digest(): Uint8Array
}

export interface ContainerCodec {
  sha256(): Sha256
  /** Lowercase hex SHA-256 of one chunk; `chunk` does not change until the hash is given. */
  hashChunk(chunk: Uint8Array): Promise<string>
  hashChunks: ChunkHasher
  deflate(bytes: Uint8Array): Uint8Array
  inflate(bytes: Uint8Array, rawLength: number): Uint8Array
  /**
   * Memory to read a stored chunk into, hashed (possibly on another thread) while the caller copies it into its
   * disk. Without it, a chunk is read straight into its disk and hashed there.
   */
  leaseChunk?(length: number): Promise<ChunkLease>
  /** Called between steps that do no I/O: a host that must stay responsive yields to its event loop here. */
  pause?(): Promise<void>
}

/** A buffer lent by the codec: fill `bytes`, start `hash()` (once), and `release()` it when done with it. */
export interface ChunkLease {
  readonly bytes: Uint8Array
  hash(): Promise<string>
  release(): void
}

export interface ByteSink {
  /** Writes `parts` one after the other (a chunk's header and bytes go in one call). */
  write(...parts: Uint8Array[]): Promise<void>
}

export interface ByteSource {
  readonly size: number
  read(offset: number, length: number): Promise<Uint8Array>
  /**
   * Reads `target.length` bytes at `offset` into `target`. Reading into memory already in use (one buffer for the
   * checksum pass, the disk's own array for its chunks) matters: touching fresh memory costs a page fault per 4 KiB.
   */
  readInto(offset: number, target: Uint8Array): Promise<void>
  /**
   * The same, synchronously, for disks left in the file (StoredBytes: a command reads a disk in the middle of its
   * work). A source without it (one that will not stay open) has every disk read into memory when a lab is built.
   */
  readIntoSync?(offset: number, target: Uint8Array): void
  /**
   * Where the kernel can copy this source's bytes from, as they were when it was opened (see ContainerBase), or
   * null where it cannot (the file changed since, or is readable by others: a copy would keep its mode).
   */
  copySource?(): Promise<CopySource | null>
}

/** A file the kernel can copy from: `path` names the very file that was checked until `done()`. */
export interface CopySource {
  readonly path: string
  done(): Promise<void>
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

function diskSized(value: unknown, found: Set<FileBytes>): void {
  if (value instanceof Uint8Array || value instanceof StoredBytes) {
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

export type IndexEntry = [offset: number, storedLength: number, rawLength: number, encoding: number]

/** Shannon entropy (bits a byte) of a few spread-out samples of `chunk`. */
function sampledEntropy(chunk: Uint8Array): number {
  const counts = new Uint32Array(256)
  const part = Math.min(ENTROPY_SAMPLE_BYTES, Math.floor(chunk.length / ENTROPY_SAMPLES))
  const stride = Math.floor(chunk.length / ENTROPY_SAMPLES)
  let n = 0
  for (let s = 0; s < ENTROPY_SAMPLES; s++)
    for (let i = s * stride, end = i + part; i < end; i++, n++) counts[chunk[i]]++
  let bits = 0
  for (const c of counts) if (c) bits -= (c / n) * Math.log2(c / n)
  return bits
}

function encodeChunk(chunk: Uint8Array, codec: ContainerCodec): { encoding: number; stored: Uint8Array } {
  if (chunk.length < ENTROPY_SAMPLES || sampledEntropy(chunk) < COMPRESSIBLE_BELOW_BITS) {
    const packed = codec.deflate(chunk)
    if (packed.length < chunk.length * WORTH_COMPRESSING) return { encoding: DEFLATE, stored: packed }
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

/**
 * The chunk index's JSON in pieces, the same text JSON.stringify gives the whole map: 20 disks of 256 MiB have
 * 5,120 chunks, and stringifying and encoding their index at once blocked the event loop for tens of milliseconds.
 */
export function* indexPieces(index: Map<string, IndexEntry>): Generator<string> {
  let piece = '{"chunks":{'
  let n = 0
  for (const [hash, entry] of index) {
    piece += (n ? ',' : '') + JSON.stringify(hash) + ':' + JSON.stringify(entry)
    if (++n % INDEX_ENTRIES_PER_PIECE === 0) {
      yield piece
      piece = ''
    }
  }
  yield piece + '},"lab":'
}

/** A chunk as it goes into the file; `release` gives back memory lent for it once it is written. */
interface EncodedChunk {
  encoding: number
  stored: Uint8Array
  release?(): void
}

interface DiskChunk {
  disk: FileBytes
  hash: Promise<string>
  /** The hash, where it is known without hashing (a chunk copied from the file the disk was opened from). */
  knownHash?: string
  encode(): Promise<EncodedChunk>
  /** `encode()` started ahead of its turn (a copied chunk whose read overlaps the writes before it). */
  encoding?: Promise<EncodedChunk>
}

/** Every chunk of every disk, in order, each with its hash (remembered, known from its file, or being computed). */
function* diskChunks(disks: Iterable<FileBytes>, codec: ContainerCodec): Generator<DiskChunk> {
  for (const disk of disks) {
    if (disk instanceof ContainerBytes) {
      for (const hash of disk.ref.chunks) yield { disk, hash: Promise.resolve(hash), knownHash: hash, encode: () => disk.copyChunk(hash) }
      continue
    }
    const bytes = bytesOf(disk)
    const known = hashCache.get(bytes)
    for (let i = 0; i * CHUNK_BYTES < bytes.length; i++) {
      const raw = bytes.subarray(i * CHUNK_BYTES, Math.min(bytes.length, (i + 1) * CHUNK_BYTES))
      const hash = known ? Promise.resolve(known[i]) : codec.hashChunk(raw)
      // Awaited in order below; a failure of one further ahead must not surface as an unhandled rejection first.
      hash.catch(() => undefined)
      yield { disk, hash, encode: async () => encodeChunk(raw, codec) }
    }
  }
}

/**
 * Writes `data` as a container to `sink`, a few chunks in memory at a time. With a `base` (containerBasesOf), the
 * sink already holds the base file's bytes up to `base.end` (header and chunks): its chunks are used where they are,
 * and only the chunks it lacks are written after them.
 */
export async function writeLabContainer(data: LabFileData, sink: ByteSink, codec: ContainerCodec, base?: ContainerBase | null): Promise<WrittenContainer> {
  const digest = codec.sha256()
  let offset = 0
  const put = async (hashed: boolean, ...parts: Uint8Array[]) => {
    for (const part of parts) {
      if (hashed) digest.update(part)
      offset += part.length
    }
    await sink.write(...parts)
  }
  if (base) {
    // The base's header, of this version (containerBasesOf), is in the sink already: it is only hashed.
    digest.update(CONTAINER_MAGIC)
    digest.update(u32(KFLAB_VERSION))
    offset = base.end
  } else await put(true, CONTAINER_MAGIC, u32(KFLAB_VERSION))

  const disks = new Set<FileBytes>()
  diskSized(data.entities, disks)
  const index = new Map<string, IndexEntry>()
  const hashesOf = new Map<FileBytes, string[]>()
  // The next chunks are hashed (or, copied from the file a disk was opened from, read) while this one is written.
  const chunks = diskChunks(disks, codec)
  const ahead: DiskChunk[] = []
  const reading = new Set<string>()
  const discard = (chunk: DiskChunk) => void chunk.encoding?.then((c) => c.release?.(), () => undefined)
  const refill = () => {
    for (let next = chunks.next(); ; next = chunks.next()) {
      if (next.done) return
      const chunk = next.value
      if (chunk.knownHash && !index.has(chunk.knownHash) && !reading.has(chunk.knownHash) && !base?.index.has(chunk.knownHash)) {
        reading.add(chunk.knownHash)
        chunk.encoding = chunk.encode()
        chunk.encoding.catch(() => undefined)
      }
      ahead.push(chunk)
      if (ahead.length >= HASH_AHEAD) return
    }
  }
  let keptSincePause = 0
  try {
    refill()
    while (ahead.length) {
      const chunk = ahead.shift()!
      const hash = await chunk.hash
      refill()
      let hashes = hashesOf.get(chunk.disk)
      if (!hashes) hashesOf.set(chunk.disk, (hashes = []))
      hashes.push(hash)
      const kept = index.has(hash) ? null : base?.index.get(hash)
      if (kept) index.set(hash, kept)
      if (index.has(hash)) {
        // Read ahead, yet written already (an equal chunk of a disk in memory came first): its lease goes back.
        discard(chunk)
        if (++keptSincePause >= KEPT_CHUNKS_PER_PAUSE) {
          keptSincePause = 0
          await codec.pause?.()
        }
        continue
      }
      const { encoding, stored, release } = await (chunk.encoding ?? chunk.encode())
      try {
        const rawLength = chunkLength(chunk.disk, hashes.length - 1)
        const head = new Uint8Array(CHUNK_HEADER_BYTES)
        const view = new DataView(head.buffer)
        head[0] = 0x43 // 'C'
        head.set(hexBytes(hash), 1)
        head[33] = encoding
        view.setUint32(34, rawLength)
        view.setUint32(38, stored.length)
        index.set(hash, [offset + CHUNK_HEADER_BYTES, stored.length, rawLength, encoding])
        await put(false, head, stored)
      } finally {
        release?.()
      }
    }
  } finally {
    // A save that failed gives back what the chunks read ahead of it hold (leased memory the next save needs).
    for (const chunk of ahead) discard(chunk)
  }
  const refs = new Map<FileBytes, BlobRef>()
  for (const [disk, hashes] of hashesOf) {
    if (disk instanceof Uint8Array) hashCache.set(disk, hashes)
    refs.set(disk, new BlobRef(hashes, disk.length))
  }

  const indexOffset = offset
  const replacer = jsonReplacer((bytes) => refs.get(bytes))
  for (const piece of indexPieces(index)) {
    await put(true, utf8(piece))
    await codec.pause?.()
  }
  for (const piece of documentPieces(data, replacer)) {
    await put(true, utf8(piece))
    await codec.pause?.()
  }
  await put(true, utf8('}'), Uint8Array.of(0x45) /* 'E' */, u64(indexOffset))
  await put(false, digest.digest(), END_MAGIC)
  return { index, end: indexOffset }
}

/** Where a written container's chunks are (its index) and end: enough for a later save to start from its file. */
export interface WrittenContainer {
  index: ReadonlyMap<string, IndexEntry>
  end: number
}

/** The raw length of chunk `i` of a disk (every chunk is CHUNK_BYTES long but the last). */
function chunkLength(disk: FileBytes, i: number): number {
  return Math.min(CHUNK_BYTES, disk.length - i * CHUNK_BYTES)
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * Reads a container: checks its framing and its checksum (over header and index, or over every byte in files
 * written before chunks were checked on their own), then its index and lab document. Chunks are read later: each
 * one a restored lab needs, or all of them, to check, when the lab is replayed.
 */
export async function readLabContainer(source: ByteSource, codec: ContainerCodec): Promise<{ data: LabFileData; blobs: BlobSource }> {
  if (source.size < HEADER_BYTES) throw damaged('labFile.damage.noHeader')
  const head = await source.read(0, HEADER_BYTES)
  if (!isContainer(head)) throw new LabFileError('labFile.notLabFile')
  const version = new DataView(head.buffer, head.byteOffset).getUint32(CONTAINER_MAGIC.length)
  if (version > KFLAB_VERSION) throw newerVersionError(version)
  if (version < 2) throw damaged('labFile.damage.containerVersion', { version })
  if (source.size < HEADER_BYTES + TRAILER_BYTES) throw damaged('labFile.damage.noEndMarker')
  const trailer = await source.read(source.size - TRAILER_BYTES, TRAILER_BYTES)
  const endMagic = trailer.subarray(TRAILER_BYTES - END_MAGIC.length)
  const wholeFile = sameBytes(endMagic, WHOLE_FILE_END_MAGIC)
  if (trailer[0] !== 0x45 || !(wholeFile || sameBytes(endMagic, END_MAGIC))) throw damaged('labFile.damage.endAltered')
  const indexOffset = Number(new DataView(trailer.buffer, trailer.byteOffset).getBigUint64(1))
  const indexEnd = source.size - TRAILER_BYTES
  if (indexOffset < HEADER_BYTES || indexOffset > indexEnd) throw damaged('labFile.damage.indexOutOfPlace')

  const digest = codec.sha256()
  const digestAt = source.size - END_MAGIC.length - DIGEST_BYTES
  let indexBytes: Uint8Array
  if (wholeFile) {
    const piece = new Uint8Array(Math.min(READ_PIECE_BYTES, digestAt))
    for (let at = 0; at < digestAt; at += READ_PIECE_BYTES) {
      const part = piece.subarray(0, Math.min(READ_PIECE_BYTES, digestAt - at))
      await source.readInto(at, part)
      digest.update(part)
      await codec.pause?.()
    }
    indexBytes = await source.read(indexOffset, indexEnd - indexOffset)
  } else {
    const covered = await source.read(indexOffset, digestAt - indexOffset)
    digest.update(head)
    digest.update(covered)
    indexBytes = covered.subarray(0, indexEnd - indexOffset)
  }
  const expected = trailer.subarray(1 + 8, 1 + 8 + DIGEST_BYTES)
  if (!sameBytes(digest.digest(), expected)) throw damaged('labFile.damage.checksum')

  let manifest: { chunks?: unknown; lab?: unknown }
  const indexText = fromUtf8(indexBytes)
  const labStart = indexText.indexOf(',"lab":')
  if (labStart < 0 || !indexText.endsWith('}')) throw damaged('labFile.damage.indexNotJson')
  try {
    manifest = JSON.parse(indexText.slice(0, labStart) + '}') as typeof manifest
  } catch {
    throw damaged('labFile.damage.indexNotJson')
  }
  const index = checkedIndex(manifest.chunks, indexOffset)
  const data = parseLabDocument(indexText.slice(labStart + ',"lab":'.length, -1), version)
  // A file whose chunks are checked on their own (and of this version) can be the start of a later save's file.
  const base: ContainerBase | null =
    !wholeFile && version === KFLAB_VERSION ? { index, end: indexOffset, copySource: async () => (await source.copySource?.()) ?? null } : null
  return { data, blobs: containerBlobs(source, codec, index, base) }
}

const notItsHash = (hash: string) => damaged('labFile.damage.chunkHash', { chunk: hash.slice(0, 12) })
const changedSinceOpened = (hash: string) =>
  new StoredBytesChanged('labFile.changed.chunk', { chunk: hash.slice(0, 12) })

/** How a disk left in its container is read: a chunk there and then (a command), or as stored (a save). */
interface ContainerChunks {
  readSync(hash: string, into: Uint8Array): void
  copy(hash: string): Promise<EncodedChunk>
  /** The container as a start for a new file (see ContainerBase); null for files of older layouts. */
  base: ContainerBase | null
}

/**
 * A container a new file can start as a copy of (made by the host in the kernel, as `cp` does): the file a lab's
 * disks were opened from, or one the host saved them to before. Its chunks stay at their offsets; the new file adds
 * the chunks it lacks, then its index.
 */
export interface ContainerBase extends WrittenContainer {
  /** Its file as it was read or written, for the kernel to copy; null where it is gone, changed or not copyable. */
  copySource(): Promise<CopySource | null>
}

/**
 * The containers a save of `data` can start from, the one holding most of its disks' bytes first: the files its
 * disks were opened from, and `saved` (files the host wrote before). A container qualifies where most of it is still
 * in use (the rest is copied along unused; past half of the file, a full write is worth its time). Disks in memory
 * count with the chunk hashes a save remembered for them; a new disk counts for none.
 */
export function containerBasesOf(data: LabFileData, saved: Iterable<ContainerBase> = []): ContainerBase[] {
  const disks = new Set<FileBytes>()
  diskSized(data.entities, disks)
  const candidates = new Set(saved)
  const used = new Set<string>()
  for (const disk of disks) {
    const hashes = disk instanceof ContainerBytes ? disk.ref.chunks : disk instanceof Uint8Array ? hashCache.get(disk) : undefined
    for (const hash of hashes ?? []) used.add(hash)
    if (disk instanceof ContainerBytes && disk.base) candidates.add(disk.base)
  }
  const usedBytes = new Map<ContainerBase, number>()
  for (const base of candidates) {
    let bytes = 0
    for (const hash of used) {
      const entry = base.index.get(hash)
      if (entry) bytes += CHUNK_HEADER_BYTES + entry[1]
    }
    if (bytes > 0 && bytes * 2 >= base.end) usedBytes.set(base, bytes)
  }
  // Of two holding as much, the smaller: less copied along unused.
  return [...usedBytes.keys()].sort((a, b) => usedBytes.get(b)! - usedBytes.get(a)! || a.end - b.end)
}

/** A disk left in the container it was opened from (see StoredBytes); each chunk is checked against its hash. */
class ContainerBytes extends StoredBytes {
  readonly length: number

  constructor(
    readonly ref: BlobRef,
    private readonly chunks: ContainerChunks
  ) {
    super()
    this.length = ref.length
  }

  read(start = 0, end = this.length): Uint8Array {
    if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && 0 <= start && start <= end && end <= this.length))
      throw new RangeError(`bytes ${start}..${end} are outside a disk of ${this.length} bytes`)
    const out = new Uint8Array(end - start)
    for (let i = Math.floor(start / CHUNK_BYTES); i * CHUNK_BYTES < end; i++) {
      const from = i * CHUNK_BYTES
      const to = Math.min(this.length, from + CHUNK_BYTES)
      // A chunk wholly inside the range is read into its place; one cut by the range is read whole (to check it).
      if (from >= start && to <= end) this.chunks.readSync(this.ref.chunks[i], out.subarray(from - start, to - start))
      else {
        const whole = new Uint8Array(to - from)
        this.chunks.readSync(this.ref.chunks[i], whole)
        out.set(whole.subarray(Math.max(start, from) - from, Math.min(end, to) - from), Math.max(start, from) - start)
      }
    }
    return out
  }

  copyChunk(hash: string): Promise<EncodedChunk> {
    return this.chunks.copy(hash)
  }

  get base(): ContainerBase | null {
    return this.chunks.base
  }
}

/** The chunks of a container, each read into place and checked against its hash and the index. */
function containerBlobs(source: ByteSource, codec: ContainerCodec, index: Map<string, IndexEntry>, base: ContainerBase | null): BlobSource {
  /** The index entry of chunk `hash`, once its header in the file agrees with it. */
  const checkedEntry = async (hash: string, rawLength: number): Promise<IndexEntry> => {
    const entry = index.get(hash)
    if (!entry) throw damaged('labFile.damage.chunkMissing', { chunk: hash.slice(0, 12) })
    const [offset, storedLength, entryRawLength, encoding] = entry
    if (rawLength !== entryRawLength) throw notItsHash(hash)
    if (encoding === STORED && storedLength !== rawLength) throw notItsHash(hash)
    const head = await source.read(offset - CHUNK_HEADER_BYTES, CHUNK_HEADER_BYTES)
    const view = new DataView(head.buffer, head.byteOffset, head.length)
    if (head[0] !== 0x43 || !sameBytes(head.subarray(1, 33), hexBytes(hash)) || head[33] !== encoding || view.getUint32(34) !== rawLength || view.getUint32(38) !== storedLength)
      throw damaged('labFile.damage.chunkHeader', { chunk: hash.slice(0, 12) })
    return entry
  }

  const inflated = async (hash: string, [offset, storedLength, rawLength]: IndexEntry): Promise<Uint8Array> => {
    let raw: Uint8Array
    try {
      raw = codec.inflate(await source.read(offset, storedLength), rawLength)
    } catch {
      throw damaged('labFile.damage.chunkInflate', { chunk: hash.slice(0, 12) })
    }
    if (raw.length !== rawLength) throw notItsHash(hash)
    return raw
  }

  const mustBe = async (hash: string, hashing: Promise<string>) => {
    if ((await hashing) !== hash) throw notItsHash(hash)
  }

  /**
   * Reads chunk `hash` and checks it against its hash; `into` (its raw length) receives its bytes, or, without it,
   * the chunk is only checked. A stored chunk goes through a leased buffer where the codec lends one (see
   * ContainerCodec.leaseChunk), otherwise straight into its place.
   */
  const readChecked = async (hash: string, rawLength: number, into: Uint8Array | null): Promise<void> => {
    const entry = await checkedEntry(hash, rawLength)
    if (entry[3] === DEFLATE) {
      const raw = await inflated(hash, entry)
      into?.set(raw)
      return mustBe(hash, codec.hashChunk(into ?? raw))
    }
    if (!codec.leaseChunk) {
      const target = into ?? new Uint8Array(rawLength)
      await source.readInto(entry[0], target)
      return mustBe(hash, codec.hashChunk(target))
    }
    const lease = await codec.leaseChunk(rawLength)
    try {
      await source.readInto(entry[0], lease.bytes)
      const hashing = lease.hash()
      // Copied while it is hashed: both only read the lease.
      into?.set(lease.bytes)
      await mustBe(hash, hashing)
    } finally {
      lease.release()
    }
  }

  /** Runs chunk reads a few at a time (reads, hashes and copies of neighbouring chunks overlap), in order. */
  const pipeline = () => {
    const running: Promise<void>[] = []
    return {
      async add(task: Promise<void>) {
        // Awaited in order below; a failure further ahead must not surface as an unhandled rejection first.
        task.catch(() => undefined)
        running.push(task)
        if (running.length > HASH_AHEAD) await running[running.length - 1 - HASH_AHEAD]
      },
      all: () => Promise.all(running)
    }
  }

  /** A deflated chunk of a file that was checked when it was opened: one that no longer inflates changed since. */
  const inflatedSinceOpened = (hash: string, stored: Uint8Array, rawLength: number): Uint8Array => {
    let raw: Uint8Array
    try {
      raw = codec.inflate(stored, rawLength)
    } catch {
      throw changedSinceOpened(hash)
    }
    if (raw.length !== rawLength) throw changedSinceOpened(hash)
    return raw
  }

  /** Reads chunk `hash` into `into` (its raw length) there and then, and checks it: a disk left in the file. */
  const readIntoSync = source.readIntoSync?.bind(source)
  const readSync = (hash: string, into: Uint8Array) => {
    const [offset, storedLength, rawLength, encoding] = index.get(hash)!
    if (into.length !== rawLength) throw notItsHash(hash)
    if (encoding === DEFLATE) {
      const stored = new Uint8Array(storedLength)
      readIntoSync!(offset, stored)
      into.set(inflatedSinceOpened(hash, stored, rawLength))
    } else readIntoSync!(offset, into)
    if (codec.hashChunks(into)[0] !== hash) throw changedSinceOpened(hash)
  }

  /** Chunk `hash` as it is stored, checked against its hash, to be written into another file as it is. */
  const copy = (hash: string): Promise<EncodedChunk> =>
    copyChecked(hash).catch((e: unknown) => {
      // The file was checked when it was opened: a read that ends early now means it was cut short since.
      throw e instanceof LabFileError ? changedSinceOpened(hash) : e
    })
  const copyChecked = async (hash: string): Promise<EncodedChunk> => {
    const [offset, storedLength, rawLength, encoding] = index.get(hash)!
    if (encoding === DEFLATE) {
      const stored = await source.read(offset, storedLength)
      if ((await codec.hashChunk(inflatedSinceOpened(hash, stored, rawLength))) !== hash) throw changedSinceOpened(hash)
      return { encoding, stored }
    }
    if (!codec.leaseChunk) {
      const stored = await source.read(offset, rawLength)
      if ((await codec.hashChunk(stored)) !== hash) throw changedSinceOpened(hash)
      return { encoding, stored }
    }
    const lease = await codec.leaseChunk(rawLength)
    try {
      await source.readInto(offset, lease.bytes)
      if ((await lease.hash()) !== hash) throw changedSinceOpened(hash)
    } catch (e) {
      lease.release()
      throw e
    }
    return { encoding, stored: lease.bytes, release: () => lease.release() }
  }

  let keptInFile = false
  const chunks: ContainerChunks | null = readIntoSync ? { readSync, copy, base } : null

  return {
    // Remembered: the replayed disks compared here are hashed once, and the next save of the lab reuses it.
    hashChunks: (bytes) => cachedChunkHashes(bytes, codec.hashChunks),
    stored: chunks
      ? async (ref) => {
          // The file's structure is checked now (each chunk's header against the index); its bytes when read.
          let at = 0
          for (const hash of ref.chunks) {
            const rawLength = index.get(hash)?.[2] ?? 0
            await checkedEntry(hash, rawLength)
            at += rawLength
          }
          if (at !== ref.length) throw damaged('labFile.damage.diskShort')
          keptInFile = true
          return new ContainerBytes(ref, chunks)
        }
      : undefined,
    keepsFile: () => keptInFile,
    async read(ref) {
      const out = new Uint8Array(ref.length)
      const chunks = pipeline()
      let at = 0
      for (const hash of ref.chunks) {
        const rawLength = index.get(hash)?.[2] ?? 0
        if (at + rawLength > out.length) throw notItsHash(hash)
        await chunks.add(readChecked(hash, rawLength, out.subarray(at, at + rawLength)))
        at += rawLength
      }
      await chunks.all()
      if (at !== ref.length) throw damaged('labFile.damage.diskShort')
      // Every chunk matched its hash: the next save (the autosave right after an open) need not hash them again.
      hashCache.set(out, ref.chunks)
      return out
    },
    async verify() {
      const chunks = pipeline()
      for (const [hash, [, , rawLength]] of index) await chunks.add(readChecked(hash, rawLength, null))
      await chunks.all()
    }
  }
}

function checkedIndex(chunks: unknown, indexOffset: number): Map<string, IndexEntry> {
  if (!chunks || typeof chunks !== 'object' || Array.isArray(chunks)) throw damaged('labFile.damage.chunkIndex')
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
    if (!ok) throw damaged('labFile.damage.chunkEntry', { chunk: hash.slice(0, 12) })
    index.set(hash, entry as IndexEntry)
  }
  return index
}
