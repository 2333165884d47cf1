// Why a TLS connection to a KMS failed, in the reader's language. Node and OpenSSL describe a failure in English
// (`connect ECONNREFUSED 127.0.0.1:5696`, `self-signed certificate`); the error's `code` names the same failure in a
// form that never changes, so the lab classifies by the code, says what it means and what to check, and keeps the
// code in the sentence for searching. The English text is never parsed: an error whose code the lab does not know is
// quoted, marked as the TLS library's own words (as kmsRefusal.ts quotes a server's Result Message).

import { opensslErrorName, PYKMIP_MISSING_EKU, PYKMIP_MULTIPLE_COMMON_NAMES, PYKMIP_NO_COMMON_NAME, type PeerVerification } from '../../pki'
import type { MessageId } from '../../i18n/narration'
import type { MessageParam, MessageRef } from '../events'

/** Codes of the failures a KMIP link detects itself (node/kmip/tlsLink.ts), beside Node's and OpenSSL's codes. */
export const KmsLinkCode = {
  connectTimeout: 'KMIP_LINK_CONNECT_TIMEOUT',
  requestTimeout: 'KMIP_LINK_REQUEST_TIMEOUT',
  closedByPeer: 'KMIP_LINK_CLOSED_BY_PEER',
  notKmip: 'KMIP_LINK_NOT_KMIP',
  unsolicited: 'KMIP_LINK_UNSOLICITED',
  closed: 'KMIP_LINK_CLOSED'
} as const
export type KmsLinkCode = (typeof KmsLinkCode)[keyof typeof KmsLinkCode]

/** A failure a KMIP link detects itself, with a `code` as Node's errors carry one; `timeoutMs` for the timeouts. */
export class KmsLinkError extends Error {
  override readonly name = 'KmsLinkError'
  readonly code: KmsLinkCode
  readonly timeoutMs: number | undefined

  constructor(code: KmsLinkCode, message: string, timeoutMs?: number) {
    super(message)
    this.code = code
    this.timeoutMs = timeoutMs
  }
}

/** Where vCenter connects to: the KMS server's address as it was added. */
export interface KmsEndpoint {
  host: string
  port: number
}

// Node's system errors (errno names, `man 3 errno`, getaddrinfo's EAI_*), OpenSSL's record layer, and the link's own.
const CONNECTION = new Map<string, MessageId>([
  ['ECONNREFUSED', 'tls.failure.refused'],
  ['ECONNRESET', 'tls.failure.reset'],
  ['EPIPE', 'tls.failure.brokenPipe'],
  ['ETIMEDOUT', 'tls.failure.timedOut'],
  ['EHOSTUNREACH', 'tls.failure.hostUnreachable'],
  ['ENETUNREACH', 'tls.failure.networkUnreachable'],
  // Node's name for getaddrinfo's EAI_NONAME and EAI_NODATA: the name has no address.
  ['ENOTFOUND', 'tls.failure.nameUnknown'],
  ['EAI_AGAIN', 'tls.failure.nameNotNow'],
  // The first bytes that came back are not a TLS record header: whatever answers does not speak TLS.
  ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls.failure.notTls'],
  [KmsLinkCode.connectTimeout, 'tls.failure.connectTimeout'],
  [KmsLinkCode.requestTimeout, 'tls.failure.requestTimeout'],
  [KmsLinkCode.closedByPeer, 'tls.failure.closedByPeer'],
  [KmsLinkCode.notKmip, 'tls.failure.notKmip'],
  [KmsLinkCode.unsolicited, 'tls.failure.unsolicited'],
  [KmsLinkCode.closed, 'tls.failure.closedByVcenter']
])

// OpenSSL's X509_V_ERR_* names, as Node's `code` of a certificate-verify failure and ../../pki/verify.ts name them.
const CERTIFICATE = new Map<string, MessageId>([
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls.certificate.selfSigned'],
  ['SELF_SIGNED_CERT_IN_CHAIN', 'tls.certificate.untrustedRoot'],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls.certificate.unknownIssuer'],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls.certificate.unknownIssuer'],
  ['UNABLE_TO_GET_ISSUER_CERT', 'tls.certificate.unknownIssuer'],
  ['CERT_HAS_EXPIRED', 'tls.certificate.expired'],
  ['CERT_NOT_YET_VALID', 'tls.certificate.notYetValid'],
  ['CERT_SIGNATURE_FAILURE', 'tls.certificate.badSignature'],
  ['INVALID_CA', 'tls.certificate.notCa'],
  ['INVALID_PURPOSE', 'tls.certificate.wrongPurpose'],
  ['CERT_CHAIN_TOO_LONG', 'tls.certificate.chainTooLong']
])

