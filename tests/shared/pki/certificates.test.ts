import { X509Certificate, createPublicKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  createCa,
  createKmsPki,
  createSelfSigned,
  createVmcaRoot,
  describeCertificate,
  establishTrust,
  generateKeyPair,
  issueCertificate
} from '../../../shared/pki/index.js'
import { DAY, seededRandom, T0 } from './support.js'

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2'
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1'

const nodeDate = (text: string) => new Date(text).toISOString()
const colonHex = (hex: string) => hex.toUpperCase().match(/../g)!.join(':')

async function vcenterAndKms(seed: string) {
  const random = seededRandom(seed)
  const vmca = await createVmcaRoot({ vcenterName: 'vc01.lab.local', now: T0, random })
  const kms = await createKmsPki({ kmsName: 'kms01.lab.local', kmsIps: ['127.0.0.1', '::1'], now: T0, random })
  const clientKey = await generateKeyPair(random)
  const client = await issueCertificate({
    issuer: vmca,
    subjectPublicKey: clientKey.publicKeySpkiPem,
    subject: 'vc01.lab.local',
    eku: ['clientAuth'],
    notBefore: T0,
    notAfter: T0 + 730 * DAY,
    random
  })
  return { vmca, kms, client, clientKey }
}

describe('certificates, read back by Node (OpenSSL) as an independent parser', () => {
  it('issues a CA that Node sees as a self-signed Ed25519 CA with the given subject and validity', async () => {
    const ca = await createCa({
      subject: { commonName: 'Lab Root', organization: 'KeyFlow, Inc.', country: 'US' },
      notBefore: T0,
      notAfter: T0 + 3650 * DAY,
      random: seededRandom('ca')
    })
    const x = new X509Certificate(ca.certificatePem)
    expect(x.subject).toBe('C=US\nO=KeyFlow\\, Inc.\nCN=Lab Root')
    expect(x.issuer).toBe(x.subject)
    expect(x.ca).toBe(true)
    expect(x.publicKey.asymmetricKeyType).toBe('ed25519')
    expect(nodeDate(x.validFrom)).toBe(new Date(T0 * 1000).toISOString())
    expect(nodeDate(x.validTo)).toBe(new Date((T0 + 3650 * DAY) * 1000).toISOString())
    expect(x.checkIssued(x)).toBe(true)
    expect(x.verify(x.publicKey)).toBe(true)
    expect(x.verify(createPublicKey(ca.keyPair.publicKeySpkiPem))).toBe(true)
  })

  it('issues leaves that Node verifies with the issuer key, with EKU and SAN as asked', async () => {
    const { vmca, kms, client } = await vcenterAndKms('leaves')
    const root = new X509Certificate(vmca.certificatePem)
    const leaf = new X509Certificate(client)
    expect(leaf.subject).toBe('CN=vc01.lab.local')
    expect(leaf.checkIssued(root)).toBe(true)
    expect(leaf.verify(root.publicKey)).toBe(true)
    expect(leaf.ca).toBe(false)
    expect(leaf.keyUsage).toEqual([CLIENT_AUTH]) // Node reports the extended key usage here

    const server = new X509Certificate(kms.server.certificatePem)
    const kmsCa = new X509Certificate(kms.ca.certificatePem)
    expect(server.checkIssued(kmsCa)).toBe(true)
    expect(server.checkIssued(root)).toBe(false)
    expect(server.verify(kmsCa.publicKey)).toBe(true)
    expect(server.verify(root.publicKey)).toBe(false)
    expect(server.keyUsage).toEqual([SERVER_AUTH])
    expect(server.subjectAltName).toBe('DNS:kms01.lab.local, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1')
    expect(server.checkHost('kms01.lab.local')).toBe('kms01.lab.local')
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1')
  })

  it('describes a certificate the same way Node reads it', async () => {
    const { kms } = await vcenterAndKms('describe')
    const x = new X509Certificate(kms.server.certificatePem)
    const d = describeCertificate(kms.server.certificatePem)
    expect(d.subjectCn).toBe('kms01.lab.local')
    expect(d.issuerCn).toBe('kms01.lab.local KMIP CA')
    expect(d.subject.split(', ').join('\n')).toBe(x.subject)
    expect(d.issuer.split(', ').join('\n')).toBe(x.issuer)
    expect(d.serialNumber.toUpperCase()).toBe(x.serialNumber)
    expect(d.notBefore).toBe(nodeDate(x.validFrom))
    expect(d.notAfter).toBe(nodeDate(x.validTo))
    expect(colonHex(d.fingerprintSha1)).toBe(x.fingerprint)
    expect(colonHex(d.fingerprintSha256)).toBe(x.fingerprint256)
    expect(d.eku).toEqual(['serverAuth'])
    expect(d.isCa).toBe(x.ca)
    expect(d.selfSigned).toBe(false)
    expect(d.keyUsage).toEqual(['digitalSignature'])
    expect(d.san).toEqual({ dns: ['kms01.lab.local'], ip: ['127.0.0.1', '::1'] })
    expect(d.publicKeyAlgorithm).toBe('Ed25519')
    expect(d.signatureAlgorithm).toBe('Ed25519')
    expect(d.authorityKeyId).toBe(describeCertificate(kms.ca.certificatePem).subjectKeyId)

    const ca = describeCertificate(kms.ca.certificatePem)
    expect(ca.isCa).toBe(true)
    expect(ca.selfSigned).toBe(true)
    expect(ca.keyUsage).toEqual(['keyCertSign', 'cRLSign'])
    expect(ca.eku).toEqual([])
    expect(ca.hasEkuExtension).toBe(false)
  })

  it("reports vSphere's secondsSinceValid / secondsBeforeExpire at a check time", async () => {
    const { kms } = await vcenterAndKms('check-time')
    const d = describeCertificate(kms.server.certificatePem, new Date((T0 + 100) * 1000 + 999))
    expect(d.checkTime).toBe(new Date((T0 + 100) * 1000).toISOString())
    expect(d.secondsSinceValid).toBe(100)
    expect(d.secondsBeforeExpire).toBe(730 * DAY - 100)
  })

  it('makes a self-signed leaf (vCenter Certificate mode) that is not a CA', async () => {
    const self = await createSelfSigned({
      subject: 'vc01.lab.local',
      eku: ['clientAuth'],
      san: { dns: ['vc01.lab.local'] },
      notBefore: T0,
      notAfter: T0 + DAY,
      random: seededRandom('self')
    })
    const x = new X509Certificate(self.certificatePem)
    expect(x.checkIssued(x)).toBe(true)
    expect(x.verify(x.publicKey)).toBe(true)
    expect(x.ca).toBe(false)
    expect(x.keyUsage).toEqual([CLIENT_AUTH])
    expect(describeCertificate(self.certificatePem)).toMatchObject({ selfSigned: true, isCa: false, keyUsage: [], subjectCn: 'vc01.lab.local' })
  })

  it('leaves the EKU extension out when asked for none (the PyKMIP failure case)', async () => {
    const random = seededRandom('no-eku')
    const ca = await createCa({ subject: 'CA', notBefore: T0, notAfter: T0 + DAY, random })
    const key = await generateKeyPair(random)
    const pem = await issueCertificate({ issuer: ca, subjectPublicKey: key.publicKeySpkiPem, subject: 'vc', eku: [], notBefore: T0, notAfter: T0 + DAY, random })
    expect(new X509Certificate(pem).keyUsage).toBeUndefined()
    expect(describeCertificate(pem)).toMatchObject({ eku: [], hasEkuExtension: false })
  })

  it('rounds times down to whole seconds, accepting Dates and POSIX seconds alike', async () => {
    const ca1 = await createCa({ subject: 'CA', notBefore: new Date(T0 * 1000 + 750), notAfter: T0 + DAY + 0.9, random: seededRandom('t') })
    const ca2 = await createCa({ subject: 'CA', notBefore: T0, notAfter: new Date((T0 + DAY) * 1000), random: seededRandom('t') })
    expect(ca1.certificatePem).toBe(ca2.certificatePem)
    expect(describeCertificate(ca1.certificatePem).notBefore).toBe('2026-01-01T00:00:00.000Z')
  })

  it('uses 16-byte positive serial numbers drawn from the generator', async () => {
    const random = seededRandom('serials')
    const ca = await createCa({ subject: 'CA', notBefore: T0, notAfter: T0 + DAY, random })
    const serials = new Set<string>([describeCertificate(ca.certificatePem).serialNumber])
    for (let i = 0; i < 5; i++) {
      const pem = await issueCertificate({ issuer: ca, subjectPublicKey: ca.keyPair.publicKeySpkiPem, subject: `leaf${i}`, eku: ['serverAuth'], notBefore: T0, notAfter: T0 + DAY, random })
      serials.add(new X509Certificate(pem).serialNumber.toLowerCase())
    }
    expect(serials.size).toBe(6)
    for (const s of serials) expect(s).toMatch(/^[4-7][0-9a-f]{31}$/)
    expect(random.consumed()).toBe(32 + 6 * 16)
  })

  it('refuses an empty validity window, an empty CN and an issuer key that does not match', async () => {
    const random = seededRandom('errors')
    await expect(createCa({ subject: 'CA', notBefore: T0, notAfter: T0, random })).rejects.toThrow(/notAfter/)
    await expect(createCa({ subject: ' ', notBefore: T0, notAfter: T0 + 1, random })).rejects.toThrow(/common name/)
    const ca = await createCa({ subject: 'CA', notBefore: T0, notAfter: T0 + DAY, random })
    const other = await generateKeyPair(random)
    await expect(
      issueCertificate({ issuer: { ...ca, keyPair: other }, subjectPublicKey: other.publicKeySpkiPem, subject: 'x', eku: ['clientAuth'], notBefore: T0, notAfter: T0 + DAY, random })
    ).rejects.toThrow(/does not belong/)
  })
})

