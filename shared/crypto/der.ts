// A small ASN.1 DER writer and reader: just what the Native Key Provider's PKCS#12 backup needs (sequences, sets,
// integers, object identifiers, octet strings, BMP strings, context tags). @peculiar/x509 brings an ASN.1 library,
// but its schema classes would hide the structure the backup tests check byte for byte.

export const Tag = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31
} as const

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length)
  const bytes: number[] = []
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff)
  return Uint8Array.of(0x80 | bytes.length, ...bytes)
}

export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const total = content.reduce((n, c) => n + c.length, 0)
  const length = encodeLength(total)
  const out = new Uint8Array(1 + length.length + total)
  out[0] = tag
  out.set(length, 1)
  let offset = 1 + length.length
  for (const c of content) {
    out.set(c, offset)
    offset += c.length
  }
  return out
}

export const sequence = (...items: Uint8Array[]) => tlv(Tag.sequence, ...items)
export const octetString = (bytes: Uint8Array) => tlv(Tag.octetString, bytes)
export const nullValue = () => tlv(Tag.null)

/** DER SET OF: the elements sorted by their encodings (X.690 §11.6). */
export function setOf(...items: Uint8Array[]): Uint8Array {
  const sorted = [...items].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]
    return a.length - b.length
  })
  return tlv(Tag.set, ...sorted)
}

/** [n] EXPLICIT: a constructed context tag around a whole encoding. */
export const explicit = (n: number, inner: Uint8Array) => tlv(0xa0 | n, inner)
/** [n] IMPLICIT on a primitive value (the OCTET STRING's tag replaced). */
export const implicitPrimitive = (n: number, content: Uint8Array) => tlv(0x80 | n, content)

/** A non-negative INTEGER, minimal and with a leading zero when the top bit is set. */
export function integer(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('DER integer must be a non-negative safe integer')
  const bytes: number[] = []
  for (let n = value; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff)
  if (bytes.length === 0 || bytes[0] & 0x80) bytes.unshift(0)
  return tlv(Tag.integer, Uint8Array.from(bytes))
}

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((a) => {
    if (!/^\d+$/.test(a)) throw new Error(`not an object identifier: ${dotted}`)
    return Number(a)
  })
  if (arcs.length < 2 || arcs[0] > 2) throw new Error(`not an object identifier: ${dotted}`)
  const out: number[] = []
  for (const arc of [arcs[0] * 40 + arcs[1], ...arcs.slice(2)]) {
    const base128: number[] = [arc & 0x7f]
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) base128.unshift(0x80 | (n & 0x7f))
    out.push(...base128)
  }
  return tlv(Tag.oid, Uint8Array.from(out))
}

/** BMPString: UTF-16 big-endian, as PKCS#9 friendlyName is written. */
export function bmpString(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) >> 8
    out[2 * i + 1] = text.charCodeAt(i) & 0xff
  }
  return tlv(Tag.bmpString, out)
}

export const algorithm = (id: string, params: Uint8Array = nullValue()) => sequence(oid(id), params)

// ---- reading ----

export interface Node {
  tag: number
  /** The content octets. */
  value: Uint8Array
  /** The whole encoding (tag, length, content). */
  raw: Uint8Array
}

/** Reads one TLV at `offset`; DER only (definite lengths). */
export function read(bytes: Uint8Array, offset = 0): Node {
  if (offset + 2 > bytes.length) throw new Error('DER: truncated')
  const tag = bytes[offset]
  let length = bytes[offset + 1]
  let header = 2
  if (length & 0x80) {
    const count = length & 0x7f
    if (count === 0 || count > 4) throw new Error('DER: unsupported length')
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + 2 + i]
    header += count
  }
  const end = offset + header + length
  if (end > bytes.length) throw new Error('DER: truncated')
  return { tag, value: bytes.subarray(offset + header, end), raw: bytes.subarray(offset, end) }
}

/** The elements of a constructed value. */
export function children(node: Node): Node[] {
  const out: Node[] = []
  for (let offset = 0; offset < node.value.length; ) {
    const child = read(node.value, offset)
    out.push(child)
    offset += child.raw.length
  }
  return out
}

export function readOid(node: Node): string {
  if (node.tag !== Tag.oid) throw new Error('DER: expected an object identifier')
  const arcs: number[] = []
  let n = 0
  for (const b of node.value) {
    n = n * 128 + (b & 0x7f)
    if (!(b & 0x80)) {
      arcs.push(n)
      n = 0
    }
  }
  const first = arcs.shift() ?? 0
  const top = first < 80 ? Math.floor(first / 40) : 2
  return [top, first - top * 40, ...arcs].join('.')
}

export function readInteger(node: Node): number {
  if (node.tag !== Tag.integer) throw new Error('DER: expected an integer')
  return node.value.reduce((n, b) => n * 256 + b, 0)
}
