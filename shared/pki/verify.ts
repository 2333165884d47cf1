import { toHex } from '../crypto/bytes.js'
import { isSelfIssued, sameName } from './describe.js'
import { EKU_OIDS } from './extensions.js'
import { commonNames } from './names.js'
import { toDate } from './time.js'
import type { ExtendedKeyUsageName, LabTime } from './types.js'
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate
} from './x509.js'

// Peer certificate verification as the KMS (PyKMIP on OpenSSL) and vCenter perform it during the
// KMIP mutual-TLS handshake. The order of the checks and the error texts follow OpenSSL 3's
// X509_verify_cert: build the chain to a trusted certificate, check the purpose, then walk down
// from the trust anchor checking each signature and validity period. The first failure wins,
// which is what a TLS stack with the default verify callback reports.

export type PeerFailureCode = 'unknownIssuer' | 'expired' | 'notYetValid' | 'badSignature' | 'missingEku' | 'malformed'

export type PeerVerification =
  | {
      ok: true
      /** The client identity (KMIP object owner) for PyKMIP; null only when the certificate has no single CN. */
      subjectCn: string | null
      /** Leaf first, trust anchor last. */
      chainPems: string[]
    }
  | {
      ok: false
      code: PeerFailureCode
      /** The line a real peer logs, e.g. "certificate verify failed: unable to get local issuer certificate". */
      message: string
      /**
       * 'handshake': the TLS handshake is aborted. 'request': the handshake succeeds but the KMS
       * refuses every KMIP request (PyKMIP's EKU and client-identity checks run after TLS).
       */
      failsAt: 'handshake' | 'request'
      /** OpenSSL's X509_V_ERR_* number and chain depth when the failure is a certificate-verify error. */
      opensslError: number | null
      depth: number | null
    }

export interface VerifyPeerOptions {
  certificatePem: string
  /** Intermediates the peer sent after its leaf; they are never trusted by themselves. */
  chainPems?: string[]
  /** The verifier's trust store: CA certificates, or exact peer certificates that were uploaded. */
  trustedPems: string[]
  at: LabTime
  /**
   * 'clientAuth' when the KMS checks vCenter (PyKMIP: the EKU must be present and say clientAuth),
   * 'serverAuth' when vCenter checks the KMS (OpenSSL: an absent EKU allows any purpose).
   */
  requiredEku?: ExtendedKeyUsageName
  /**
   * OpenSSL's X509_V_FLAG_PARTIAL_CHAIN: a trusted certificate that is not self-signed may end the
   * chain. It models vCenter pinning an uploaded KMS server certificate; PyKMIP does not set it.
   */
  partialChain?: boolean
}

const MAX_CHAIN_DEPTH = 10

// X509_V_ERR_* numbers and X509_verify_cert_error_string() texts of OpenSSL 3.0 (the library under
// Debian 12's PyKMIP and Node 20). 1.1 differs in places: INVALID_CA was 24, unsupported purpose.
const X509_V_ERR = {
  UNABLE_TO_GET_ISSUER_CERT: [2, 'unable to get issuer certificate'],
  CERT_SIGNATURE_FAILURE: [7, 'certificate signature failure'],
  CERT_NOT_YET_VALID: [9, 'certificate is not yet valid'],
  CERT_HAS_EXPIRED: [10, 'certificate has expired'],
  DEPTH_ZERO_SELF_SIGNED_CERT: [18, 'self-signed certificate'],
  SELF_SIGNED_CERT_IN_CHAIN: [19, 'self-signed certificate in certificate chain'],
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: [20, 'unable to get local issuer certificate'],
  CERT_CHAIN_TOO_LONG: [22, 'certificate chain too long'],
  INVALID_CA: [79, 'invalid CA certificate'],
  // OpenSSL 1.1 said "unsupported certificate purpose"; 3.0 (Debian 12's PyKMIP) says "unsuitable".
  INVALID_PURPOSE: [26, 'unsuitable certificate purpose']
} as const satisfies Record<string, readonly [number, string]>

/**
 * The name OpenSSL gives an X509_V_ERR_* number without its prefix ('CERT_HAS_EXPIRED'), which is also the `code`
 * Node puts on a TLS error: one name for a certificate failure, whether the lab or a real TLS stack found it.
 */
