import { assertIssuerKey, signCertificate } from './certificates.js'
import { readSan } from './describe.js'
import { EKU_OIDS, leafExtensions } from './extensions.js'
import { importSigningKey, importVerifyingKey } from './keys.js'
import { toJsonName } from './names.js'
import { toPem } from './pem.js'
import { randomSerialNumberHex } from './random.js'
import type {
  CertificateAuthority,
  ExtendedKeyUsageName,
  KeyPair,
  LabTime,
  RandomSource,
  SubjectAltNames,
  SubjectInput
} from './types.js'
import {
  type Extension,
  ExtendedKeyUsageExtension,
  Pkcs10CertificateRequest,
  Pkcs10CertificateRequestGenerator,
  SubjectAlternativeNameExtension,
  X509Certificate
} from './x509.js'

// PKCS#10 requests for the "New Certificate Signing Request" mode: vCenter keeps its private key
// and sends only the CSR (GenerateClientCsr never returns the key); the KMS's CA signs it.

const ED25519 = { name: 'Ed25519' } as const

export interface CreateCsrOptions {
  subject: SubjectInput
  keyPair: KeyPair
  /** Purposes the requester asks for; the signing CA decides what the certificate really gets. */
  eku?: readonly ExtendedKeyUsageName[]
  san?: SubjectAltNames
}

export interface SignCsrOptions {
  ca: CertificateAuthority
  csrPem: string
  eku: readonly ExtendedKeyUsageName[]
  /** Overrides the SAN the CSR asks for; by default the requested DNS names and IPs are kept. */
  san?: SubjectAltNames
  notBefore: LabTime
  notAfter: LabTime
  random: RandomSource
}

/** A CSR signed with the requester's key (Ed25519, so the same key and subject give the same bytes). */
export async function createCsr(options: CreateCsrOptions): Promise<string> {
  const requested: Extension[] = []
  if (options.eku?.length) requested.push(new ExtendedKeyUsageExtension(options.eku.map((e) => EKU_OIDS[e])))
  const names = [
    ...(options.san?.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(options.san?.ip ?? []).map((value) => ({ type: 'ip' as const, value }))
  ]
  if (names.length > 0) requested.push(new SubjectAlternativeNameExtension(names))
  const csr = await Pkcs10CertificateRequestGenerator.create({
    name: toJsonName(options.subject),
    keys: {
      privateKey: await importSigningKey(options.keyPair.privateKeyPkcs8Pem),
      publicKey: await importVerifyingKey(options.keyPair.publicKeySpkiPem)
    },
    signingAlgorithm: ED25519,
    extensions: requested
  })
  return toPem(csr.rawData, 'CERTIFICATE REQUEST')
}

/** Proof of possession: the CSR is signed by the private key matching the public key it carries. */
export async function verifyCsr(csrPem: string): Promise<boolean> {
  try {
    return await new Pkcs10CertificateRequest(csrPem).verify()
  } catch {
    return false
  }
}

/**
 * What the KMS's CA does with vCenter's CSR. The subject name is copied byte for byte; the EKU is
 * the CA's decision, as with real CAs that apply a certificate profile rather than trust a request.
 */
export async function signCsr(options: SignCsrOptions): Promise<string> {
  if (!(await verifyCsr(options.csrPem))) {
    throw new Error('the CSR signature does not verify: the requester did not prove possession of the key')
  }
  const csr = new Pkcs10CertificateRequest(options.csrPem)
  const issuerCertificate = new X509Certificate(options.ca.certificatePem)
  await assertIssuerKey(options.ca)
  const spki = new Uint8Array(csr.publicKey.rawData)
  return signCertificate({
    subject: csr.subjectName,
    issuer: issuerCertificate.subjectName,
    publicKeySpki: spki,
    signingKeyPem: options.ca.keyPair.privateKeyPkcs8Pem,
    serialNumberHex: randomSerialNumberHex(options.random),
    validity: options,
    extensions: await leafExtensions({
      publicKeySpki: spki,
      eku: options.eku,
      san: options.san ?? readSan(csr.extensions),
      issuerCertificate
    })
  })
}
