// The lab's envelope for core dumps: a one-time AES-256 data key encrypts and authenticates the body (AES-256-GCM);
// the data key itself is wrapped (AES key wrap, RFC 3394) by a long-lived key — the host key — named in the header.
// Re-wrapping the data key under a new host key ("shallow recrypt") leaves the body untouched, which is how
// ESXi can recrypt core dumps in /var/core when the host key changes.
//
// Layout: "KFLENV01" | u32 header length (big-endian) | header (UTF-8 JSON) | ciphertext and GCM tag.
// The format is the lab's own; real ESXi envelopes differ in layout but follow the same idea.

import { aeskw, gcm } from '@noble/ciphers/aes.js'
import { concatBytes, fromHex, fromUtf8, toHex, utf8 } from './bytes'

export const ENVELOPE_MAGIC = 'KFLENV01'

export interface EnvelopeHeader {
  version: 1
  keyId: string
  keyWrap: 'AES-KW'
  cipher: 'AES-256-GCM'
  wrappedKey: string
  nonce: string
  /** What the body is (e.g. vmkernel-zdump); authenticated together with the body. */
  content: string
}

export class EnvelopeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EnvelopeError'
  }
}

function aad(content: string): Uint8Array {
  return utf8(`${ENVELOPE_MAGIC}:${content}`)
}

export function sealEnvelope(opts: {
  keyId: string
  wrappingKey: Uint8Array
  plaintext: Uint8Array
  content: string
  random: (n: number) => Uint8Array
}): Uint8Array {
  const dataKey = opts.random(32)
  const nonce = opts.random(12)
  const body = gcm(dataKey, nonce, aad(opts.content)).encrypt(opts.plaintext)
  const header: EnvelopeHeader = {
    version: 1,
    keyId: opts.keyId,
    keyWrap: 'AES-KW',
    cipher: 'AES-256-GCM',
    wrappedKey: toHex(aeskw(opts.wrappingKey).encrypt(dataKey)),
    nonce: toHex(nonce),
    content: opts.content
  }
  dataKey.fill(0)
  return assemble(header, body)
}

function assemble(header: EnvelopeHeader, body: Uint8Array): Uint8Array {
  const headerBytes = utf8(JSON.stringify(header))
  const len = new Uint8Array(4)
  new DataView(len.buffer).setUint32(0, headerBytes.length)
  return concatBytes(utf8(ENVELOPE_MAGIC), len, headerBytes, body)
}

export function isEnvelope(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && fromUtf8(bytes.subarray(0, 8)) === ENVELOPE_MAGIC
}

export function readEnvelope(bytes: Uint8Array): { header: EnvelopeHeader; body: Uint8Array } {
  if (!isEnvelope(bytes)) throw new EnvelopeError(`no envelope here: the data does not start with ${ENVELOPE_MAGIC}`)
  const len = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0)
  if (12 + len > bytes.length) throw new EnvelopeError('truncated envelope header')
  let header: EnvelopeHeader
  try {
    header = JSON.parse(fromUtf8(bytes.subarray(12, 12 + len)))
  } catch {
    throw new EnvelopeError('corrupt envelope header')
  }
  if (header.version !== 1 || typeof header.keyId !== 'string' || typeof header.wrappedKey !== 'string')
    throw new EnvelopeError('unsupported envelope header')
  return { header, body: bytes.subarray(12 + len) }
}

function unwrapDataKey(header: EnvelopeHeader, wrappingKey: Uint8Array): Uint8Array {
  try {
    return aeskw(wrappingKey).decrypt(fromHex(header.wrappedKey))
  } catch {
    throw new EnvelopeError(`the key given is not the key '${header.keyId}' that wrapped this envelope (key unwrap failed)`)
  }
}

export function openEnvelope(bytes: Uint8Array, wrappingKey: Uint8Array): { header: EnvelopeHeader; plaintext: Uint8Array } {
  const { header, body } = readEnvelope(bytes)
  const dataKey = unwrapDataKey(header, wrappingKey)
  try {
    return { header, plaintext: gcm(dataKey, fromHex(header.nonce), aad(header.content)).decrypt(body) }
  } catch {
    throw new EnvelopeError('the envelope body failed authentication: it was altered or is corrupt')
  } finally {
    dataKey.fill(0)
  }
}

/** Wraps the data key under a new key; the encrypted body stays byte for byte as it was. */
export function rewrapEnvelope(bytes: Uint8Array, oldKey: Uint8Array, newKey: Uint8Array, newKeyId: string): Uint8Array {
  const { header, body } = readEnvelope(bytes)
  const dataKey = unwrapDataKey(header, oldKey)
  const next: EnvelopeHeader = { ...header, keyId: newKeyId, wrappedKey: toHex(aeskw(newKey).encrypt(dataKey)) }
  dataKey.fill(0)
  return assemble(next, body)
}