export function opensslErrorName(opensslError: number): string | undefined {
  return Object.entries(X509_V_ERR).find(([, [n]]) => n === opensslError)?.[0]
}

// PyKMIP 0.10 (kmip/services/server/session.py and auth/utils.py), raised after the handshake.
export const PYKMIP_MISSING_EKU = 'The extended key usage extension is missing from the client certificate.'
export const PYKMIP_NO_COMMON_NAME = 'The certificate does not define any subject common names. Client identity unavailable.'
export const PYKMIP_MULTIPLE_COMMON_NAMES = 'Multiple client identities found.'

interface Candidate {
  certificate: X509Certificate
  der: string
  pem: string
  trusted: boolean
}

export async function verifyPeer(options: VerifyPeerOptions): Promise<PeerVerification> {
  const leaf = parse(options.certificatePem, false)
  if (!leaf) return malformed('the peer certificate could not be parsed')
  const untrusted: Candidate[] = []
  for (const pem of options.chainPems ?? []) {
    const c = parse(pem, false)
    if (!c) return malformed('a certificate in the peer chain could not be parsed')
    untrusted.push(c)
  }
  const trusted: Candidate[] = []
  for (const pem of options.trustedPems) {
    const c = parse(pem, true)
    if (!c) return malformed('a certificate in the trust store could not be parsed')
    trusted.push(c)
  }
  const isTrusted = (c: Candidate) => trusted.some((t) => t.der === c.der)
  const at = toDate(options.at)

  // 1. Chain building, by name and key identifier, as OpenSSL's build_chain does.
  const chain: Candidate[] = [leaf]
  for (;;) {
    const current = chain[chain.length - 1]
    const selfSigned = isSelfIssued(current.certificate)
    if (isTrusted(current) && (selfSigned || options.partialChain)) {
      current.trusted = true
      break
    }
    if (selfSigned) {
      // Only the exact certificate can be trusted; a same-named twin in the store does not count.
      const error = chain.length === 1 ? X509_V_ERR.DEPTH_ZERO_SELF_SIGNED_CERT : X509_V_ERR.SELF_SIGNED_CERT_IN_CHAIN
      return verifyFailure('unknownIssuer', error, chain.length - 1)
    }
    if (chain.length > MAX_CHAIN_DEPTH) return verifyFailure('unknownIssuer', X509_V_ERR.CERT_CHAIN_TOO_LONG, chain.length - 1)
    const issuer =
      (await pickIssuer(current.certificate, trusted, chain)) ?? (await pickIssuer(current.certificate, untrusted, chain))
    if (!issuer) {
      const error = chain.some((c) => c.trusted)
        ? X509_V_ERR.UNABLE_TO_GET_ISSUER_CERT
        : X509_V_ERR.UNABLE_TO_GET_ISSUER_CERT_LOCALLY
      return verifyFailure('unknownIssuer', error, chain.length - 1)
    }
    chain.push(issuer)
  }

  // 2. Extensions: every issuer must be a CA; the leaf's EKU, if present, must allow the role.
  for (let depth = 1; depth < chain.length; depth++) {
    if (!isCa(chain[depth].certificate)) return verifyFailure('unknownIssuer', X509_V_ERR.INVALID_CA, depth)
  }
  const eku = leaf.certificate.getExtension(ExtendedKeyUsageExtension)
  const ekuOids = eku?.usages.map(String) ?? []
  // OpenSSL 3 does not let anyExtendedKeyUsage stand in for the TLS purposes, so neither does the lab.
  if (options.requiredEku && eku && !ekuOids.includes(EKU_OIDS[options.requiredEku])) {
    return verifyFailure('missingEku', X509_V_ERR.INVALID_PURPOSE, 0)
  }

  // 3. From the trust anchor down: signature by the issuer, then validity at the lab's clock.
  for (let depth = chain.length - 1; depth >= 0; depth--) {
    const { certificate } = chain[depth]
    const issuer = chain[depth + 1]?.certificate
    if (issuer && !(await signedBy(certificate, issuer))) {
      return verifyFailure('badSignature', X509_V_ERR.CERT_SIGNATURE_FAILURE, depth)
    }
    if (at.getTime() < certificate.notBefore.getTime()) return verifyFailure('notYetValid', X509_V_ERR.CERT_NOT_YET_VALID, depth)
    // OpenSSL's X509_cmp_time treats notAfter as already expired (RFC 5280 would still accept it);
    // the lab follows the TLS stack that actually refuses the connection.
    if (at.getTime() >= certificate.notAfter.getTime()) return verifyFailure('expired', X509_V_ERR.CERT_HAS_EXPIRED, depth)
  }

  // 4. After the handshake, PyKMIP's own checks on the client certificate.
  const names = commonNames(leaf.certificate.subjectName)
  // (PyKMIP's other EKU message, "not marked for client authentication", cannot be reached: an EKU
  // without clientAuth already fails the handshake above.)
  if (options.requiredEku === 'clientAuth') {
    if (!eku) return requestFailure('missingEku', PYKMIP_MISSING_EKU)
    if (names.length === 0) return requestFailure('malformed', PYKMIP_NO_COMMON_NAME)
    if (names.length > 1) return requestFailure('malformed', PYKMIP_MULTIPLE_COMMON_NAMES)
  }
  return { ok: true, subjectCn: names.length === 1 ? names[0] : null, chainPems: chain.map((c) => c.pem) }
}

