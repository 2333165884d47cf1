import {
  type CertificateAuthority,
  createCa,
  createKmsPki,
  createSelfSigned,
  generateKeyPair,
  issueCertificate,
  type VerifyPeerOptions
} from '../../../shared/pki/index.js'
import {
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  X509Certificate,
  X509CertificateGenerator
} from '../../../shared/pki/x509.js'
import { flipLastByte, pemToDer } from './der.js'
import { DAY, seededRandom, T0 } from './support.js'

// A small world of real certificates, each with one real defect, shared by the verifier tests and
// the openssl cross-check. Expectations are stated as what should happen (ok, or which failure),
// never as bytes.

const YEAR = 365 * DAY

/** A certificate with a hand-picked subject/EKU that the lab's API deliberately cannot produce. */
async function oddClientCertificate(issuer: CertificateAuthority, subject: string, ekuOids: string[] | null, random: (n: number) => Uint8Array) {
  const key = await generateKeyPair(random)
  const signingKey = await globalThis.crypto.subtle.importKey('pkcs8', new Uint8Array(pemToDer(issuer.keyPair.privateKeyPkcs8Pem)), { name: 'Ed25519' }, false, ['sign'])
  const cert = await X509CertificateGenerator.create({
    serialNumber: '01',
    subject,
    issuer: new X509Certificate(issuer.certificatePem).subjectName,
    notBefore: new Date(T0 * 1000),
    notAfter: new Date((T0 + YEAR) * 1000),
    publicKey: new Uint8Array(pemToDer(key.publicKeySpkiPem)),
    signingKey,
    signingAlgorithm: { name: 'Ed25519' },
    extensions: [
      new BasicConstraintsExtension(false, undefined, true),
      ...(ekuOids ? [new ExtendedKeyUsageExtension(ekuOids)] : [])
    ]
  })
  return `${cert.toString('pem')}\n`
}

export async function buildWorld() {
  const random = seededRandom('defects')
  const vmca = await createCa({ subject: 'VMCA Root', notBefore: T0, notAfter: T0 + 10 * YEAR, random })
  const otherCa = await createCa({ subject: 'Some Other CA', notBefore: T0, notAfter: T0 + 10 * YEAR, random })
  const clientKey = await generateKeyPair(random)
  const issue = (issuer: CertificateAuthority, eku: ('clientAuth' | 'serverAuth')[], notBefore = T0, notAfter = T0 + 2 * YEAR) =>
    issueCertificate({ issuer, subjectPublicKey: clientKey.publicKeySpkiPem, subject: 'vc01.lab.local', eku, notBefore, notAfter, random })
  const client = await issue(vmca, ['clientAuth'])
  const noEku = await issue(vmca, [])
  const serverOnly = await issue(vmca, ['serverAuth'])
  const future = await issue(vmca, ['clientAuth'], T0 + YEAR, T0 + 2 * YEAR)
  const selfSigned = await createSelfSigned({ subject: 'vc01.lab.local', eku: ['clientAuth'], notBefore: T0, notAfter: T0 + 2 * YEAR, random })
  const regenerated = await createSelfSigned({ subject: 'vc01.lab.local', eku: ['clientAuth'], notBefore: T0, notAfter: T0 + 2 * YEAR, random })
  // A leaf signed by a self-signed leaf: the "CA" is not a CA.
  const signedByLeaf = await issueCertificate({ issuer: selfSigned, subjectPublicKey: clientKey.publicKeySpkiPem, subject: 'vc02.lab.local', eku: ['clientAuth'], notBefore: T0, notAfter: T0 + YEAR, random })
  // An enterprise root with VMCA as its subordinate CA.
  const enterprise = await createCa({ subject: 'Enterprise Root', notBefore: T0, notAfter: T0 + 20 * YEAR, random })
  const subVmca = await createCa({ subject: 'VMCA Subordinate', issuer: enterprise, notBefore: T0, notAfter: T0 + 10 * YEAR, random })
  const viaSub = await issue(subVmca, ['clientAuth'])
  const shortCa = await createCa({ subject: 'Short-lived CA', notBefore: T0, notAfter: T0 + 30 * DAY, random })
  const underShortCa = await issue(shortCa, ['clientAuth'])
  const kms = await createKmsPki({ kmsName: 'kms01.lab.local', kmsIps: ['127.0.0.1'], now: T0, random })
  const noCn = await oddClientCertificate(vmca, 'O=No Common Name', ['1.3.6.1.5.5.7.3.2'], random)
  const twoCns = await oddClientCertificate(vmca, 'CN=vc01, CN=vc02', ['1.3.6.1.5.5.7.3.2'], random)
  const anyPurpose = await oddClientCertificate(vmca, 'CN=vc01.lab.local', ['2.5.29.37.0'], random)

  const at = T0 + DAY
  const client_ = (certificatePem: string, trustedPems: string[], extra: Partial<VerifyPeerOptions> = {}): VerifyPeerOptions => ({
    certificatePem,
    trustedPems,
    at,
    requiredEku: 'clientAuth',
    ...extra
  })

  const cases = {
    trusted: client_(client, [vmca.certificatePem]),
    lastSecond: client_(client, [vmca.certificatePem], { at: T0 + 2 * YEAR - 1 }),
    otherCa: client_(client, [otherCa.certificatePem]),
    emptyStore: client_(client, []),
    expired: client_(client, [vmca.certificatePem], { at: T0 + 2 * YEAR }),
    notYetValid: client_(future, [vmca.certificatePem]),
    tampered: client_(flipLastByte(client, 'CERTIFICATE'), [vmca.certificatePem]),
    noEku: client_(noEku, [vmca.certificatePem]),
    noEkuAsServer: client_(noEku, [vmca.certificatePem], { requiredEku: 'serverAuth' }),
    serverOnly: client_(serverOnly, [vmca.certificatePem]),
    selfSignedTrusted: client_(selfSigned.certificatePem, [selfSigned.certificatePem]),
    selfSignedUntrusted: client_(selfSigned.certificatePem, [vmca.certificatePem]),
    selfSignedRegenerated: client_(regenerated.certificatePem, [selfSigned.certificatePem]),
    signedByLeaf: client_(signedByLeaf, [selfSigned.certificatePem]),
    chain: client_(viaSub, [enterprise.certificatePem], { chainPems: [subVmca.certificatePem] }),
    chainMissingIntermediate: client_(viaSub, [enterprise.certificatePem]),
    chainUntrustedRoot: client_(viaSub, [vmca.certificatePem], { chainPems: [subVmca.certificatePem, enterprise.certificatePem] }),
    intermediateOnly: client_(viaSub, [subVmca.certificatePem]),
    intermediateOnlyPartial: client_(viaSub, [subVmca.certificatePem], { partialChain: true }),
    expiredCa: client_(underShortCa, [shortCa.certificatePem], { at: T0 + 31 * DAY }),
    pinnedServer: client_(kms.server.certificatePem, [kms.server.certificatePem], { requiredEku: 'serverAuth', partialChain: true }),
    pinnedServerStrict: client_(kms.server.certificatePem, [kms.server.certificatePem], { requiredEku: 'serverAuth' }),
    serverViaCa: client_(kms.server.certificatePem, [kms.ca.certificatePem], { requiredEku: 'serverAuth' }),
    noCn: client_(noCn, [vmca.certificatePem]),
    twoCns: client_(twoCns, [vmca.certificatePem]),
    anyPurpose: client_(anyPurpose, [vmca.certificatePem])
  } satisfies Record<string, VerifyPeerOptions>

  return { cases, vmca, client, clientKey, selfSigned, kms }
}
