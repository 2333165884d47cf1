// HKDF (RFC 5869) over HMAC-SHA-256: how a host of a Native Key Provider derives its keys from the KDK. Written out
// (extract, then expand) so the two steps the lesson names are visible; checked against RFC 5869's vectors and
// Node's hkdfSync in tests/shared/crypto/hkdf.test.ts.

import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'

const HASH_LEN = 32

/** HKDF-Extract: a pseudorandom key from the input keying material (an empty salt means HashLen zero bytes). */
export function hkdfExtract(salt: Uint8Array, ikm: Uint8Array): Uint8Array {
  return hmac(sha256, salt.length ? salt : new Uint8Array(HASH_LEN), ikm)
}

/** HKDF-Expand: `length` bytes bound to `info`: T(i) = HMAC(PRK, T(i-1) | info | i). */
export function hkdfExpand(prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 1 || length > 255 * HASH_LEN) throw new RangeError(`HKDF length must be 1..${255 * HASH_LEN}`)
  const out = new Uint8Array(length)
  let previous = new Uint8Array(0)
  for (let i = 1, offset = 0; offset < length; i++) {
    const block = new Uint8Array(previous.length + info.length + 1)
    block.set(previous)
    block.set(info, previous.length)
    block[block.length - 1] = i
    previous = hmac(sha256, prk, block)
    out.set(previous.subarray(0, Math.min(HASH_LEN, length - offset)), offset)
    offset += HASH_LEN
  }
  return out
}

export function hkdf(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  return hkdfExpand(hkdfExtract(salt, ikm), info, length)
}
