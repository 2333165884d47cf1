import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  createSelfSigned,
  generateKeyPair,
  keyPairFromPrivateKeyPem,
  keyPairFromSeed,
  privateKeyMatchesCertificate
} from '../../../shared/pki/index.js'
import { DAY, seededRandom, T0 } from './support.js'

describe('Ed25519 key pairs from the caller-supplied generator', () => {
  it('takes exactly 32 bytes and gives the same PEMs for the same seed', async () => {
    const a = seededRandom('keys')
    const b = seededRandom('keys')
    const first = await generateKeyPair(a)
    const second = await generateKeyPair(b)
    expect(a.consumed()).toBe(32)
    expect(second).toEqual(first)
    expect(first.algorithm).toBe('Ed25519')
    expect(first.privateKeyPkcs8Pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/)
    expect(first.publicKeySpkiPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/)
  })

  it('gives different keys for different seeds and for successive draws', async () => {
    const random = seededRandom('one')
    const k1 = await generateKeyPair(random)
    const k2 = await generateKeyPair(random)
    const k3 = await generateKeyPair(seededRandom('two'))
    expect(new Set([k1.publicKeyHex, k2.publicKeyHex, k3.publicKeyHex]).size).toBe(3)
    expect(new Set([k1.privateKeyPkcs8Pem, k2.privateKeyPkcs8Pem, k3.privateKeyPkcs8Pem]).size).toBe(3)
  })

  it('encodes the RFC 8032 seed exactly as Node/OpenSSL does (independent JWK import)', async () => {
    const seed = new Uint8Array(seededRandom('node-check')(32))
    const ours = await keyPairFromSeed(seed)
    const x = Buffer.from(ours.publicKeyHex, 'hex').toString('base64url')
    const nodeKey = createPrivateKey({
      key: { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(seed).toString('base64url'), x },
      format: 'jwk'
    })
    expect(ours.privateKeyPkcs8Pem).toBe(nodeKey.export({ type: 'pkcs8', format: 'pem' }))
    expect(ours.publicKeySpkiPem).toBe(createPublicKey(nodeKey).export({ type: 'spki', format: 'pem' }))
    // The key signs and verifies in Node, so it is a working Ed25519 key, not just well-formed bytes.
    const message = Buffer.from('KMIP Create AES-256')
    const signature = sign(null, message, createPrivateKey(ours.privateKeyPkcs8Pem))
    expect(verify(null, message, createPublicKey(ours.publicKeySpkiPem), signature)).toBe(true)
  })

  it('recovers the whole key pair from a PKCS#8 private key (what vCenter gets from a KMS)', async () => {
    const original = await generateKeyPair(seededRandom('recover'))
    expect(await keyPairFromPrivateKeyPem(original.privateKeyPkcs8Pem)).toEqual(original)
  })

  it('refuses a private key that is not Ed25519', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    await expect(keyPairFromPrivateKeyPem(pem)).rejects.toThrow()
  })

  it('rejects a generator that returns the wrong number of bytes', async () => {
    await expect(generateKeyPair(() => new Uint8Array(31))).rejects.toThrow(/exactly 32 bytes/)
  })

  it('tells whether a private key belongs to a certificate', async () => {
    const random = seededRandom('match')
    const owner = await createSelfSigned({ subject: 'vc.lab', eku: ['clientAuth'], notBefore: T0, notAfter: T0 + DAY, random })
    const stranger = await generateKeyPair(random)
    expect(await privateKeyMatchesCertificate(owner.keyPair.privateKeyPkcs8Pem, owner.certificatePem)).toBe(true)
    expect(await privateKeyMatchesCertificate(stranger.privateKeyPkcs8Pem, owner.certificatePem)).toBe(false)
  })
})
