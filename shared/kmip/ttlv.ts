// Generic TTLV codec (KMIP 1.x §9.1): Tag (3 bytes) | Type (1) | Length (4, big-endian) | Value | zero padding to 8.
//
// Value representation (chosen so that decode → encode reproduces the input byte for byte):
//   Structure              TtlvItem[]
//   Integer                number (signed 32-bit)
//   Enumeration, Interval  number (unsigned 32-bit)
//   LongInteger, DateTime  bigint when decoded (signed 64-bit, lossless); the encoder also takes a safe-integer number.
//                          DateTime in KMIP 1.x is POSIX seconds. The message layer turns it into a number.
//   BigInteger             bigint (two's complement, minimal sign extension to a multiple of 8 bytes)
//   Boolean                boolean
//   TextString             string (UTF-8 on the wire)
//   ByteString             Uint8Array (a copy, never a view into the input)
//
// The decoder is strict and bounded: it is fed bytes straight from a TLS socket, so every rule of the format is
// checked, work is linear in the input, and it never throws anything but KmipDecodeError.

import { fromHex, toHex } from '../crypto/bytes'

export type TtlvType =
  | 'Structure'
  | 'Integer'
  | 'LongInteger'
  | 'BigInteger'
  | 'Enumeration'
  | 'Boolean'
  | 'TextString'
  | 'ByteString'
  | 'DateTime'
  | 'Interval'

export type TtlvValue = TtlvItem[] | number | bigint | boolean | string | Uint8Array

export interface TtlvItem {
  tag: number
  type: TtlvType
  value: TtlvValue
}

/** A decoded item that also knows where it sits in the message (for the tree/hex views of the lab). */
export interface TtlvLocatedItem extends TtlvItem {
  value: TtlvLocatedItem[] | number | bigint | boolean | string | Uint8Array
  /** Byte offset of the item's tag. */
  offset: number
  /** Bytes the item occupies: 8 header bytes + value + padding. Highlight [offset, offset + length). */
  length: number
  /** The Length field as sent (value length without padding). */
  valueLength: number
}

export interface TtlvLimits {
  maxMessageBytes: number
  maxDepth: number
  maxItems: number
}

export const DEFAULT_TTLV_LIMITS: Readonly<TtlvLimits> = Object.freeze({
  maxMessageBytes: 1024 * 1024,
  maxDepth: 16,
  maxItems: 10_000
})

export const TTLV_TYPE_CODES: Readonly<Record<TtlvType, number>> = Object.freeze({
  Structure: 0x01,
  Integer: 0x02,
  LongInteger: 0x03,
  BigInteger: 0x04,
  Enumeration: 0x05,
  Boolean: 0x06,
  TextString: 0x07,
  ByteString: 0x08,
  DateTime: 0x09,
  Interval: 0x0a
})

const TYPE_BY_CODE: readonly (TtlvType | undefined)[] = (() => {
  const table: (TtlvType | undefined)[] = new Array(256).fill(undefined)
  for (const [name, code] of Object.entries(TTLV_TYPE_CODES)) table[code] = name as TtlvType
  return table
})()

export type KmipDecodeErrorCode =
  | 'bad-input'
  | 'too-large'
  | 'truncated'
  | 'bad-type'
  | 'bad-length'
  | 'bad-padding'
  | 'bad-boolean'
  | 'bad-utf8'
  | 'bad-big-integer'
  | 'structure-overrun'
  | 'too-deep'
  | 'too-many-items'
  | 'trailing-bytes'

export class KmipDecodeError extends Error {
  override readonly name = 'KmipDecodeError'
  /** Byte offset in the message where the problem was found. */
  readonly offset: number
  readonly code: KmipDecodeErrorCode
  /** The message without the offset suffix, for UIs that show the offset themselves. */
  readonly detail: string

  constructor(code: KmipDecodeErrorCode, offset: number, detail: string) {
    super(`${detail} (at byte ${offset})`)
    this.code = code
    this.offset = offset
    this.detail = detail
  }
}

