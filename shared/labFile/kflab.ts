// The lab a .kflab file describes, as a JSON document: the seed, the command log and every component. Byte strings
// are {"$b64": ...} (short ones) or {"$blob": {chunks, length}} (disk-sized ones, stored in the container, see
// ./container.ts); big integers are {"$bigint": ...}. Opening checks everything first; a seeded lab with a
// complete history is replayed so its whole timeline comes back, and the replay must end in exactly the saved
// state (otherwise the saved state is restored as it is).

import { fromBase64, toBase64 } from '../crypto/bytes'
import { bytesOf, StoredBytes, type FileBytes } from '../lab/files/storedBytes'
import type { LabDeps } from '../lab/context'
import { Lab } from '../lab/lab'
import type { Entity } from '../lab/model'
import { formatPath } from '../lab/script'
import { damagedError, LabFileError } from './labFileError'
import { BLOB_MIN_BYTES, BlobRef, HASH_PATTERN, chunkCount, type BlobSource, type ChunkHasher } from './blob'
import { migrateToLatest } from './migrations'
import { sameLabStructure } from './sameLab'
import { KFLAB_FORMAT, KFLAB_VERSION, labFileSchema, type LabFileData } from './schema'

/** A file saved by a newer KeyFlow Lab: say both versions, so the user knows to update rather than to repair. */
export function newerVersionError(version: number): LabFileError {
  return new LabFileError('labFile.newerVersion', { version, supported: KFLAB_VERSION })
}

/**
 * A lab file as read. `savedByFormat1`: saved by a version whose commands did less than today's (one DEK per VM,
 * no encrypted .vmsn or VMX core file), so a replay of its commands by this version builds the same lab with other
 * key material and more files (see ./sameLab.ts).
 */
export type ReadLabFile = LabFileData & { savedByFormat1?: boolean }

export function labFileData(lab: Lab): LabFileData {
  return {
    format: KFLAB_FORMAT,
    version: KFLAB_VERSION,
    seed: lab.meta.seed,
    history: lab.origin === 'created' ? 'complete' : 'partial',
    commands: lab.commands.map((c) => ({ step: c.step, command: c.command as Record<string, unknown> })),
    entities: Object.fromEntries(lab.entities()) as LabFileData['entities']
  }
}

/**
 * The JSON encoding of byte strings and big integers. `blobFor` gives the container reference of a disk-sized
 * byte string (the container has stored its chunks already); without it every byte string stays inline.
 */
export function jsonReplacer(blobFor?: (bytes: FileBytes) => BlobRef | undefined) {
  return function (this: unknown, _key: string, value: unknown): unknown {
    if (value instanceof Uint8Array || value instanceof StoredBytes) {
      const ref = value.length >= BLOB_MIN_BYTES ? blobFor?.(value) : undefined
      return ref ? { $blob: { chunks: ref.chunks, length: ref.length } } : { $b64: toBase64(bytesOf(value)) }
    }
    if (value instanceof BlobRef) return { $blob: { chunks: value.chunks, length: value.length } }
    if (typeof value === 'bigint') return { $bigint: value.toString() }
    return value
  }
}

function reviveBlob(value: unknown): BlobRef {
  const v = value as { chunks?: unknown; length?: unknown }
  const ok =
    v !== null &&
    typeof v === 'object' &&
    Array.isArray(v.chunks) &&
    Number.isSafeInteger(v.length) &&
    (v.length as number) >= 0 &&
    v.chunks.length === chunkCount(v.length as number) &&
    v.chunks.every((h) => typeof h === 'string' && HASH_PATTERN.test(h))
  if (!ok) throw damagedError('labFile.damage.blobRef')
  return new BlobRef(v.chunks as string[], v.length as number)
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value)
    if (keys.length !== 1) return value
    const inner = (value as Record<string, unknown>)[keys[0]]
    if (keys[0] === '$b64' && typeof inner === 'string') {
      try {
        return fromBase64(inner)
      } catch {
        throw damagedError('labFile.damage.base64')
      }
    }
    if (keys[0] === '$bigint' && /^-?\d{1,4000}$/.test(String(inner))) return BigInt(inner as string)
    if (keys[0] === '$blob') return reviveBlob(inner)
  }
  return value
}

/** The lab as JSON text, every byte string inline (small labs, tests; files are written by ./container.ts). */
export function labDocumentText(data: LabFileData, blobFor?: (bytes: FileBytes) => BlobRef | undefined): string {
  return JSON.stringify(data, jsonReplacer(blobFor))
}

/**
 * Reads and checks a lab document (JSON text); throws LabFileError with a plain reason and place. `version` is the
 * container's (a format-1 file is bare JSON and has none): the document must agree with it.
 */