describe('determinism: the same seed replays byte-identical PKI', () => {
  const scenario = async (seed: string) => {
    const random = seededRandom(seed)
    const vmca = await createVmcaRoot({ vcenterName: 'vc01.lab.local', now: T0, random })
    const kms = await createKmsPki({ kmsName: 'kms01.lab.local', now: T0, random })
    const trust = []
    for (const mode of ['vcenter-root-ca', 'vcenter-cert', 'kms-cert-and-key', 'csr'] as const) {
      trust.push(await establishTrust({ kmsTrustsVcenter: mode, vcenterTrustsKms: 'kms-ca-certificate' }, { vcenterName: 'vc01.lab.local', vmca, kms, now: T0, random }))
    }
    return JSON.stringify({ vmca, kms, trust })
  }

  it('same seed, same bytes; other seed, other keys', async () => {
    const a = await scenario('replay')
    const b = await scenario('replay')
    const c = await scenario('another')
    expect(b).toBe(a)
    expect(c).not.toBe(a)
    const keysOf = (json: string) => new Set([...json.matchAll(/"publicKeyHex":"([0-9a-f]{64})"/g)].map((m) => m[1]))
    const keysA = keysOf(a)
    expect(keysA.size).toBe(1 + 2 + 4) // VMCA, KMS CA + server, one client key per mode
    for (const k of keysOf(c)) expect(keysA.has(k)).toBe(false)
  })
})