/** Thrown by encodeTtlv for items that cannot be represented: a programming error, not hostile input. */
export class KmipEncodeError extends Error {
  override readonly name = 'KmipEncodeError'
}

const padTo8 = (n: number): number => (8 - (n % 8)) % 8

// ---------------------------------------------------------------------------------------------------------------
// Decoding

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function resolveLimits(limits: Partial<TtlvLimits> | undefined): TtlvLimits {
  const pick = (value: number | undefined, fallback: number): number =>
    typeof value === 'number' && value >= 0 && Number.isFinite(value) ? Math.floor(value) : fallback
  return {
    maxMessageBytes: pick(limits?.maxMessageBytes, DEFAULT_TTLV_LIMITS.maxMessageBytes),
    maxDepth: pick(limits?.maxDepth, DEFAULT_TTLV_LIMITS.maxDepth),
    maxItems: pick(limits?.maxItems, DEFAULT_TTLV_LIMITS.maxItems)
  }
}

function checkPadding(bytes: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    if (bytes[i] !== 0) throw new KmipDecodeError('bad-padding', i, 'padding bytes must be zero')
  }
}

function expectLength(type: TtlvType, actual: number, expected: number, at: number): void {
  if (actual !== expected) {
    throw new KmipDecodeError('bad-length', at, `${type} must have length ${expected}, got ${actual}`)
  }
}

function decodePrimitive(
  type: Exclude<TtlvType, 'Structure'>,
  bytes: Uint8Array,
  view: DataView,
  start: number,
  len: number,
  lengthAt: number
): number | bigint | boolean | string | Uint8Array {
  switch (type) {
    case 'Integer':
      expectLength(type, len, 4, lengthAt)
      checkPadding(bytes, start + 4, start + 8)
      return view.getInt32(start)
    case 'Enumeration':
    case 'Interval':
      expectLength(type, len, 4, lengthAt)
      checkPadding(bytes, start + 4, start + 8)
      return view.getUint32(start)
    case 'LongInteger':
    case 'DateTime':
      expectLength(type, len, 8, lengthAt)
      return view.getBigInt64(start)
    case 'Boolean': {
      expectLength(type, len, 8, lengthAt)
      for (let i = start; i < start + 7; i++) {
        if (bytes[i] !== 0) throw new KmipDecodeError('bad-boolean', i, 'Boolean must be 0 or 1')
      }
      const last = bytes[start + 7]
      if (last > 1) throw new KmipDecodeError('bad-boolean', start + 7, 'Boolean must be 0 or 1')
      return last === 1
    }
    case 'BigInteger': {
      if (len === 0 || len % 8 !== 0) {
        throw new KmipDecodeError('bad-length', lengthAt, `BigInteger length must be a positive multiple of 8, got ${len}`)
      }
      // The spec asks for minimal sign extension; refusing longer forms keeps decode → encode byte-exact.
      if (len >= 16) {
        const lead = bytes[start]
        if (lead === 0x00 || lead === 0xff) {
          let redundant = (bytes[start + 8] & 0x80) === (lead & 0x80)
          for (let i = start; redundant && i < start + 8; i++) redundant = bytes[i] === lead
          if (redundant) {
            throw new KmipDecodeError('bad-big-integer', start, 'BigInteger has more sign extension than needed')
          }
        }
      }
      // Parsing through hex keeps this linear even for a hostile megabyte-long value.
      const magnitude = BigInt('0x' + toHex(bytes.subarray(start, start + len)))
      return (bytes[start] & 0x80) !== 0 ? magnitude - (1n << BigInt(len * 8)) : magnitude
    }
    case 'TextString': {
      checkPadding(bytes, start + len, start + len + padTo8(len))
      try {
        return utf8Strict.decode(bytes.subarray(start, start + len))
      } catch {
        throw new KmipDecodeError('bad-utf8', start, 'TextString is not valid UTF-8')
      }
    }
    case 'ByteString':
      checkPadding(bytes, start + len, start + len + padTo8(len))
      // new Uint8Array(view) copies; Buffer.prototype.slice (Node transports pass Buffers) would not.
      return new Uint8Array(bytes.subarray(start, start + len))
  }
}

