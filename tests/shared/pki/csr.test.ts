import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  createCa,
  createCsr,
  describeCertificate,
  describeCsr,
  generateKeyPair,
  signCsr,
  verifyCsr
} from '../../../shared/pki/index.js'
import { flipLastByte, replaceAscii } from './der.js'
import { DAY, seededRandom, T0 } from './support.js'

async function setup(seed: string) {
  const random = seededRandom(seed)
  const kmsCa = await createCa({ subject: 'KMS CA', notBefore: T0, notAfter: T0 + 3650 * DAY, random })
  const vcenterKey = await generateKeyPair(random)
  const csrPem = await createCsr({
    subject: { commonName: 'vc01.lab.local', organization: 'Lab' },
    keyPair: vcenterKey,
    eku: ['clientAuth'],
    san: { dns: ['vc01.lab.local'], ip: ['10.0.0.5'] }
  })
  return { random, kmsCa, vcenterKey, csrPem }
}

describe('certificate signing requests (New Certificate Signing Request mode)', () => {
  it('carries the subject, the public key and the requested extensions, and verifies', async () => {
    const { vcenterKey, csrPem } = await setup('csr')
    expect(csrPem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/)
    expect(await verifyCsr(csrPem)).toBe(true)
    const d = describeCsr(csrPem)
    expect(d).toMatchObject({
      subject: 'O=Lab, CN=vc01.lab.local',
      subjectCn: 'vc01.lab.local',
      publicKeyAlgorithm: 'Ed25519',
      signatureAlgorithm: 'Ed25519',
      requestedEku: ['clientAuth'],
      requestedSan: { dns: ['vc01.lab.local'], ip: ['10.0.0.5'] }
    })
    // The CSR holds vCenter's public key only: the private key never appears in it.
    expect(csrPem).not.toContain(vcenterKey.privateKeyPkcs8Pem.split('\n')[1])
  })

  it('is deterministic: same key and subject, same bytes', async () => {
    expect((await setup('same')).csrPem).toBe((await setup('same')).csrPem)
    expect((await setup('same')).csrPem).not.toBe((await setup('other')).csrPem)
  })

  it('is signed by the KMS CA into a certificate for the same key, with the EKU the CA chooses', async () => {
    const { random, kmsCa, vcenterKey, csrPem } = await setup('sign')
    const pem = await signCsr({ ca: kmsCa, csrPem, eku: ['clientAuth'], notBefore: T0, notAfter: T0 + 365 * DAY, random })
    const cert = new X509Certificate(pem)
    const ca = new X509Certificate(kmsCa.certificatePem)
    expect(cert.checkIssued(ca)).toBe(true)
    expect(cert.verify(ca.publicKey)).toBe(true)
    expect(cert.subject).toBe('O=Lab\nCN=vc01.lab.local')
    expect(cert.publicKey.export({ type: 'spki', format: 'pem' })).toBe(vcenterKey.publicKeySpkiPem)
    expect(cert.subjectAltName).toBe('DNS:vc01.lab.local, IP Address:10.0.0.5')
    expect(describeCertificate(pem)).toMatchObject({ eku: ['clientAuth'], notAfter: new Date((T0 + 365 * DAY) * 1000).toISOString() })

    // A CA profile overrides what the request asked for.
    const serverPem = await signCsr({ ca: kmsCa, csrPem, eku: ['serverAuth'], san: { dns: ['other.lab'] }, notBefore: T0, notAfter: T0 + DAY, random })
    expect(describeCertificate(serverPem)).toMatchObject({ eku: ['serverAuth'], san: { dns: ['other.lab'], ip: [] } })
  })

  it('is refused when altered in transit (proof of possession fails)', async () => {
    const { random, kmsCa, csrPem } = await setup('tamper')
    const renamed = replaceAscii(csrPem, 'CERTIFICATE REQUEST', 'vc01.lab.local', 'vc66.lab.local')
    expect(describeCsr(renamed).subjectCn).toBe('vc66.lab.local')
    expect(await verifyCsr(renamed)).toBe(false)
    expect(await verifyCsr(flipLastByte(csrPem, 'CERTIFICATE REQUEST'))).toBe(false)
    expect(await verifyCsr('not a CSR')).toBe(false)
    await expect(
      signCsr({ ca: kmsCa, csrPem: renamed, eku: ['clientAuth'], notBefore: T0, notAfter: T0 + DAY, random })
    ).rejects.toThrow(/possession/)
  })
})