function parse(pem: string, trusted: boolean): Candidate | null {
  try {
    const certificate = new X509Certificate(pem)
    const der = toHex(new Uint8Array(certificate.rawData))
    // Touch the fields the checks read, so a structurally broken certificate fails here.
    void certificate.subjectName
    void certificate.issuerName
    void certificate.notBefore
    void certificate.notAfter
    void certificate.extensions
    void certificate.publicKey
    return { certificate, der, pem: certificate.toString('pem') + '\n', trusted }
  } catch {
    return null
  }
}

/**
 * The issuer among `pool`: same name as the certificate's issuer, a matching key identifier when
 * both sides carry one, and allowed to sign certificates. Among several, one whose signature
 * verifies is preferred (OpenSSL likewise prefers the best match); a tampered signature still
 * finds its issuer and then fails as a signature failure, not as an unknown issuer.
 */
async function pickIssuer(
  certificate: X509Certificate,
  pool: readonly Candidate[],
  chain: readonly Candidate[]
): Promise<Candidate | null> {
  const aki = certificate.getExtension(AuthorityKeyIdentifierExtension)?.keyId
  const matches = pool.filter((c) => {
    if (chain.some((inChain) => inChain.der === c.der)) return false
    if (!sameName(c.certificate.subjectName.toArrayBuffer(), certificate.issuerName.toArrayBuffer())) return false
    const ski = c.certificate.getExtension(SubjectKeyIdentifierExtension)?.keyId
    if (aki && ski && aki !== ski) return false
    const keyUsage = c.certificate.getExtension(KeyUsagesExtension)
    return !keyUsage || (keyUsage.usages & KeyUsageFlags.keyCertSign) !== 0
  })
  for (const c of matches) if (await signedBy(certificate, c.certificate)) return c
  return matches[0] ?? null
}

function isCa(certificate: X509Certificate): boolean {
  return certificate.getExtension(BasicConstraintsExtension)?.ca === true
}

async function signedBy(certificate: X509Certificate, issuer: X509Certificate): Promise<boolean> {
  try {
    return await certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true })
  } catch {
    return false
  }
}

function verifyFailure(
  code: PeerFailureCode,
  [opensslError, text]: readonly [number, string],
  depth: number
): PeerVerification {
  return {
    ok: false,
    code,
    message: `certificate verify failed: ${text}`,
    failsAt: 'handshake',
    opensslError,
    depth
  }
}

function requestFailure(code: PeerFailureCode, message: string): PeerVerification {
  return { ok: false, code, message, failsAt: 'request', opensslError: null, depth: null }
}

function malformed(message: string): PeerVerification {
  return { ok: false, code: 'malformed', message, failsAt: 'handshake', opensslError: null, depth: null }
}