interface OpenStructure {
  children: TtlvItem[]
  end: number
}

function decodeCore(bytes: Uint8Array, limitsIn: Partial<TtlvLimits> | undefined, located: boolean): TtlvItem {
  if (!(bytes instanceof Uint8Array)) throw new KmipDecodeError('bad-input', 0, 'input is not a Uint8Array')
  const limits = resolveLimits(limitsIn)
  if (bytes.length > limits.maxMessageBytes) {
    throw new KmipDecodeError('too-large', 0, `message of ${bytes.length} bytes exceeds the limit of ${limits.maxMessageBytes}`)
  }
  if (bytes.length < 8) throw new KmipDecodeError('truncated', 0, `a TTLV item needs at least 8 bytes, got ${bytes.length}`)

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // An explicit stack instead of recursion: depth is bounded by the limit, but callers may raise the limit.
  const open: OpenStructure[] = []
  let root: TtlvItem | undefined
  let pos = 0
  let count = 0

  for (;;) {
    const top = open.length > 0 ? open[open.length - 1] : undefined
    if (top !== undefined && pos === top.end) {
      open.pop()
      continue
    }
    if (top === undefined && root !== undefined) break

    const end = top !== undefined ? top.end : bytes.length
    if (end - pos < 8) {
      throw top !== undefined
        ? new KmipDecodeError('structure-overrun', pos, 'structure ends inside an item header')
        : new KmipDecodeError('truncated', pos, 'message ends inside an item header')
    }
    const tag = (bytes[pos] << 16) | (bytes[pos + 1] << 8) | bytes[pos + 2]
    const type = TYPE_BY_CODE[bytes[pos + 3]]
    if (type === undefined) {
      throw new KmipDecodeError('bad-type', pos + 3, `unknown item type 0x${bytes[pos + 3].toString(16).padStart(2, '0')}`)
    }
    const depth = open.length + 1
    if (depth > limits.maxDepth) throw new KmipDecodeError('too-deep', pos, `nesting deeper than ${limits.maxDepth}`)
    if (++count > limits.maxItems) throw new KmipDecodeError('too-many-items', pos, `more than ${limits.maxItems} items`)

    const len = view.getUint32(pos + 4)
    const valueStart = pos + 8
    if (type === 'Structure' && len % 8 !== 0) {
      throw new KmipDecodeError('bad-length', pos + 4, `Structure length must be a multiple of 8, got ${len}`)
    }
    const occupied = type === 'Structure' ? len : len + padTo8(len)
    if (occupied > end - valueStart) {
      throw top !== undefined
        ? new KmipDecodeError('structure-overrun', pos + 4, `item of ${occupied} bytes overruns its enclosing structure`)
        : new KmipDecodeError('truncated', pos + 4, `item of ${occupied} bytes overruns the message`)
    }

    let item: TtlvItem
    if (type === 'Structure') {
      const children: TtlvItem[] = []
      item = located
        ? ({ tag, type, value: children, offset: pos, length: 8 + len, valueLength: len } as TtlvLocatedItem)
        : { tag, type, value: children }
      open.push({ children, end: valueStart + len })
    } else {
      const value = decodePrimitive(type, bytes, view, valueStart, len, pos + 4)
      item = located
        ? ({ tag, type, value, offset: pos, length: 8 + occupied, valueLength: len } as TtlvLocatedItem)
        : { tag, type, value }
    }
    if (top !== undefined) top.children.push(item)
    else root = item
    pos = type === 'Structure' ? valueStart : valueStart + occupied
  }

  if (pos !== bytes.length) {
    throw new KmipDecodeError('trailing-bytes', pos, `${bytes.length - pos} bytes after the end of the message`)
  }
  return root as TtlvItem
}

