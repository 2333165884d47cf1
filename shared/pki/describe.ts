import { sha1 } from '@noble/hashes/legacy.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { toHex } from '../crypto/bytes.js'
import { ekuName } from './extensions.js'
import { commonNames } from './names.js'
import { toDate, toPosixSeconds } from './time.js'
import type { ExtendedKeyUsageName, LabTime, SubjectAltNames } from './types.js'
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  type Extension,
  KeyUsageFlags,
  KeyUsagesExtension,
  Pkcs10CertificateRequest,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate
} from './x509.js'

// Read-only views of certificates and CSRs, shaped after vSphere's CryptoManagerKmipCertificateInfo
// (subject, issuer, serialNumber, notBefore, notAfter, fingerprint, checkTime, secondsSinceValid,
// secondsBeforeExpire) so the UI can show what the vSphere Client shows. Synchronous on purpose:
// describing needs no key operation, and the UI calls it while rendering.

const EXTENDED_KEY_USAGE_OID = '2.5.29.37'
const SUBJECT_ALT_NAME_OID = '2.5.29.17'

export interface CertificateDescription {
  /** RFC 4514-style text, in the order the name is encoded. */
  subject: string
  issuer: string
  /** The single CN PyKMIP would use as the client identity, or null if there is not exactly one. */
  subjectCn: string | null
  issuerCn: string | null
  /** Lowercase hex, without the DER sign pad. */
  serialNumber: string
  /** ISO 8601 UTC, whole seconds. */
  notBefore: string
  notAfter: string
  /** Lowercase hex of the DER: SHA-1 is what vSphere displays as the certificate fingerprint. */
  fingerprintSha1: string
  fingerprintSha256: string
  /** 'serverAuth' / 'clientAuth', or the dotted OID of any other purpose. Empty: no EKU extension. */
  eku: (ExtendedKeyUsageName | string)[]
  hasEkuExtension: boolean
  keyUsage: string[]
  isCa: boolean
  /** Issuer and subject are the same name and the AKI (if any) names the certificate's own key. */
  selfSigned: boolean
  san: Required<SubjectAltNames>
  publicKeyAlgorithm: string
  signatureAlgorithm: string
  subjectKeyId: string | null
  authorityKeyId: string | null
  /** Present when a check time was given, as in vSphere's certificate info. */
  checkTime?: string
  secondsSinceValid?: number
  secondsBeforeExpire?: number
}

export interface CsrDescription {
  subject: string
  subjectCn: string | null
  publicKeyAlgorithm: string
  signatureAlgorithm: string
  /** Lowercase hex SHA-256 of the SubjectPublicKeyInfo: lets a narration show that the key stayed put. */
  publicKeySha256: string
  requestedEku: (ExtendedKeyUsageName | string)[]
  requestedSan: Required<SubjectAltNames>
}

export function describeCertificate(certificatePem: string, checkTime?: LabTime): CertificateDescription {
  const certificate = new X509Certificate(certificatePem)
  const der = new Uint8Array(certificate.rawData)
  const ski = certificate.getExtension(SubjectKeyIdentifierExtension)?.keyId ?? null
  const aki = certificate.getExtension(AuthorityKeyIdentifierExtension)?.keyId ?? null
  const ekuExtension = certificate.getExtension(ExtendedKeyUsageExtension)
  const description: CertificateDescription = {
    subject: certificate.subject,
    issuer: certificate.issuer,
    subjectCn: singleOrNull(commonNames(certificate.subjectName)),
    issuerCn: singleOrNull(commonNames(certificate.issuerName)),
    serialNumber: certificate.serialNumber.toLowerCase(),
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    fingerprintSha1: toHex(sha1(der)),
    fingerprintSha256: toHex(sha256(der)),
    eku: ekuExtension ? Array.from(ekuExtension.usages, (oid) => ekuName(String(oid))) : [],
    hasEkuExtension: ekuExtension !== null,
    keyUsage: keyUsageNames(certificate.getExtension(KeyUsagesExtension)),
    isCa: certificate.getExtension(BasicConstraintsExtension)?.ca ?? false,
    selfSigned: isSelfIssued(certificate),
    san: readSan(certificate.extensions),
    publicKeyAlgorithm: certificate.publicKey.algorithm.name,
    signatureAlgorithm: certificate.signatureAlgorithm.name,
    subjectKeyId: ski,
    authorityKeyId: aki
  }
  if (checkTime !== undefined) {
    const at = toPosixSeconds(checkTime)
    description.checkTime = toDate(checkTime).toISOString()
    description.secondsSinceValid = at - toPosixSeconds(certificate.notBefore)
    description.secondsBeforeExpire = toPosixSeconds(certificate.notAfter) - at
  }
  return description
}

export function describeCsr(csrPem: string): CsrDescription {
  const csr = new Pkcs10CertificateRequest(csrPem)
  const ekuExtension = csr.extensions.find((e) => e.type === EXTENDED_KEY_USAGE_OID)
  return {
    subject: csr.subject,
    subjectCn: singleOrNull(commonNames(csr.subjectName)),
    publicKeyAlgorithm: csr.publicKey.algorithm.name,
    signatureAlgorithm: csr.signatureAlgorithm.name,
    publicKeySha256: toHex(sha256(new Uint8Array(csr.publicKey.rawData))),
    requestedEku: ekuExtension
      ? Array.from(new ExtendedKeyUsageExtension(ekuExtension.rawData).usages, (oid) => ekuName(String(oid)))
      : [],
    requestedSan: readSan(csr.extensions)
  }
}

/** DNS names and IP addresses of a SAN extension; other name forms are not used by the lab. */
export function readSan(extensions: readonly Extension[]): Required<SubjectAltNames> {
  const san: Required<SubjectAltNames> = { dns: [], ip: [] }
  const extension = extensions.find((e) => e.type === SUBJECT_ALT_NAME_OID)
  if (!extension) return san
  for (const name of new SubjectAlternativeNameExtension(extension.rawData).names.items) {
    if (name.type === 'dns') san.dns.push(name.value)
    if (name.type === 'ip') san.ip.push(name.value)
  }
  return san
}

/**
 * Self-issued with its own key, judged the way OpenSSL flags EXFLAG_SS: same subject and issuer
 * name, and an AKI that (if present) matches the SKI. The signature is checked separately.
 */
export function isSelfIssued(certificate: X509Certificate): boolean {
  if (!sameName(certificate.subjectName.toArrayBuffer(), certificate.issuerName.toArrayBuffer())) return false
  const ski = certificate.getExtension(SubjectKeyIdentifierExtension)?.keyId
  const aki = certificate.getExtension(AuthorityKeyIdentifierExtension)?.keyId
  return !aki || !ski || aki === ski
}

export function sameName(a: ArrayBuffer, b: ArrayBuffer): boolean {
  return toHex(new Uint8Array(a)) === toHex(new Uint8Array(b))
}

const KEY_USAGE_NAMES: [KeyUsageFlags, string][] = [
  [KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [KeyUsageFlags.cRLSign, 'cRLSign'],
  [KeyUsageFlags.encipherOnly, 'encipherOnly'],
  [KeyUsageFlags.decipherOnly, 'decipherOnly']
]

function keyUsageNames(extension: KeyUsagesExtension | null): string[] {
  if (!extension) return []
  return KEY_USAGE_NAMES.filter(([flag]) => (extension.usages & flag) !== 0).map(([, name]) => name)
}

function singleOrNull(values: string[]): string | null {
  return values.length === 1 ? values[0] : null
}