export function parseLabDocument(text: string, containerVersion?: number): ReadLabFile {
  let raw: unknown
  try {
    raw = JSON.parse(text, reviver)
  } catch (e) {
    if (e instanceof LabFileError) throw e
    throw containerVersion === undefined ? new LabFileError('labFile.notJson') : damagedError('labFile.damage.indexNotJson')
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== KFLAB_FORMAT)
    throw new LabFileError('labFile.wrongFormat', { format: KFLAB_FORMAT })
  const version = (raw as { version?: unknown }).version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new LabFileError('labFile.badVersion', { version: JSON.stringify(version) ?? 'none', supported: KFLAB_VERSION })
  if (version > KFLAB_VERSION) throw newerVersionError(version)
  if (containerVersion !== undefined && version !== containerVersion)
    throw damagedError('labFile.damage.versionMismatch', { container: containerVersion, index: version })
  // Format 2 and later are containers with a checksum: bare JSON of those versions is not something this app wrote.
  if (containerVersion === undefined && version > 1) throw damagedError('labFile.damage.bareJson', { version })
  const migrated = migrateToLatest(raw as Record<string, unknown>, version)
  const parsed = labFileSchema.safeParse(migrated)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw damagedError('labFile.damage.invalidValue', { place: formatPath(issue.path as PropertyKey[]), problem: issue.message })
  }
  const data = parsed.data
  for (const [id, e] of Object.entries(data.entities)) if (e.id !== id) throw damagedError('labFile.damage.componentId', { key: id, id: e.id })
  if (!data.entities.lab || !data.entities.vcenter) throw damagedError('labFile.damage.metaMissing')
  for (const id of data.entities.lab.kind === 'meta' ? data.entities.lab.order : [])
    if (!data.entities[id]) throw damagedError('labFile.damage.componentMissing', { id })
  return version === 1 ? { ...data, savedByFormat1: true } : data
}

/** A format-1 file (bare JSON text). */
export function parseLabFile(text: string): ReadLabFile {
  return parseLabDocument(text)
}

/**
 * Do the replayed lab's state and the saved one agree? Compared by content, key order aside; a disk the container
 * holds is compared by the hashes of its chunks, so its bytes are never read for this.
 */
export function sameState(replayed: Iterable<[string, Entity]>, saved: Record<string, unknown>, hashChunks?: ChunkHasher): boolean {
  const mine = Object.fromEntries(replayed)
  return sameValue(mine, saved, hashChunks)
}

function sameValue(a: unknown, b: unknown, hashChunks?: ChunkHasher): boolean {
  if (a === b) return true
  if (a instanceof Uint8Array) {
    if (b instanceof BlobRef) {
      if (!hashChunks || a.length !== b.length) return false
      const mine = hashChunks(a)
      return mine.length === b.chunks.length && mine.every((h, i) => h === b.chunks[i])
    }
    if (!(b instanceof Uint8Array) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
    return true
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b) || b instanceof Uint8Array || b instanceof BlobRef) return false
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (ka.length !== kb.length) return false
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], hashChunks)) return false
  }
  return true
}

/** The file data with every disk read from the container (for tools that rewrite a file's data as it is). */
export async function withDisksRead(data: LabFileData, blobs: BlobSource | undefined): Promise<LabFileData> {
  return { ...data, entities: (await materialize(data.entities, blobs, false)) as LabFileData['entities'] }
}

/**
 * Replaces every BlobRef in the saved components by its bytes: left in the file where it stays open (`keep`, and a
 * source that can), otherwise read from the container. A disk that several files share is one object either way.
 */
async function materialize(value: unknown, blobs: BlobSource | undefined, keep: boolean, seen = new Map<string, unknown>()): Promise<unknown> {
  if (value instanceof BlobRef) {
    if (!blobs) throw damagedError('labFile.damage.noDiskData')
    const key = `${value.length}:${value.chunks.join('')}`
    let bytes = seen.get(key)
    if (!bytes) seen.set(key, (bytes = keep && blobs.stored ? await blobs.stored(value) : await blobs.read(value)))
    return bytes
  }
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value
  if (Array.isArray(value)) {
    const out: unknown[] = []
    for (const v of value) out.push(await materialize(v, blobs, keep, seen))
    return out
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = await materialize(v, blobs, keep, seen)
  return out
}

/**
 * Builds the lab a file describes. Never touches any lab that is already open. `deps` are used for the replay
 * and stay with the lab; callers that must not reach the network while opening pass a connector that refuses.
 */
export async function loadLabFile(data: ReadLabFile, depsFor: (seed: number | null) => LabDeps, blobs?: BlobSource): Promise<Lab> {
  const deps = depsFor(data.seed)
  if (data.seed !== null && data.history === 'complete') {
    // A replay reads no chunk, yet a damaged file must be refused: every chunk is checked first, before the work of
    // the replay (a restored lab checks each chunk as it reads it).
    await blobs?.verify()
    const replayed = await Lab.create(deps, { seed: data.seed })
    for (const c of data.commands) await replayed.run(c.command, c.step === null ? {} : { step: c.step })
    // Saved by a version whose commands made other keys: its history comes back when it builds the same lab.
    if (sameState(replayed.entities(), data.entities, blobs?.hashChunks) || (data.savedByFormat1 && sameLabStructure(replayed.entities(), data.entities)))
      return replayed
  }
  const entities = (await materialize(data.entities, blobs, true)) as Record<string, Entity>
  return Lab.restore(deps, Object.entries(entities))
}
