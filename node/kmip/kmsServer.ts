// The lab's KMS on the network: KMIP 1.1 over TLS 1.2+ with mutual authentication.
//
// Trust: TLS itself refuses a client without a certificate, with one that does not chain to our CA, or with one
// that has expired (the handshake fails; the client sees the alert). A client whose certificate chains but is not
// meant for client authentication (no EKU clientAuth) completes the handshake and then gets Authentication Not
// Successful for every request, exactly as PyKMIP does, so a KMIP client can show the administrator why.
// Ownership: the certificate CN is the client identity; KmipServerCore refuses other clients' keys.
// Limits, per connection from its first byte: the TLS handshake must finish within handshakeTimeoutMs (a deadline,
// not Node's inactivity timer, which a peer sending one byte a second keeps alive), then the idle and
// partial-message timeouts of KmipConnection. Connections still in their handshake are capped apart from sessions
// (maxHandshakes): when full, the oldest unfinished handshake gives way, so a flood of silent sockets cannot keep
// a real client out. Sessions are capped at maxSessions: when full, the session silent the longest gives way.
// Message size, depth and item count are the codec's.

import { createServer, type TLSSocket } from 'node:tls'
import type { AddressInfo, Socket } from 'node:net'
import { ResultReason } from '../../shared/kmip'
import { clientIdentity } from './clientIdentity'
import { KmipConnection, type CloseReason, type ConnectionLimits, type KmipResponder } from './connection'
import { messageFailure } from './failureResponse'
import type { ServedKms } from './servedKms'

export interface KmsServerTls {
  /** PEM: the CA whose client certificates are accepted. */
  ca: string | Buffer
  /** PEM: the server's certificate and private key. */
  cert: string | Buffer
  key: string | Buffer
}

export interface KmsServerOptions {
  kms: ServedKms
  tls: KmsServerTls
  /** Default 127.0.0.1: a lab KMS is not for the network unless asked. */
  host?: string
  /** Default 5696 (KMIP's port); 0 picks a free one. */
  port?: number
  /** Authenticated TLS sessions at once. */
  maxSessions?: number
  /** Connections still in their TLS handshake at once. */
  maxHandshakes?: number
  handshakeTimeoutMs?: number
  limits?: Partial<Omit<ConnectionLimits, 'maxMessageBytes'>>
}

export const DEFAULT_SERVER_LIMITS = Object.freeze({
  maxSessions: 256,
  maxHandshakes: 64,
  handshakeTimeoutMs: 10_000,
  idleTimeoutMs: 120_000,
  messageTimeoutMs: 10_000
})

export interface KmsServerStats {
  connections: number
  /** Handshakes that failed (no certificate, unknown CA, expired, wrong protocol, handshake timeout). */
  refusedHandshakes: number
  /** Unfinished handshakes closed to make room for a new connection (maxHandshakes were under way). */
  dropped: number
  /** Sessions whose certificate chained but did not authenticate a KMIP client (no EKU clientAuth, no CN). */
  unauthenticated: number
  messages: number
  closed: Record<CloseReason, number>
}

export interface RunningKmsServer {
  host: string
  port: number
  readonly stats: KmsServerStats
  /** Connections open right now. */
  readonly open: number
  /** Stops accepting, lets answers in flight go out, closes every connection and waits for pending saves. */
  close(): Promise<void>
}

export async function startKmsServer(options: KmsServerOptions): Promise<RunningKmsServer> {
  const limits: ConnectionLimits = {
    maxMessageBytes: options.kms.core.limits.maxMessageBytes,
    idleTimeoutMs: options.limits?.idleTimeoutMs ?? DEFAULT_SERVER_LIMITS.idleTimeoutMs,
    messageTimeoutMs: options.limits?.messageTimeoutMs ?? DEFAULT_SERVER_LIMITS.messageTimeoutMs
  }
  const stats: KmsServerStats = {
    connections: 0,
    refusedHandshakes: 0,
    dropped: 0,
    unauthenticated: 0,
    messages: 0,
    closed: { peer: 0, idle: 0, 'partial-message': 0, 'bad-framing': 0, error: 0, server: 0, evicted: 0 }
  }
  const connections = new Set<KmipConnection>()
  const maxSessions = options.maxSessions ?? DEFAULT_SERVER_LIMITS.maxSessions
  const maxHandshakes = options.maxHandshakes ?? DEFAULT_SERVER_LIMITS.maxHandshakes
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? DEFAULT_SERVER_LIMITS.handshakeTimeoutMs
  // Raw sockets whose handshake has not finished, oldest first (a Map keeps insertion order), by peer address.
  const handshaking = new Map<string, Socket>()
  const peerKey = (s: { remoteAddress?: string; remotePort?: number }) => `${s.remoteAddress}|${s.remotePort}`

  const server = createServer({
    ca: options.tls.ca,
    cert: options.tls.cert,
    key: options.tls.key,
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    handshakeTimeout: handshakeTimeoutMs
  })
  // A backstop only: the two caps below keep the count under it.
  server.maxConnections = maxSessions + maxHandshakes + 1
  server.on('connection', (raw: Socket) => {
    const key = peerKey(raw)
    handshaking.set(key, raw)
    raw.once('close', () => handshaking.delete(key))
    const deadline = setTimeout(() => {
      if (raw.destroyed || handshaking.get(key) !== raw) return
      stats.refusedHandshakes++
      raw.destroy()
    }, handshakeTimeoutMs)
    deadline.unref()
    raw.once('close', () => clearTimeout(deadline))
    if (handshaking.size > maxHandshakes) {
      const [oldestKey, oldest] = handshaking.entries().next().value as [string, Socket]
      handshaking.delete(oldestKey)
      stats.dropped++
      oldest.destroy()
    }
  })
  server.on('tlsClientError', (_error, socket) => {
    stats.refusedHandshakes++
    socket.destroy()
  })
  server.on('secureConnection', (socket: TLSSocket) => {
    handshaking.delete(peerKey(socket))
    if (connections.size >= maxSessions) evictSilentSession()
    stats.connections++
    const connection = new KmipConnection(socket, responderFor(socket), limits, (reason) => {
      stats.closed[reason]++
      connections.delete(connection)
    })
    connections.add(connection)
  })

  /** Closes the session silent the longest (if any is silent at all: one waiting for its answer keeps its slot). */
  function evictSilentSession(): void {
    let quietest: KmipConnection | null = null
    for (const c of connections) {
      const since = c.silentSince
      if (since !== null && (quietest === null || since < quietest.silentSince!)) quietest = c
    }
    quietest?.close('evicted')
  }

  function responderFor(socket: TLSSocket): KmipResponder {
    const identity = clientIdentity(socket)
    if (!identity.ok) {
      stats.unauthenticated++
      const message = `Error verifying the client certificate: ${identity.reason}`
      return () => {
        stats.messages++
        return messageFailure(ResultReason.AuthenticationNotSuccessful, message, Math.floor(Date.now() / 1000))
      }
    }
    return (request) => {
      stats.messages++
      return options.kms.handle(request, identity.clientId)
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 5696, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  // A listening server's later errors (EMFILE on accept, …) are not fatal: Node keeps accepting.
  server.on('error', () => undefined)
  const address = server.address() as AddressInfo

  return {
    host: address.address,
    port: address.port,
    stats,
    get open() {
      return connections.size
    },
    async close() {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const connection of connections) connection.close('server')
      await stopped
      await options.kms.flush()
    }
  }
}
