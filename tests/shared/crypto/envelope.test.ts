import { createDecipheriv, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fromHex, utf8 } from '../../../shared/crypto/bytes'
import { openEnvelope, readEnvelope, rewrapEnvelope, sealEnvelope } from '../../../shared/crypto/envelope'

const random = (n: number) => new Uint8Array(randomBytes(n))

describe('core-dump envelope', () => {
  const hostKey = random(32)
  const sealed = sealEnvelope({ keyId: 'host-key-1', wrappingKey: hostKey, plaintext: utf8('kernel memory'), content: 'vmkernel-zdump', random })

  it('opens with the wrapping key and names it in the header', () => {
    expect(readEnvelope(sealed).header.keyId).toBe('host-key-1')
    expect(new TextDecoder().decode(openEnvelope(sealed, hostKey).plaintext)).toBe('kernel memory')
  })

  it('is standard AES key wrap and AES-256-GCM: OpenSSL opens it too', () => {
    const { header, body } = readEnvelope(sealed)
    const unwrap = createDecipheriv('id-aes256-wrap', hostKey, Buffer.from('a6a6a6a6a6a6a6a6', 'hex'))
    const dataKey = Buffer.concat([unwrap.update(fromHex(header.wrappedKey)), unwrap.final()])
    const gcm = createDecipheriv('aes-256-gcm', dataKey, fromHex(header.nonce))
    gcm.setAAD(utf8('KFLENV01:vmkernel-zdump'))
    gcm.setAuthTag(body.subarray(body.length - 16))
    expect(Buffer.concat([gcm.update(body.subarray(0, body.length - 16)), gcm.final()]).toString()).toBe('kernel memory')
  })

  it('refuses the wrong key and any altered byte of the body', () => {
    expect(() => openEnvelope(sealed, random(32))).toThrow(/not the key 'host-key-1'/)
    const altered = sealed.slice()
    altered[altered.length - 1] ^= 1
    expect(() => openEnvelope(altered, hostKey)).toThrow(/failed authentication/)
  })

  it('re-wrapping changes the key ID and wrapped key only; the body stays byte for byte', () => {
    const newKey = random(32)
    const rewrapped = rewrapEnvelope(sealed, hostKey, newKey, 'host-key-2')
    expect(readEnvelope(rewrapped).body).toEqual(readEnvelope(sealed).body)
    expect(readEnvelope(rewrapped).header.keyId).toBe('host-key-2')
    expect(new TextDecoder().decode(openEnvelope(rewrapped, newKey).plaintext)).toBe('kernel memory')
    expect(() => openEnvelope(rewrapped, hostKey)).toThrow()
  })
})
