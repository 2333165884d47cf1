// What the window sees of the lab: the same records as JSON-safe values, with byte strings turned into a
// hex preview, their size and a fingerprint (a 256 MiB disk is not sent to the window, its first sectors are).
// Records are immutable, so projections are memoised by identity and diffs skip unchanged subtrees cheaply.

import { sha256 } from '@noble/hashes/sha2.js'
import { toHex } from '../crypto/bytes'
import { bytesOf, StoredBytes, type FileBytes } from './files/storedBytes'

export interface BytesView {
  $bytes: true
  size: number
  /** Hex of the first bytes (all of them for keys and small files). */
  hex: string
  truncated: boolean
  /** First 8 bytes of SHA-256, hex; null for large data (not worth hashing on every change). */
  fingerprint: string | null
}

export type ViewValue = null | boolean | number | string | BytesView | ViewValue[] | { [key: string]: ViewValue }

export const PREVIEW_BYTES = 2048
const FINGERPRINT_MAX = 65536

const memo = new WeakMap<object, ViewValue>()

export function isBytesView(v: unknown): v is BytesView {
  return typeof v === 'object' && v !== null && (v as BytesView).$bytes === true
}

export function fingerprint(bytes: Uint8Array): string {
  return toHex(sha256(bytes).subarray(0, 8))
}

/** A byte string's view; bytes still in a lab file are read as far as the view needs (the preview). */
export function projectBytes(bytes: FileBytes): BytesView {
  const truncated = bytes.length > PREVIEW_BYTES
  const small = bytes.length <= FINGERPRINT_MAX
  const shown = bytesOf(bytes, 0, small ? bytes.length : PREVIEW_BYTES)
  return {
    $bytes: true,
    size: bytes.length,
    hex: toHex(truncated ? shown.subarray(0, PREVIEW_BYTES) : shown),
    truncated,
    fingerprint: small ? fingerprint(shown) : null
  }
}

export function project(value: unknown): ViewValue {
  if (value === null || value === undefined) return null
  if (typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : (value as ViewValue)
  const cached = memo.get(value)
  if (cached !== undefined) return cached
  let out: ViewValue
  if (value instanceof Uint8Array || value instanceof StoredBytes) out = projectBytes(value)
  else if (Array.isArray(value)) out = value.map(project)
  else {
    const obj: { [key: string]: ViewValue } = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined) obj[k] = project(v)
    out = obj
  }
  memo.set(value, out)
  return out
}

export type ViewPath = (string | number)[]
export type ViewPatch = { op: 'set'; path: ViewPath; value: ViewValue } | { op: 'delete'; path: ViewPath }

function isPlainObject(v: ViewValue): v is { [key: string]: ViewValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isBytesView(v)
}

/** Patches that turn `a` into `b`. Arrays of equal length are diffed per index, others replaced whole. */
export function diffView(a: ViewValue | undefined, b: ViewValue | undefined, path: ViewPath = [], out: ViewPatch[] = []): ViewPatch[] {
  if (a === b) return out
  if (b === undefined) {
    out.push({ op: 'delete', path })
    return out
  }
  if (a !== undefined && isPlainObject(a) && isPlainObject(b)) {
    for (const k of Object.keys(a)) if (!(k in b)) out.push({ op: 'delete', path: [...path, k] })
    for (const k of Object.keys(b)) diffView(a[k], b[k], [...path, k], out)
    return out
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) diffView(a[i], b[i], [...path, i], out)
    return out
  }
  if (isBytesView(a) && isBytesView(b) && a.hex === b.hex && a.size === b.size && a.fingerprint === b.fingerprint) return out
  out.push({ op: 'set', path, value: b })
  return out
}

/** Applies patches without touching the input: only the objects along each path are copied. */
export function applyPatches<T extends ViewValue>(root: T, patches: readonly ViewPatch[]): T {
  let result: ViewValue = root
  for (const p of patches) result = applyOne(result, p, 0)
  return result as T
}

function applyOne(node: ViewValue, patch: ViewPatch, depth: number): ViewValue {
  if (depth === patch.path.length) return patch.op === 'set' ? patch.value : (undefined as unknown as ViewValue)
  const key = patch.path[depth]
  if (Array.isArray(node)) {
    const copy = node.slice()
    const next = applyOne(copy[key as number] ?? null, patch, depth + 1)
    if (next === undefined) copy.splice(key as number, 1)
    else copy[key as number] = next
    return copy
  }
  const obj = (isPlainObject(node) ? node : {}) as { [key: string]: ViewValue }
  const copy: { [key: string]: ViewValue } = { ...obj }
  const next = applyOne(obj[key as string] ?? null, patch, depth + 1)
  if (next === undefined) delete copy[key as string]
  else copy[key as string] = next
  return copy
}
