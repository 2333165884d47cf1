import { X509Certificate } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createKmsPki,
  createVmcaRoot,
  DEFAULT_VALIDITY_DAYS,
  describeCertificate,
  describeCsr,
  establishTrust,
  KMS_TRUSTS_VCENTER_MODES,
  type KmsPki,
  makeKmsTrustVcenter,
  makeVcenterTrustKms,
  privateKeyMatchesCertificate,
  type CertificateAuthority,
  type TrustSetup,
  VCENTER_TRUSTS_KMS_MODES,
  verifyPeer
} from '../../../shared/pki/index.js'
import { DAY, seededRandom, T0 } from './support.js'

const VCENTER = 'vc01.lab.local'
let vmca: CertificateAuthority
let kms: KmsPki
const setup = (seed: string, extra: Partial<TrustSetup> = {}): TrustSetup => ({
  vcenterName: VCENTER,
  vmca,
  kms,
  now: T0,
  random: seededRandom(seed),
  ...extra
})

beforeAll(async () => {
  const random = seededRandom('trust-world')
  vmca = await createVmcaRoot({ vcenterName: VCENTER, now: T0, random })
  kms = await createKmsPki({ kmsName: 'kms01.lab.local', kmsIps: ['127.0.0.1'], now: T0, random })
})

describe('Make KMS trust vCenter + Make vCenter trust KMS: every combination works both ways', () => {
  for (const clientMode of KMS_TRUSTS_VCENTER_MODES) {
    for (const serverMode of VCENTER_TRUSTS_KMS_MODES) {
      it(`${clientMode} / ${serverMode}`, async () => {
        const t = await establishTrust({ kmsTrustsVcenter: clientMode, vcenterTrustsKms: serverMode }, setup(clientMode))
        const at = T0 + DAY
        // The KMS (PyKMIP rules) accepts vCenter, and sees vCenter's FQDN as the object owner.
        expect(
          await verifyPeer({ certificatePem: t.vcenter.clientCertificatePem, trustedPems: t.kms.trustedClientPems, at, requiredEku: 'clientAuth' })
        ).toMatchObject({ ok: true, subjectCn: VCENTER })
        // vCenter accepts the KMS.
        expect(
          await verifyPeer({
            certificatePem: t.kms.serverCertificatePem,
            trustedPems: t.vcenter.trustedKmsPems,
            at,
            requiredEku: 'serverAuth',
            partialChain: t.vcenter.pinsKmsServerCertificate
          })
        ).toMatchObject({ ok: true, subjectCn: 'kms01.lab.local' })
        expect(await privateKeyMatchesCertificate(t.vcenter.clientKeyPair.privateKeyPkcs8Pem, t.vcenter.clientCertificatePem)).toBe(true)
        expect(t.steps[0]).toEqual({
          from: 'kms',
          to: 'vcenter',
          what: serverMode === 'kms-server-certificate' ? 'certificate' : 'caCertificate',
          pem: serverMode === 'kms-server-certificate' ? kms.server.certificatePem : kms.ca.certificatePem
        })
      })
    }
  }
})

describe('what crosses the wire, mode by mode', () => {
  it('vcenter-root-ca: only the VMCA root goes to the KMS; the client certificate is VMCA-issued', async () => {
    const t = await makeKmsTrustVcenter('vcenter-root-ca', setup('root-ca'))
    expect(t.steps).toEqual([{ from: 'vcenter', to: 'kms', what: 'caCertificate', pem: vmca.certificatePem }])
    expect(t.kms.trustedClientPems).toEqual([vmca.certificatePem])
    expect(new X509Certificate(t.vcenter.clientCertificatePem).checkIssued(new X509Certificate(vmca.certificatePem))).toBe(true)
  })

  it('vcenter-cert: vCenter uploads its own self-signed certificate, which the KMS trusts as is', async () => {
    const t = await makeKmsTrustVcenter('vcenter-cert', setup('self'))
    expect(t.steps).toEqual([{ from: 'vcenter', to: 'kms', what: 'certificate', pem: t.vcenter.clientCertificatePem }])
    expect(t.kms.trustedClientPems).toEqual([t.vcenter.clientCertificatePem])
    expect(describeCertificate(t.vcenter.clientCertificatePem)).toMatchObject({ selfSigned: true, isCa: false, eku: ['clientAuth'] })
  })

  it('kms-cert-and-key: the KMS sends a certificate and the private key that goes with it', async () => {
    const t = await makeKmsTrustVcenter('kms-cert-and-key', setup('cert-and-key'))
    expect(t.steps.map((s) => [s.from, s.to, s.what])).toEqual([
      ['kms', 'vcenter', 'certificate'],
      ['kms', 'vcenter', 'privateKey']
    ])
    expect(t.steps[1].pem).toBe(t.vcenter.clientKeyPair.privateKeyPkcs8Pem)
    expect(await privateKeyMatchesCertificate(t.steps[1].pem, t.steps[0].pem)).toBe(true)
    expect(t.kms.trustedClientPems).toEqual([kms.ca.certificatePem])
  })

  it('csr: vCenter keeps its key; only the CSR and the signed certificate travel', async () => {
    const t = await makeKmsTrustVcenter('csr', setup('csr'))
    expect(t.steps).toEqual([
      { from: 'vcenter', to: 'kms', what: 'csr', pem: t.csrPem },
      { from: 'kms', to: 'vcenter', what: 'certificate', pem: t.vcenter.clientCertificatePem }
    ])
    const csr = describeCsr(t.csrPem!)
    expect(csr.subjectCn).toBe(VCENTER)
    // The certified key is the one in the CSR, i.e. the key vCenter kept.
    expect(new X509Certificate(t.vcenter.clientCertificatePem).publicKey.export({ type: 'spki', format: 'pem' })).toBe(
      t.vcenter.clientKeyPair.publicKeySpkiPem
    )
    expect(new X509Certificate(t.vcenter.clientCertificatePem).checkIssued(new X509Certificate(kms.ca.certificatePem))).toBe(true)
  })

  it('a private key crosses the wire in the kms-cert-and-key mode only', async () => {
    for (const mode of KMS_TRUSTS_VCENTER_MODES) {
      const t = await makeKmsTrustVcenter(mode, setup(`leak-${mode}`))
      const carriesKey = t.steps.some((s) => s.what === 'privateKey' || s.pem.includes('PRIVATE KEY'))
      expect({ mode, carriesKey }).toEqual({ mode, carriesKey: mode === 'kms-cert-and-key' })
    }
  })
})

