// The DEK inside the key safe: a dictionary entry `type=key:cipher=XTS-AES-256:key=<base64>` (the form VMware
// uses for its internal keys), locked with the KEK by AES key wrap with padding (RFC 5649).

import { aeskwp } from '@noble/ciphers/aes.js'
import { fromBase64, fromUtf8, toBase64, utf8 } from '../../crypto/bytes'
import { formatKeyLocator, LAB_LOCK_ALGORITHM, parseKeyLocator } from '../files/keyLocator'

export const DEK_CIPHER = 'XTS-AES-256'

export function wrapDek(kek: Uint8Array, dek: Uint8Array): Uint8Array {
  return aeskwp(kek).encrypt(utf8(`type=key:cipher=${DEK_CIPHER}:key=${toBase64(dek)}`))
}

export function unwrapDek(kek: Uint8Array, locked: Uint8Array): Uint8Array {
  const dictionary = fromUtf8(aeskwp(kek).decrypt(locked))
  const m = /^type=key:cipher=XTS-AES-256:key=([A-Za-z0-9+/=]+)$/.exec(dictionary)
  if (!m) throw new Error('the key safe does not hold an XTS-AES-256 key')
  return fromBase64(m[1])
}

export function formatBundle(providerId: string, keyId: string, locked: Uint8Array): string {
  return formatKeyLocator({ providerId, keyId, mac: LAB_LOCK_ALGORITHM, lockedData: locked })
}

export function parseBundle(bundle: string) {
  return parseKeyLocator(bundle)
}
