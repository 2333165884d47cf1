// Who is on the other end of a KMIP session. TLS has already checked the chain to our CA and the validity dates;
// what is left is KMIP's own rule (as PyKMIP applies it): the certificate must be meant for client authentication
// (Extended Key Usage clientAuth) and carry exactly one subject CN, which becomes the owner of the objects it makes.

import type { PeerCertificate, TLSSocket } from 'node:tls'

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2'

export type ClientIdentity = { ok: true; clientId: string } | { ok: false; reason: string }

export function clientIdentity(socket: TLSSocket): ClientIdentity {
  const usages = socket.getPeerX509Certificate()?.keyUsage
  const peer: PeerCertificate | undefined = socket.getPeerCertificate()
  return identityOf(usages, peer?.subject?.CN)
}

/** The rule itself, apart from the socket: Extended Key Usage OIDs and the subject CN field(s). */
export function identityOf(extendedKeyUsages: string[] | undefined, commonName: string | string[] | undefined): ClientIdentity {
  // No EKU extension at all would mean "any purpose" to X.509, but a KMS demands the explicit client purpose.
  if (extendedKeyUsages === undefined) return { ok: false, reason: 'the client certificate has no Extended Key Usage extension (clientAuth is required)' }
  if (!extendedKeyUsages.includes(CLIENT_AUTH)) {
    return { ok: false, reason: 'the client certificate\'s Extended Key Usage does not include clientAuth' }
  }
  const names = [commonName ?? []].flat()
  if (names.length !== 1 || names[0] === '') return { ok: false, reason: `the client certificate must have exactly one subject CN (it has ${names.length})` }
  return { ok: true, clientId: names[0] }
}