/** Decodes exactly one TTLV item (normally a whole KMIP message). Throws only KmipDecodeError. */
export function decodeTtlv(bytes: Uint8Array, limits?: Partial<TtlvLimits>): TtlvItem {
  try {
    return decodeCore(bytes, limits, false)
  } catch (error) {
    throw asDecodeError(error)
  }
}

/** Like decodeTtlv, and every item also carries its offset and encoded length. */
export function decodeTtlvWithOffsets(bytes: Uint8Array, limits?: Partial<TtlvLimits>): TtlvLocatedItem {
  try {
    return decodeCore(bytes, limits, true) as TtlvLocatedItem
  } catch (error) {
    throw asDecodeError(error)
  }
}

// Belt and braces: nothing above should throw anything else, but the contract is "only KmipDecodeError".
function asDecodeError(error: unknown): KmipDecodeError {
  if (error instanceof KmipDecodeError) return error
  return new KmipDecodeError('bad-input', 0, `undecodable input: ${error instanceof Error ? error.message : String(error)}`)
}

/**
 * Stream framing: given the first 8 bytes of a message, how many more bytes to read.
 * Rejects frames that cannot be a KMIP message (not a Structure, odd length, over the size limit) so a transport
 * can drop a hostile peer before buffering its claimed length.
 */
export function frameLength(header8: Uint8Array, maxMessageBytes: number = DEFAULT_TTLV_LIMITS.maxMessageBytes): number {
  if (!(header8 instanceof Uint8Array) || header8.length < 8) {
    throw new KmipDecodeError('truncated', 0, 'a TTLV frame header needs 8 bytes')
  }
  if (header8[3] !== TTLV_TYPE_CODES.Structure) {
    throw new KmipDecodeError('bad-type', 3, 'a KMIP message must be a Structure')
  }
  const len = new DataView(header8.buffer, header8.byteOffset, 8).getUint32(4)
  if (len % 8 !== 0) throw new KmipDecodeError('bad-length', 4, `Structure length must be a multiple of 8, got ${len}`)
  if (len + 8 > maxMessageBytes) {
    throw new KmipDecodeError('too-large', 4, `message of ${len + 8} bytes exceeds the limit of ${maxMessageBytes}`)
  }
  return len
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding

const INT64_MIN = -(1n << 63n)
const INT64_MAX = (1n << 63n) - 1n
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const utf8Encoder = new TextEncoder()

// Each item is first turned into its value bytes (without header/padding), so sizes are known before writing.
interface Prepared {
  tag: number
  typeCode: number
  valueLength: number
  total: number
  bytes?: Uint8Array
  children?: Prepared[]
}

function fail(item: TtlvItem, why: string): never {
  const tag = typeof item.tag === 'number' ? `0x${item.tag.toString(16).padStart(6, '0')}` : String(item.tag)
  throw new KmipEncodeError(`cannot encode ${item.type} ${tag}: ${why}`)
}

function toInt64(item: TtlvItem): bigint {
  const v = item.value
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) fail(item, 'number must be a safe integer')
    return BigInt(v)
  }
  if (typeof v !== 'bigint') fail(item, 'value must be a bigint or a number')
  if (v < INT64_MIN || v > INT64_MAX) fail(item, 'value does not fit in 64 bits')
  return v
}

function encodeBigInteger(value: bigint): Uint8Array {
  // Minimal two's complement length (at least one sign bit), rounded up to a multiple of 8 bytes.
  const magnitudeBits = (value < 0n ? -value - 1n : value).toString(2).length
  const bits = (value === 0n || value === -1n ? 0 : magnitudeBits) + 1
  const bytes = Math.ceil(bits / 64) * 8
  const unsigned = value < 0n ? (1n << BigInt(bytes * 8)) + value : value
  return fromHex(unsigned.toString(16).padStart(bytes * 2, '0'))
}

