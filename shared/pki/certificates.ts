import { caExtensions, leafExtensions } from './extensions.js'
import { generateKeyPair, importSigningKey, privateKeyMatchesCertificate } from './keys.js'
import { toJsonName } from './names.js'
import { fromPem, toPem } from './pem.js'
import { randomSerialNumberHex } from './random.js'
import { toDate } from './time.js'
import type {
  CertificateAuthority,
  CertifiedKeyPair,
  ExtendedKeyUsageName,
  KeyPair,
  LabTime,
  RandomSource,
  SubjectAltNames,
  SubjectInput
} from './types.js'
import { type Extension, type JsonName, type Name, X509Certificate, X509CertificateGenerator } from './x509.js'

// Issuing X.509 certificates. Randomness is consumed in a fixed order (key seed first when a key
// is generated, then the serial number) so that the same generator reissues the same bytes, and
// the Ed25519 signature itself is deterministic.

const ED25519 = { name: 'Ed25519' } as const

interface Validity {
  notBefore: LabTime
  notAfter: LabTime
}

export interface CreateCaOptions extends Validity {
  subject: SubjectInput
  random: RandomSource
  /** Re-use a key (a CA renewed with the same key); otherwise one is drawn from `random`. */
  keyPair?: KeyPair
  /**
   * The parent CA for a subordinate CA (VMCA can run as an intermediate of an enterprise CA);
   * absent for a self-signed root.
   */
  issuer?: CertificateAuthority
}

export interface IssueCertificateOptions extends Validity {
  issuer: CertificateAuthority
  /** SPKI PEM of the key being certified; the issuer never sees the matching private key. */
  subjectPublicKey: string
  subject: SubjectInput
  /** Empty means "no EKU extension" (what PyKMIP refuses), not "any purpose". */
  eku: readonly ExtendedKeyUsageName[]
  san?: SubjectAltNames
  random: RandomSource
}

export interface CreateSelfSignedOptions extends Validity {
  subject: SubjectInput
  eku: readonly ExtendedKeyUsageName[]
  san?: SubjectAltNames
  random: RandomSource
  keyPair?: KeyPair
}

/** A CA: a self-signed root (VMCA's root, a KMS vendor's CA) or, with `issuer`, a subordinate CA. */
export async function createCa(options: CreateCaOptions): Promise<CertificateAuthority> {
  const keyPair = options.keyPair ?? (await generateKeyPair(options.random))
  const spki = fromPem(keyPair.publicKeySpkiPem, 'PUBLIC KEY')
  const parent = options.issuer
  if (parent) await assertIssuerKey(parent)
  const parentCertificate = parent ? new X509Certificate(parent.certificatePem) : undefined
  const certificatePem = await signCertificate({
    subject: toJsonName(options.subject),
    issuer: parentCertificate?.subjectName ?? toJsonName(options.subject),
    publicKeySpki: spki,
    signingKeyPem: (parent?.keyPair ?? keyPair).privateKeyPkcs8Pem,
    serialNumberHex: randomSerialNumberHex(options.random),
    validity: options,
    extensions: await caExtensions(spki, parentCertificate)
  })
  return { certificatePem, keyPair }
}

/** A TLS leaf signed by `issuer`. */
export async function issueCertificate(options: IssueCertificateOptions): Promise<string> {
  const issuerCertificate = new X509Certificate(options.issuer.certificatePem)
  await assertIssuerKey(options.issuer)
  const spki = fromPem(options.subjectPublicKey, 'PUBLIC KEY')
  return signCertificate({
    subject: toJsonName(options.subject),
    issuer: issuerCertificate.subjectName,
    publicKeySpki: spki,
    signingKeyPem: options.issuer.keyPair.privateKeyPkcs8Pem,
    serialNumberHex: randomSerialNumberHex(options.random),
    validity: options,
    extensions: await leafExtensions({ publicKeySpki: spki, eku: options.eku, san: options.san, issuerCertificate })
  })
}

/**
 * A self-signed TLS leaf (not a CA), like the KMIP client certificate vCenter generates for the
 * "vCenter Certificate" mode. A peer can trust it only by holding this exact certificate.
 */
export async function createSelfSigned(options: CreateSelfSignedOptions): Promise<CertifiedKeyPair> {
  const keyPair = options.keyPair ?? (await generateKeyPair(options.random))
  const spki = fromPem(keyPair.publicKeySpkiPem, 'PUBLIC KEY')
  const certificatePem = await signCertificate({
    subject: toJsonName(options.subject),
    issuer: toJsonName(options.subject),
    publicKeySpki: spki,
    signingKeyPem: keyPair.privateKeyPkcs8Pem,
    serialNumberHex: randomSerialNumberHex(options.random),
    validity: options,
    extensions: await leafExtensions({ publicKeySpki: spki, eku: options.eku, san: options.san })
  })
  return { certificatePem, keyPair }
}

export interface SignCertificateInput {
  subject: JsonName | Name
  issuer: JsonName | Name
  publicKeySpki: Uint8Array<ArrayBuffer>
  signingKeyPem: string
  serialNumberHex: string
  validity: Validity
  extensions: Extension[]
}

/** The one place a certificate is signed; CSR signing goes through here too. */
export async function signCertificate(input: SignCertificateInput): Promise<string> {
  const notBefore = toDate(input.validity.notBefore)
  const notAfter = toDate(input.validity.notAfter)
  if (notAfter.getTime() <= notBefore.getTime()) {
    throw new RangeError(`notAfter (${notAfter.toISOString()}) must be later than notBefore (${notBefore.toISOString()})`)
  }
  const certificate = await X509CertificateGenerator.create({
    serialNumber: input.serialNumberHex,
    subject: input.subject,
    issuer: input.issuer,
    notBefore,
    notAfter,
    publicKey: input.publicKeySpki,
    signingKey: await importSigningKey(input.signingKeyPem),
    signingAlgorithm: ED25519,
    extensions: input.extensions
  })
  return toPem(certificate.rawData, 'CERTIFICATE')
}

/** Signing with the wrong key would yield certificates nobody can verify; fail at issuance instead. */
export async function assertIssuerKey(issuer: CertificateAuthority): Promise<void> {
  if (!(await privateKeyMatchesCertificate(issuer.keyPair.privateKeyPkcs8Pem, issuer.certificatePem))) {
    throw new Error(`the private key does not belong to the issuer certificate ${new X509Certificate(issuer.certificatePem).subject}`)
  }
}
