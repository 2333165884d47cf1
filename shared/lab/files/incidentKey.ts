// The incident key of a password-protected vm-support bundle (docs/vsphere-facts.md#f-support): vm-support
// recrypts the host's encrypted core dumps to a one-time incident key and stores that key in the bundle locked by
// the password, so support can open the dumps without the host key — and the password is never stored.
//
// The file is the lab's own format: "KFLIKF01" | u32 header length | header JSON {keyId, kdf, iterations, salt} |
// the incident key wrapped (AES key wrap, RFC 3394) by PBKDF2-HMAC-SHA-256(password, salt). ESXi's file differs
// in layout; the idea — a password-derived key locks the key the dumps are recrypted to — is the same.

import { aeskw } from '@noble/ciphers/aes.js'
import { pbkdf2 } from '@noble/hashes/pbkdf2.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { concatBytes, fromHex, fromUtf8, toHex, utf8 } from '../../crypto/bytes'

export const INCIDENT_KEY_MAGIC = 'KFLIKF01'
export const INCIDENT_KEY_FILE = 'vm-support-incident-key-file'
/** Enough to make guessing slow, few enough that a seeded lab stays quick. */
export const PBKDF2_ITERATIONS = 10_000

interface IncidentKeyHeader {
  keyId: string
  kdf: 'PBKDF2-HMAC-SHA-256'
  iterations: number
  salt: string
}

export class IncidentKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IncidentKeyError'
  }
}

function passwordKey(password: string, salt: Uint8Array, iterations: number): Uint8Array {
  return pbkdf2(sha256, utf8(password), salt, { c: iterations, dkLen: 32 })
}

export function lockIncidentKey(opts: { keyId: string; key: Uint8Array; password: string; salt: Uint8Array }): Uint8Array {
  const header: IncidentKeyHeader = { keyId: opts.keyId, kdf: 'PBKDF2-HMAC-SHA-256', iterations: PBKDF2_ITERATIONS, salt: toHex(opts.salt) }
  const wrapped = aeskw(passwordKey(opts.password, opts.salt, PBKDF2_ITERATIONS)).encrypt(opts.key)
  const headerBytes = utf8(JSON.stringify(header))
  const len = new Uint8Array(4)
  new DataView(len.buffer).setUint32(0, headerBytes.length)
  return concatBytes(utf8(INCIDENT_KEY_MAGIC), len, headerBytes, wrapped)
}

export function isIncidentKeyFile(bytes: Uint8Array): boolean {
  return bytes.length > 12 && fromUtf8(bytes.subarray(0, 8)) === INCIDENT_KEY_MAGIC
}

/** Opens the incident key file with the password: the key ID and the incident key the dumps are recrypted to. */
export function openIncidentKey(bytes: Uint8Array, password: string): { keyId: string; key: Uint8Array } {
  if (!isIncidentKeyFile(bytes)) throw new IncidentKeyError(`not a vm-support incident key file (no ${INCIDENT_KEY_MAGIC} at its start)`)
  const len = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0)
  let header: IncidentKeyHeader
  try {
    header = JSON.parse(fromUtf8(bytes.subarray(12, 12 + len)))
  } catch {
    throw new IncidentKeyError('corrupt incident key file header')
  }
  try {
    const key = aeskw(passwordKey(password, fromHex(header.salt), header.iterations)).decrypt(bytes.subarray(12 + len))
    return { keyId: header.keyId, key }
  } catch {
    throw new IncidentKeyError('the password does not open this incident key file')
  }
}