function fixed(item: TtlvItem, typeCode: number, bytes: Uint8Array): Prepared {
  return { tag: item.tag, typeCode, valueLength: bytes.length, total: 8 + bytes.length + padTo8(bytes.length), bytes }
}

function prepare(item: TtlvItem): Prepared {
  if (item === null || typeof item !== 'object') throw new KmipEncodeError('cannot encode a non-object item')
  if (!Number.isInteger(item.tag) || item.tag < 0 || item.tag > 0xffffff) fail(item, 'tag must fit in 3 bytes')
  const typeCode = TTLV_TYPE_CODES[item.type]
  if (typeCode === undefined) fail(item, 'unknown type')
  const v = item.value
  switch (item.type) {
    case 'Structure': {
      if (!Array.isArray(v)) fail(item, 'value must be an array of items')
      const children: Prepared[] = new Array(v.length)
      let valueLength = 0
      for (let i = 0; i < v.length; i++) {
        children[i] = prepare(v[i])
        valueLength += children[i].total
      }
      if (valueLength > 0xffffffff) fail(item, 'structure is larger than 4 GiB')
      return { tag: item.tag, typeCode, valueLength, total: 8 + valueLength, children }
    }
    case 'Integer': {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) fail(item, 'value must be a signed 32-bit integer')
      const bytes = new Uint8Array(4)
      new DataView(bytes.buffer).setInt32(0, v)
      return fixed(item, typeCode, bytes)
    }
    case 'Enumeration':
    case 'Interval': {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) fail(item, 'value must be an unsigned 32-bit integer')
      const bytes = new Uint8Array(4)
      new DataView(bytes.buffer).setUint32(0, v)
      return fixed(item, typeCode, bytes)
    }
    case 'LongInteger':
    case 'DateTime': {
      const bytes = new Uint8Array(8)
      new DataView(bytes.buffer).setBigInt64(0, toInt64(item))
      return fixed(item, typeCode, bytes)
    }
    case 'BigInteger': {
      if (typeof v === 'number' && !Number.isSafeInteger(v)) fail(item, 'number must be a safe integer')
      if (typeof v !== 'bigint' && typeof v !== 'number') fail(item, 'value must be a bigint')
      return fixed(item, typeCode, encodeBigInteger(BigInt(v)))
    }
    case 'Boolean': {
      if (typeof v !== 'boolean') fail(item, 'value must be a boolean')
      const bytes = new Uint8Array(8)
      bytes[7] = v ? 1 : 0
      return fixed(item, typeCode, bytes)
    }
    case 'TextString':
      if (typeof v !== 'string') fail(item, 'value must be a string')
      if (LONE_SURROGATE.test(v)) fail(item, 'string contains a lone UTF-16 surrogate')
      return fixed(item, typeCode, utf8Encoder.encode(v))
    case 'ByteString':
      if (!(v instanceof Uint8Array)) fail(item, 'value must be a Uint8Array')
      return fixed(item, typeCode, v)
  }
}

function write(p: Prepared, out: Uint8Array, view: DataView, at: number): number {
  out[at] = (p.tag >>> 16) & 0xff
  out[at + 1] = (p.tag >>> 8) & 0xff
  out[at + 2] = p.tag & 0xff
  out[at + 3] = p.typeCode
  view.setUint32(at + 4, p.valueLength)
  let pos = at + 8
  if (p.children !== undefined) {
    for (const child of p.children) pos = write(child, out, view, pos)
    return pos
  }
  out.set(p.bytes as Uint8Array, pos)
  return at + p.total // padding stays zero: the buffer starts zeroed
}

/** Encodes one item (and its children). Throws KmipEncodeError for values that do not fit their type. */
export function encodeTtlv(item: TtlvItem): Uint8Array {
  const prepared = prepare(item)
  const out = new Uint8Array(prepared.total)
  write(prepared, out, new DataView(out.buffer), 0)
  return out
}