describe('before trust is established, the peers refuse each other as the logs show', () => {
  it('a KMS that only trusts its own CA refuses VMCA-issued and self-signed vCenter certificates', async () => {
    const kmsStoreBefore = [kms.ca.certificatePem]
    const rootCa = await makeKmsTrustVcenter('vcenter-root-ca', setup('before-root'))
    expect(
      await verifyPeer({ certificatePem: rootCa.vcenter.clientCertificatePem, trustedPems: kmsStoreBefore, at: T0, requiredEku: 'clientAuth' })
    ).toMatchObject({ ok: false, code: 'unknownIssuer', message: 'certificate verify failed: unable to get local issuer certificate' })
    const self = await makeKmsTrustVcenter('vcenter-cert', setup('before-self'))
    expect(
      await verifyPeer({ certificatePem: self.vcenter.clientCertificatePem, trustedPems: kmsStoreBefore, at: T0, requiredEku: 'clientAuth' })
    ).toMatchObject({ ok: false, code: 'unknownIssuer', message: 'certificate verify failed: self-signed certificate' })
  })

  it('vCenter that has not accepted the KMS certificate yet refuses the KMS', async () => {
    expect(
      await verifyPeer({ certificatePem: kms.server.certificatePem, trustedPems: [vmca.certificatePem], at: T0, requiredEku: 'serverAuth' })
    ).toMatchObject({ ok: false, code: 'unknownIssuer' })
  })
})

describe('validity: defaults per mode, every date overridable', () => {
  it('uses the documented defaults', async () => {
    const expected = {
      'vcenter-root-ca': DEFAULT_VALIDITY_DAYS.vcenterClient,
      'vcenter-cert': DEFAULT_VALIDITY_DAYS.vcenterSelfSigned,
      'kms-cert-and-key': DEFAULT_VALIDITY_DAYS.kmsIssuedClient,
      csr: DEFAULT_VALIDITY_DAYS.kmsIssuedClient
    }
    for (const mode of KMS_TRUSTS_VCENTER_MODES) {
      const d = describeCertificate((await makeKmsTrustVcenter(mode, setup(`days-${mode}`))).vcenter.clientCertificatePem)
      expect({ mode, days: (Date.parse(d.notAfter) - Date.parse(d.notBefore)) / 1000 / DAY }).toEqual({ mode, days: expected[mode] })
    }
    const vmcaDays = describeCertificate(vmca.certificatePem)
    expect((Date.parse(vmcaDays.notAfter) - Date.parse(vmcaDays.notBefore)) / 1000 / DAY).toBe(DEFAULT_VALIDITY_DAYS.vmcaRoot)
  })

  it('takes explicit dates, and an expired KMS-issued certificate is then refused', async () => {
    const t = await makeKmsTrustVcenter('kms-cert-and-key', setup('dates', { clientNotBefore: T0 + DAY, clientNotAfter: T0 + 31 * DAY }))
    const d = describeCertificate(t.vcenter.clientCertificatePem)
    expect([d.notBefore, d.notAfter]).toEqual([new Date((T0 + DAY) * 1000).toISOString(), new Date((T0 + 31 * DAY) * 1000).toISOString()])
    const check = (at: number) => verifyPeer({ certificatePem: t.vcenter.clientCertificatePem, trustedPems: t.kms.trustedClientPems, at, requiredEku: 'clientAuth' })
    expect(await check(T0)).toMatchObject({ code: 'notYetValid' })
    expect(await check(T0 + 2 * DAY)).toMatchObject({ ok: true })
    expect(await check(T0 + 31 * DAY)).toMatchObject({ code: 'expired', message: 'certificate verify failed: certificate has expired' })
  })

  it('consumes randomness in a fixed order (client key, then serial) and needs VMCA for the root-CA mode', async () => {
    for (const mode of KMS_TRUSTS_VCENTER_MODES) {
      const s = setup(`count-${mode}`)
      await makeKmsTrustVcenter(mode, s)
      expect({ mode, consumed: (s.random as ReturnType<typeof seededRandom>).consumed() }).toEqual({ mode, consumed: 32 + 16 })
    }
    await expect(makeKmsTrustVcenter('vcenter-root-ca', setup('no-vmca', { vmca: undefined }))).rejects.toThrow(/VMCA/)
  })

  it('makeVcenterTrustKms needs no randomness and only moves public material', () => {
    const pinned = makeVcenterTrustKms('kms-server-certificate', kms)
    expect(pinned.vcenter).toEqual({ trustedKmsPems: [kms.server.certificatePem], pinsKmsServerCertificate: true })
    const viaCa = makeVcenterTrustKms('kms-ca-certificate', kms)
    expect(viaCa.vcenter).toEqual({ trustedKmsPems: [kms.ca.certificatePem], pinsKmsServerCertificate: false })
  })
})
