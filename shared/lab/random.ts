import { chacha20 } from '@noble/ciphers/chacha.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { utf8 } from '../crypto/bytes'

/**
 * Where the lab's random bytes come from. Seeded labs draw from a ChaCha20 keystream, so a script with a seed gives
 * the same keys, IDs and nonces every time; the position in the stream is part of the lab state, so stepping back
 * in history also rewinds the generator.
 */
export interface RandomSource {
  readonly seeded: boolean
  /** `position` is the number of bytes drawn so far (ignored by unseeded sources). */
  bytes(n: number, position: number): Uint8Array
}

const BLOCK = 64

export function seededRandom(seed: number): RandomSource {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('seed must be a non-negative safe integer')
  const key = sha256(utf8(`keyflow-lab seed ${seed}`))
  const nonce = new Uint8Array(12)
  return {
    seeded: true,
    bytes(n, position) {
      const firstBlock = Math.floor(position / BLOCK)
      const skip = position - firstBlock * BLOCK
      const stream = chacha20(key, nonce, new Uint8Array(skip + n), undefined, firstBlock)
      return stream.slice(skip, skip + n)
    }
  }
}

/** The platform's secure generator (WebCrypto, present in Node and browsers). */
export function secureRandom(getRandomValues: (buf: Uint8Array) => Uint8Array): RandomSource {
  return {
    seeded: false,
    bytes(n) {
      const out = new Uint8Array(n)
      for (let i = 0; i < n; i += 65536) getRandomValues(out.subarray(i, Math.min(n, i + 65536)))
      return out
    }
  }
}

/** RFC 4122 version-4 layout, from lab random bytes (so seeded labs get stable UUIDs). */
export function uuidFromBytes(b: Uint8Array): string {
  const x = b.slice(0, 16)
  x[6] = (x[6] & 0x0f) | 0x40
  x[8] = (x[8] & 0x3f) | 0x80
  const h = Array.from(x, (v) => v.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
