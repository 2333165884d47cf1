import { toHex } from '../crypto/bytes.js'
import type { RandomSource } from './types.js'

// All randomness in the PKI comes from the caller's generator, in a fixed order, so that a
// replayed lab run reissues byte-identical certificates. These helpers fail loudly if the
// generator misbehaves instead of silently producing weaker or shorter values.

export function takeRandom(random: RandomSource, n: number): Uint8Array<ArrayBuffer> {
  const bytes = random(n)
  if (!(bytes instanceof Uint8Array) || bytes.length !== n) {
    throw new Error(`random(${n}) must return exactly ${n} bytes`)
  }
  // A copy, so a generator that reuses its output buffer cannot change a key after the fact.
  return bytes.slice()
}

/** Bytes consumed per certificate serial number. */
export const SERIAL_NUMBER_BYTES = 16

/**
 * A 16-byte positive serial (CA/Browser Forum asks for at least 64 random bits). The top bit is
 * cleared so the DER INTEGER stays positive without a 0x00 pad, and the next bit is set so the
 * serial always has exactly 16 bytes: every certificate then has the same shape and length.
 */
export function randomSerialNumberHex(random: RandomSource): string {
  const bytes = takeRandom(random, SERIAL_NUMBER_BYTES)
  bytes[0] = (bytes[0] & 0x7f) | 0x40
  return toHex(bytes)
}