// A TLS alert the server sent: OpenSSL reports it as ERR_SSL_<version>_ALERT_<alert description of RFC 8446 §6>.
const ALERT_CODE = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)$/
const ALERT = new Map<string, MessageId>([
  ['UNKNOWN_CA', 'tls.alert.unknownCa'],
  ['BAD_CERTIFICATE', 'tls.alert.badCertificate'],
  ['CERTIFICATE_UNKNOWN', 'tls.alert.badCertificate'],
  ['UNSUPPORTED_CERTIFICATE', 'tls.alert.badCertificate'],
  ['CERTIFICATE_EXPIRED', 'tls.alert.certificateExpired'],
  ['CERTIFICATE_REQUIRED', 'tls.alert.certificateRequired'],
  ['HANDSHAKE_FAILURE', 'tls.alert.handshakeFailure'],
  ['PROTOCOL_VERSION', 'tls.alert.protocolVersion']
])

// PyKMIP's checks after the handshake, whose texts ../../pki/verify.ts reproduces word for word.
const PYKMIP_CHECK = new Map<string, MessageId>([
  [PYKMIP_MISSING_EKU, 'tls.certificate.missingEku'],
  [PYKMIP_NO_COMMON_NAME, 'tls.certificate.noCommonName'],
  [PYKMIP_MULTIPLE_COMMON_NAMES, 'tls.certificate.multipleCommonNames']
])

const ref = (id: MessageId, params: Record<string, MessageParam> = {}): MessageRef => ({ id, params })

/** What is wrong with a certificate, by OpenSSL's name of the failure: a sentence about "it", the certificate. */
export function certificateProblem(code: string): MessageRef | null {
  const id = CERTIFICATE.get(code)
  return id === undefined ? null : ref(id, { code })
}

/** Why vCenter could not talk to an external KMS at `endpoint`, from the error its TLS link failed with. */
export function connectionFailure(error: unknown, { host, port }: KmsEndpoint): MessageRef {
  const code = stringProperty(error, 'code')
  const endpoint = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
  const timeoutMs = error instanceof KmsLinkError ? error.timeoutMs : undefined
  if (code !== undefined) {
    const id = CONNECTION.get(code)
    if (id !== undefined) return ref(id, { code, endpoint, host, ...(timeoutMs === undefined ? {} : { ms: timeoutMs }) })
    const problem = code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? ref('tls.certificate.wrongName', { code, host }) : certificateProblem(code)
    if (problem) return ref('tls.failure.kmsCertificate', { problem })
    const alert = ALERT_CODE.exec(code)
    if (alert) return ref(ALERT.get(alert[1]) ?? 'tls.alert.other', { code })
  }
  // OpenSSL's `reason` is its short text ('wrong version number'); `message` adds its internal error-queue line.
  const words = stringProperty(error, 'reason') ?? stringProperty(error, 'message') ?? String(error)
  return ref('tls.failure.unknown', { endpoint, code: code ?? ref('tls.failure.noCode'), quote: ref('tls.failure.quoted', { message: words }) })
}

/** Why a certificate failed the lab's own verification (../../pki verifyPeer): a sentence about "it". */
export function verificationProblem(failure: Extract<PeerVerification, { ok: false }>): MessageRef {
  const name = failure.opensslError === null ? undefined : opensslErrorName(failure.opensslError)
  const problem = name === undefined ? null : certificateProblem(name)
  if (problem) return problem
  const check = PYKMIP_CHECK.get(failure.message)
  if (check !== undefined) return ref(check)
  return failure.code === 'malformed' ? ref('tls.certificate.unreadable') : ref('tls.failure.quoted', { message: failure.message })
}

function stringProperty(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = (value as Record<string, unknown>)[key]
  return typeof v === 'string' && v !== '' ? v : undefined
}
