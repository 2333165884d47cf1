// XTS-AES (IEEE 1619-2007) in pure TypeScript on @noble/ciphers' AES, which has no XTS of its own. It runs anywhere
// (renderer, tests, the lab core) and is the reference the fast node implementation is checked against.
//
// Blocks are handled as four little-endian 32-bit words, the layout noble's AES round functions take, so the tweak's
// GF(2^128) doubling is word arithmetic too. IEEE 1619 reads a 16-byte tweak as a little-endian 128-bit integer:
// byte 0 holds the lowest bits and bit 7 of byte 15 the highest, i.e. bit 31 of word 3.

import { unsafe } from '@noble/ciphers/aes.js'
import { SECTOR_SIZE, assertDiskInput, assertSectorNumber, type DiskCipher } from './diskCipher'

const BLOCK = 16
/** IEEE 1619 limits a data unit to 2^20 AES blocks (16 MiB); OpenSSL enforces the same. */
export const MAX_DATA_UNIT = 2 ** 20 * BLOCK

// noble's `unsafe` round functions skip the per-call copies and padding checks of its `ecb` wrapper, which would
// otherwise dominate a cipher that encrypts one block at a time. The package version is pinned, so the API is stable.
type BlockFn = typeof unsafe.encrypt

/**
 * XTS-AES encryption of one data unit (IEEE 1619 §5.3). `key` is Key1 ‖ Key2: 32 bytes for XTS-AES-128, 64 bytes for
 * XTS-AES-256. `tweak` is the 16-byte data unit tweak (see `sectorTweak`). `data` is 16 bytes or more; a tail that is
 * not a whole block is handled by ciphertext stealing. Returns a new array.
 */
export function xtsEncrypt(key: Uint8Array, tweak: Uint8Array, data: Uint8Array): Uint8Array {
  return xtsDataUnit(false, key, tweak, data)
}

/** XTS-AES decryption of one data unit (IEEE 1619 §5.4); the inverse of `xtsEncrypt`. */
export function xtsDecrypt(key: Uint8Array, tweak: Uint8Array, data: Uint8Array): Uint8Array {
  return xtsDataUnit(true, key, tweak, data)
}

/** The XTS tweak of a disk sector: the sector number as a 128-bit little-endian integer (IEEE 1619 §5.1). */
export function sectorTweak(sector: number): Uint8Array {
  assertSectorNumber(sector)
  const tweak = new Uint8Array(BLOCK)
  putWord(tweak, 0, sector % 0x1_0000_0000)
  putWord(tweak, 4, Math.floor(sector / 0x1_0000_0000))
  return tweak
}

/** The tweak of the next block: multiplication by the primitive element α of GF(2^128) (IEEE 1619 §5.2). */
export function mulAlpha(tweak: Uint8Array): Uint8Array {
  if (tweak.length !== BLOCK) throw new Error(`an XTS tweak is ${BLOCK} bytes, got ${tweak.length}`)
  const t = new Int32Array(4)
  for (let i = 0; i < 4; i++) t[i] = word(tweak, 4 * i)
  doubleTweak(t)
  const out = new Uint8Array(BLOCK)
  for (let i = 0; i < 4; i++) putWord(out, 4 * i, t[i])
  return out
}

/** XTS-AES-256 over 512-byte sectors in pure TypeScript: slow (table AES), portable, the reference implementation. */
export const jsDiskCipher: DiskCipher = {
  name: 'XTS-AES-256 (TypeScript, @noble/ciphers AES)',
  encryptSectors: (dek, data, firstSector = 0) => cryptSectors(false, dek, data, firstSector),
  decryptSectors: (dek, data, firstSector = 0) => cryptSectors(true, dek, data, firstSector)
}

function cryptSectors(decrypting: boolean, dek: Uint8Array, data: Uint8Array, firstSector: number): Uint8Array {
  assertDiskInput(dek, data, firstSector)
  const dataKey = expandDataKey(decrypting, dek.subarray(0, 32))
  const tweakKey = unsafe.expandKeyLE(dek.subarray(32, 64))
  const aes = decrypting ? unsafe.decrypt : unsafe.encrypt
  const out = new Uint8Array(data.length)
  const t = new Int32Array(4)
  try {
    for (let offset = 0, sector = firstSector; offset < data.length; offset += SECTOR_SIZE, sector++) {
      const r = unsafe.encrypt(tweakKey, sector % 0x1_0000_0000, Math.floor(sector / 0x1_0000_0000), 0, 0)
      t[0] = r.s0
      t[1] = r.s1
      t[2] = r.s2
      t[3] = r.s3
      cryptUnit(aes, dataKey, decrypting, t, data, out, offset, SECTOR_SIZE)
    }
  } finally {
    // Expanded keys are key material: do not leave them for the garbage collector to find.
    dataKey.fill(0)
    tweakKey.fill(0)
    t.fill(0)
  }
  return out
}

