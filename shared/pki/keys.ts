import { ed25519 } from '@noble/curves/ed25519.js'
import { fromBase64, toBase64, toHex } from '../crypto/bytes.js'
import { fromPem, toPem } from './pem.js'
import { takeRandom } from './random.js'
import type { KeyPair, RandomSource } from './types.js'
import { X509Certificate } from './x509.js'

// Ed25519 key pairs. The private key is the 32-byte RFC 8032 seed taken from the caller's
// generator; WebCrypto cannot derive a key from a seed, so the seed is imported as a JWK whose
// public half (x) is computed with @noble/curves. WebCrypto then does the PKCS#8/SPKI encoding,
// which keeps hand-written ASN.1 out of the lab.

export const ED25519_SEED_BYTES = 32

const ED25519 = { name: 'Ed25519' } as const

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle
  if (!s) throw new Error('WebCrypto (globalThis.crypto.subtle) is required for the lab PKI')
  return s
}

const toBase64Url = (bytes: Uint8Array): string =>
  toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

const fromBase64Url = (text: string): Uint8Array => {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/')
  return fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4))
}

/** A fresh key pair; consumes exactly 32 bytes of `random`. */
export async function generateKeyPair(random: RandomSource): Promise<KeyPair> {
  return keyPairFromSeed(takeRandom(random, ED25519_SEED_BYTES))
}

export async function keyPairFromSeed(seed: Uint8Array): Promise<KeyPair> {
  if (seed.length !== ED25519_SEED_BYTES) throw new Error(`an Ed25519 seed has ${ED25519_SEED_BYTES} bytes`)
  const publicKey = ed25519.getPublicKey(seed)
  const jwk: JsonWebKey = { kty: 'OKP', crv: 'Ed25519', d: toBase64Url(seed), x: toBase64Url(publicKey) }
  const privateKey = await subtle().importKey('jwk', jwk, ED25519, true, ['sign'])
  const publicCryptoKey = await subtle().importKey('raw', publicKey.slice(), ED25519, true, ['verify'])
  return {
    algorithm: 'Ed25519',
    privateKeyPkcs8Pem: toPem(await subtle().exportKey('pkcs8', privateKey), 'PRIVATE KEY'),
    publicKeySpkiPem: toPem(await subtle().exportKey('spki', publicCryptoKey), 'PUBLIC KEY'),
    publicKeyHex: toHex(publicKey)
  }
}

/**
 * The full key pair behind a PKCS#8 private key, e.g. the key a KMS hands to vCenter in the
 * "KMS certificate and private key" mode. Throws if the key is not Ed25519.
 */
export async function keyPairFromPrivateKeyPem(privateKeyPkcs8Pem: string): Promise<KeyPair> {
  const key = await subtle().importKey('pkcs8', fromPem(privateKeyPkcs8Pem, 'PRIVATE KEY'), ED25519, true, ['sign'])
  const jwk = await subtle().exportKey('jwk', key)
  if (!jwk.d) throw new Error('the private key could not be exported')
  return keyPairFromSeed(fromBase64Url(jwk.d))
}

/** A non-extractable signing key: once imported, the key material cannot leave WebCrypto again. */
export async function importSigningKey(privateKeyPkcs8Pem: string): Promise<CryptoKey> {
  return subtle().importKey('pkcs8', fromPem(privateKeyPkcs8Pem, 'PRIVATE KEY'), ED25519, false, ['sign'])
}

export async function importVerifyingKey(publicKeySpkiPem: string): Promise<CryptoKey> {
  return subtle().importKey('spki', fromPem(publicKeySpkiPem, 'PUBLIC KEY'), ED25519, true, ['verify'])
}

/**
 * Whether a private key belongs to a certificate: what vCenter must check before it accepts an
 * uploaded client certificate and key, since a mismatched pair fails every TLS handshake.
 */
export async function privateKeyMatchesCertificate(privateKeyPkcs8Pem: string, certificatePem: string): Promise<boolean> {
  const keyPair = await keyPairFromPrivateKeyPem(privateKeyPkcs8Pem)
  const certificateSpki = new Uint8Array(new X509Certificate(certificatePem).publicKey.rawData)
  return toHex(certificateSpki) === toHex(fromPem(keyPair.publicKeySpkiPem, 'PUBLIC KEY'))
}
