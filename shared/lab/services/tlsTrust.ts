// The mutual-TLS handshake between vCenter and a built-in KMS, decided by real X.509 checks: vCenter verifies the
// KMS server certificate against the KMS CA it trusts; the KMS verifies vCenter's client certificate against the
// certificates and CAs uploaded to it. A failure is told in the reader's language, with OpenSSL's name for it.

import { describeCertificate, verifyPeer, type PeerVerification } from '../../pki'
import type { MessageRef } from '../events'
import type { KmsRecord, ProviderRecord, VcenterRecord } from '../model'
import { verificationProblem } from './tlsFailure'

export type HandshakeResult =
  | { ok: true; clientCn: string; serverSubject: string }
  | { ok: false; rejectedBy: 'vcenter' | 'kms'; reason: MessageRef }

interface CertificateFacts {
  subject: string
  validity: [number, number]
}

/** Parsing X.509 is the expensive part of a handshake; a certificate's facts never change, so parse each once. */
const factsMemo = new Map<string, CertificateFacts>()

function facts(pem: string): CertificateFacts {
  let f = factsMemo.get(pem)
  if (!f) {
    const d = describeCertificate(pem)
    f = { subject: d.subject, validity: [Date.parse(d.notBefore) / 1000, Date.parse(d.notAfter) / 1000] }
    factsMemo.set(pem, f)
  }
  return f
}

const verifyMemo = new Map<string, Promise<PeerVerification>>()

/**
 * A verification depends on time only through the certificates' validity windows, so results are cached per
 * stretch of time between two window boundaries: a lab with a thousand key fetches verifies each chain once.
 */
function verifyAt(certificatePem: string, trustedPems: string[], at: number, requiredEku: 'clientAuth' | 'serverAuth'): Promise<PeerVerification> {
  const boundaries = [certificatePem, ...trustedPems].flatMap((pem) => facts(pem).validity)
  const stretch = boundaries.filter((b) => b <= at).length
  const key = `${requiredEku}|${stretch}|${certificatePem}|${trustedPems.join('|')}`
  let result = verifyMemo.get(key)
  if (!result) {
    result = verifyPeer({ certificatePem, trustedPems, at, requiredEku })
    verifyMemo.set(key, result)
  }
  return result
}

export function clientCertificateOf(vc: VcenterRecord, provider: ProviderRecord): string {
  return (provider.trust.clientCertificate ?? vc.persisted.machineCertificate).certificatePem
}

export async function handshake(vc: VcenterRecord, provider: ProviderRecord, kms: KmsRecord, now: number): Promise<HandshakeResult> {
  const server = kms.persisted.serverCertificate
  if (!server) return { ok: false, rejectedBy: 'vcenter', reason: { id: 'tls.trust.noServerCertificate', params: {} } }
  const trustedByVcenter = provider.trust.trustedKmsCaPem ? [provider.trust.trustedKmsCaPem] : []
  const serverCheck = await verifyAt(server.certificatePem, trustedByVcenter, now, 'serverAuth')
  if (!serverCheck.ok) return { ok: false, rejectedBy: 'vcenter', reason: { id: 'tls.failure.kmsCertificate', params: { problem: verificationProblem(serverCheck) } } }
  // vCenter trusts each KMS server on its own (per-server status); a certificate from the cluster CA is not enough.
  if (!provider.trust.servers[kms.name]?.clientTrustServer)
    return { ok: false, rejectedBy: 'vcenter', reason: { id: 'tls.trust.serverNotTrusted', params: {} } }
  const clientPem = clientCertificateOf(vc, provider)
  const clientCheck = await verifyAt(clientPem, kms.persisted.trustedClients, now, 'clientAuth')
  if (!clientCheck.ok) return { ok: false, rejectedBy: 'kms', reason: { id: 'tls.trust.clientRejected', params: { problem: verificationProblem(clientCheck) } } }
  return { ok: true, clientCn: clientCheck.subjectCn ?? 'unknown', serverSubject: facts(server.certificatePem).subject }
}