function xtsDataUnit(decrypting: boolean, key: Uint8Array, tweak: Uint8Array, data: Uint8Array): Uint8Array {
  // Equal halves (IEEE vector 1) are allowed here: the primitive must run every standard vector. The disk cipher,
  // which handles real DEKs, refuses them (see assertDiskInput).
  if (!(key instanceof Uint8Array) || (key.length !== 32 && key.length !== 64)) {
    throw new Error('an XTS-AES key is 32 bytes (XTS-AES-128) or 64 bytes (XTS-AES-256): Key1 followed by Key2')
  }
  if (!(tweak instanceof Uint8Array) || tweak.length !== BLOCK) throw new Error(`an XTS tweak is ${BLOCK} bytes`)
  if (!(data instanceof Uint8Array) || data.length < BLOCK || data.length > MAX_DATA_UNIT) {
    const got = data instanceof Uint8Array ? `${data.length} bytes` : `a ${typeof data}`
    throw new Error(`an XTS data unit is ${BLOCK} bytes to 16 MiB, got ${got}`)
  }
  const half = key.length / 2
  const dataKey = expandDataKey(decrypting, key.subarray(0, half))
  const tweakKey = unsafe.expandKeyLE(key.subarray(half))
  const out = new Uint8Array(data.length)
  const t = new Int32Array(4)
  try {
    const r = unsafe.encrypt(tweakKey, word(tweak, 0), word(tweak, 4), word(tweak, 8), word(tweak, 12))
    t[0] = r.s0
    t[1] = r.s1
    t[2] = r.s2
    t[3] = r.s3
    cryptUnit(decrypting ? unsafe.decrypt : unsafe.encrypt, dataKey, decrypting, t, data, out, 0, data.length)
  } finally {
    dataKey.fill(0)
    tweakKey.fill(0)
    t.fill(0)
  }
  return out
}

function expandDataKey(decrypting: boolean, key: Uint8Array): Uint32Array {
  return decrypting ? unsafe.expandKeyDecLE(key) : unsafe.expandKeyLE(key)
}

/** One data unit of `length` bytes at `offset`, from `src` to `dst`; `t` holds the encrypted tweak and is consumed. */
function cryptUnit(
  aes: BlockFn,
  key: Uint32Array,
  decrypting: boolean,
  t: Int32Array,
  src: Uint8Array,
  dst: Uint8Array,
  offset: number,
  length: number
): void {
  const tail = length % BLOCK
  // With a partial last block, the last full block takes part in ciphertext stealing instead.
  const end = offset + length - tail - (tail === 0 ? 0 : BLOCK)
  for (let p = offset; p < end; p += BLOCK) {
    xexBlock(aes, key, t, src, p, dst, p)
    doubleTweak(t)
  }
  if (tail === 0) return
  stealCiphertext(aes, key, decrypting, t, src, dst, end, tail)
}

/**
 * IEEE 1619 §5.3.2 / §5.4.2: the last full block at `p` and the `tail` bytes after it. Encryption: CC = XEX(P[m-1],
 * T[m-1]); the partial output is CC's head; CC's remaining bytes pad the partial input, which is encrypted with T[m]
 * into the last full output block. Decryption swaps the two tweaks and mirrors the steps.
 */
function stealCiphertext(
  aes: BlockFn,
  key: Uint32Array,
  decrypting: boolean,
  t: Int32Array,
  src: Uint8Array,
  dst: Uint8Array,
  p: number,
  tail: number
): void {
  const tweakPrev = t.slice()
  const tweakLast = t.slice()
  doubleTweak(tweakLast)
  const cc = new Uint8Array(BLOCK)
  xexBlock(aes, key, decrypting ? tweakLast : tweakPrev, src, p, cc, 0)
  const pp = cc.slice()
  pp.set(src.subarray(p + BLOCK, p + BLOCK + tail))
  dst.set(cc.subarray(0, tail), p + BLOCK)
  xexBlock(aes, key, decrypting ? tweakPrev : tweakLast, pp, 0, dst, p)
  tweakPrev.fill(0)
  tweakLast.fill(0)
}

/** XEX on one block: dst = AES(src ⊕ T) ⊕ T. */
function xexBlock(
  aes: BlockFn,
  key: Uint32Array,
  t: Int32Array,
  src: Uint8Array,
  s: number,
  dst: Uint8Array,
  d: number
): void {
  const t0 = t[0]
  const t1 = t[1]
  const t2 = t[2]
  const t3 = t[3]
  const r = aes(key, word(src, s) ^ t0, word(src, s + 4) ^ t1, word(src, s + 8) ^ t2, word(src, s + 12) ^ t3)
  putWord(dst, d, r.s0 ^ t0)
  putWord(dst, d + 4, r.s1 ^ t1)
  putWord(dst, d + 8, r.s2 ^ t2)
  putWord(dst, d + 12, r.s3 ^ t3)
}

/** T·α: shift the 128-bit little-endian value left by one; a bit carried out of the top folds back in as 0x87. */
function doubleTweak(t: Int32Array): void {
  const carry = t[3] >>> 31
  t[3] = (t[3] << 1) | (t[2] >>> 31)
  t[2] = (t[2] << 1) | (t[1] >>> 31)
  t[1] = (t[1] << 1) | (t[0] >>> 31)
  t[0] = (t[0] << 1) ^ (carry * 0x87)
}

// Byte-wise word access keeps the code independent of the host's byte order.
function word(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)
}

function putWord(b: Uint8Array, i: number, w: number): void {
  b[i] = w
  b[i + 1] = w >>> 8
  b[i + 2] = w >>> 16
  b[i + 3] = w >>> 24
}
