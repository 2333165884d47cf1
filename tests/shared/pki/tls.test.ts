import { beforeAll, describe, expect, it } from 'vitest'
import {
  type CertificateAuthority,
  createKmsPki,
  createVmcaRoot,
  establishTrust,
  generateKeyPair,
  issueCertificate,
  KMS_TRUSTS_VCENTER_MODES,
  type KmsPki,
  makeKmsTrustVcenter,
  verifyPeer
} from '../../../shared/pki/index.js'
import { DAY, handshake, type HandshakeSide, seededRandom } from './support.js'

// Real mutual TLS on 127.0.0.1 with the lab's Ed25519 certificates: Node's TLS (OpenSSL 3) must
// accept exactly what verifyPeer accepts. Node checks certificates against the real clock, so
// this world is dated relative to now instead of the lab's logical clock.
//
// Only outcomes are compared here. Node accepts every verify error in its callback and reports the
// last one, whereas PyKMIP (Python's ssl) stops at the first: the first is what verifyPeer reports
// and what `openssl verify` prints (see openssl.test.ts).

const VCENTER = 'vc01.lab.local'
const NOW = Math.floor(Date.now() / 1000) - DAY
const VERSIONS = ['TLSv1.3', 'TLSv1.2'] as const

let vmca: CertificateAuthority
let kms: KmsPki
let kmsServer: Omit<HandshakeSide, 'ca'>

beforeAll(async () => {
  const random = seededRandom('tls-world')
  vmca = await createVmcaRoot({ vcenterName: VCENTER, now: NOW, random })
  kms = await createKmsPki({ kmsName: 'localhost', kmsIps: ['127.0.0.1'], now: NOW, random })
  kmsServer = { key: kms.server.keyPair.privateKeyPkcs8Pem, cert: kms.server.certificatePem }
})

describe('Node TLS handshakes with the certificates of every trust mode', () => {
  for (const mode of KMS_TRUSTS_VCENTER_MODES) {
    for (const version of VERSIONS) {
      it(`${mode} over ${version}`, async () => {
        const t = await establishTrust(
          { kmsTrustsVcenter: mode, vcenterTrustsKms: 'kms-ca-certificate' },
          { vcenterName: VCENTER, vmca, kms, now: NOW, random: seededRandom(`tls-${mode}`) }
        )
        const r = await handshake(
          { ...kmsServer, ca: t.kms.trustedClientPems },
          { key: t.vcenter.clientKeyPair.privateKeyPkcs8Pem, cert: t.vcenter.clientCertificatePem, ca: t.vcenter.trustedKmsPems },
          version
        )
        expect(r).toMatchObject({ ok: true, protocol: version, peerCn: VCENTER, serverError: null, clientError: null })
        // TLS 1.2 signs with Ed25519 under the ECDHE-ECDSA suites (RFC 8422); 1.3 suites are key-agnostic.
        expect(r.cipher).toMatch(version === 'TLSv1.2' ? /^ECDHE-ECDSA-/ : /^TLS_AES_/)
      })
    }
  }
})

describe('Node TLS refuses exactly what verifyPeer refuses at the handshake', () => {
  const client = async (seed: string, eku: ('clientAuth' | 'serverAuth')[], notBefore: number, notAfter: number) => {
    const random = seededRandom(seed)
    const key = await generateKeyPair(random)
    const cert = await issueCertificate({ issuer: vmca, subjectPublicKey: key.publicKeySpkiPem, subject: VCENTER, eku, notBefore, notAfter, random })
    return { key: key.privateKeyPkcs8Pem, cert }
  }

  const cases: [string, () => Promise<{ key: string; cert: string; trusted: string[] }>][] = [
    ['VMCA-issued, VMCA root not uploaded', async () => ({ ...(await client('u', ['clientAuth'], NOW, NOW + 30 * DAY)), trusted: [kms.ca.certificatePem] })],
    [
      'self-signed, not uploaded',
      async () => {
        const t = await makeKmsTrustVcenter('vcenter-cert', { vcenterName: VCENTER, kms, now: NOW, random: seededRandom('s') })
        return { key: t.vcenter.clientKeyPair.privateKeyPkcs8Pem, cert: t.vcenter.clientCertificatePem, trusted: [kms.ca.certificatePem] }
      }
    ],
    ['expired', async () => ({ ...(await client('e', ['clientAuth'], NOW - 30 * DAY, NOW)), trusted: [vmca.certificatePem] })],
    ['not yet valid', async () => ({ ...(await client('n', ['clientAuth'], NOW + 3 * DAY, NOW + 30 * DAY)), trusted: [vmca.certificatePem] })],
    ['EKU serverAuth only', async () => ({ ...(await client('p', ['serverAuth'], NOW, NOW + 30 * DAY)), trusted: [vmca.certificatePem] })],
    ['no EKU extension (refused later, per request, by PyKMIP)', async () => ({ ...(await client('x', [], NOW, NOW + 30 * DAY)), trusted: [vmca.certificatePem] })]
  ]

  for (const [name, make] of cases) {
    it(name, async () => {
      const c = await make()
      const ours = await verifyPeer({ certificatePem: c.cert, trustedPems: c.trusted, at: new Date(), requiredEku: 'clientAuth' })
      const handshakePasses = ours.ok || ours.failsAt === 'request'
      expect(ours.ok).toBe(false)
      for (const version of VERSIONS) {
        const r = await handshake({ ...kmsServer, ca: c.trusted }, { key: c.key, cert: c.cert, ca: [kms.ca.certificatePem] }, version)
        expect({ version, accepted: r.ok, peerCn: r.peerCn }).toEqual({
          version,
          accepted: handshakePasses,
          peerCn: handshakePasses ? VCENTER : null
        })
      }
    })
  }

  it('pinning the KMS server certificate needs a partial chain, which Node 20 TLS does not offer', async () => {
    const c = await client('pin', ['clientAuth'], NOW, NOW + 30 * DAY)
    const strict = await verifyPeer({ certificatePem: kms.server.certificatePem, trustedPems: [kms.server.certificatePem], at: new Date(), requiredEku: 'serverAuth' })
    expect(strict.ok).toBe(false)
    const r = await handshake({ ...kmsServer, ca: [vmca.certificatePem] }, { ...c, ca: [kms.server.certificatePem] }, 'TLSv1.3')
    expect(r.ok).toBe(false)
    expect(r.clientError).not.toBeNull()
  })
})
