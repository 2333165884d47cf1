// The PKCS#12 key derivation of RFC 7292 Appendix B.2 with SHA-256. Only the integrity key of a PKCS#12 file's MAC
// is made this way (ID 3); the contents are encrypted with PBES2 (PBKDF2), as OpenSSL 3 writes them.

import { sha256 } from '@noble/hashes/sha2.js'

const U = 32 // SHA-256 output bytes
const V = 64 // SHA-256 block bytes

export const PKCS12_KDF_MAC = 3

/** The password as RFC 7292 wants it: BMPString (UTF-16BE) with a two-byte zero terminator. */
export function pkcs12Password(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2)
  for (let i = 0; i < password.length; i++) {
    out[2 * i] = password.charCodeAt(i) >> 8
    out[2 * i + 1] = password.charCodeAt(i) & 0xff
  }
  return out
}

function repeatToBlocks(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(V * Math.ceil(bytes.length / V))
  for (let i = 0; i < out.length; i++) out[i] = bytes[i % bytes.length]
  return out
}

export function pkcs12Kdf(id: number, password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Uint8Array {
  const D = new Uint8Array(V).fill(id)
  const S = salt.length ? repeatToBlocks(salt) : new Uint8Array(0)
  const P = password.length ? repeatToBlocks(password) : new Uint8Array(0)
  const I = new Uint8Array(S.length + P.length)
  I.set(S)
  I.set(P, S.length)
  const out = new Uint8Array(length)
  for (let offset = 0; offset < length; offset += U) {
    const input = new Uint8Array(V + I.length)
    input.set(D)
    input.set(I, V)
    let A = sha256(input)
    for (let r = 1; r < iterations; r++) A = sha256(A)
    out.set(A.subarray(0, Math.min(U, length - offset)), offset)
    // I_j = (I_j + B + 1) mod 2^(8v), with B = A repeated to v bytes
    const B = repeatToBlocks(A)
    for (let j = 0; j < I.length; j += V) {
      let carry = 1
      for (let k = V - 1; k >= 0; k--) {
        const sum = I[j + k] + B[k] + carry
        I[j + k] = sum & 0xff
        carry = sum >> 8
      }
    }
  }
  return out
}
