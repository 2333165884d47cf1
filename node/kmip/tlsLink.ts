// A KMIP client connection: one mutually authenticated TLS session carrying TTLV messages. Requests may be
// pipelined; KMIP answers in order on a connection, so responses are matched first-in, first-out. Errors are the
// TLS stack's own, with its `code` (ECONNREFUSED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED, …) because
// those are what an administrator searches for; what the link detects itself is a KmsLinkError with a code of its
// own. shared/lab/services/tlsFailure.ts tells each in the reader's language.

import { isIP } from 'node:net'
import { connect, type TLSSocket } from 'node:tls'
import { DEFAULT_TTLV_LIMITS, KmipFrameReader } from '../../shared/kmip'
import { KmsLinkCode, KmsLinkError } from '../../shared/lab/services/tlsFailure'

export interface KmipTlsOptions {
  host: string
  port: number
  /** PEM: the CA that issued the server's certificate. */
  ca: string | Buffer
  /** PEM: this client's certificate and private key (mutual authentication). */
  cert: string | Buffer
  key: string | Buffer
  /** How long the TCP connect plus TLS handshake may take (default 10 s). */
  connectTimeoutMs?: number
  /** How long the server may take to answer a request (default 10 s); then the link fails as an outage. */
  requestTimeoutMs?: number
  maxMessageBytes?: number
}

interface Pending {
  resolve(response: Uint8Array): void
  reject(error: Error): void
  sentAt: number
}

export class KmipTlsLink {
  private readonly reader: KmipFrameReader
  private readonly pending: Pending[] = []
  private failure: Error | null = null
  private timer: NodeJS.Timeout | null = null

  private constructor(
    readonly socket: TLSSocket,
    private readonly requestTimeoutMs: number,
    maxMessageBytes: number
  ) {
    this.reader = new KmipFrameReader(maxMessageBytes)
    socket.on('data', (chunk: Buffer) => this.received(chunk))
    socket.on('error', (error) => this.fail(error))
    socket.on('close', () =>
      this.fail(new KmsLinkError(KmsLinkCode.closedByPeer, `the KMS at ${socket.remoteAddress}:${socket.remotePort} closed the connection`))
    )
  }

  /** Connects and completes the TLS handshake; rejects with the TLS stack's error on failure. */
  static open(options: KmipTlsOptions): Promise<KmipTlsLink> {
    const connectTimeoutMs = options.connectTimeoutMs ?? 10_000
    return new Promise((resolve, reject) => {
      const socket = connect({
        host: options.host,
        port: options.port,
        ca: options.ca,
        cert: options.cert,
        key: options.key,
        minVersion: 'TLSv1.2',
        // SNI is only for names; the certificate is still checked against an IP address (SAN IP).
        ...(isIP(options.host) === 0 ? { servername: options.host } : {})
      })
      const timer = setTimeout(() => {
        socket.destroy(
          new KmsLinkError(KmsLinkCode.connectTimeout, `no TLS session with ${options.host}:${options.port} after ${connectTimeoutMs} ms`, connectTimeoutMs)
        )
      }, connectTimeoutMs)
      const failed = (error: Error): void => {
        clearTimeout(timer)
        socket.destroy()
        reject(error)
      }
      socket.once('error', failed)
      socket.once('secureConnect', () => {
        clearTimeout(timer)
        socket.off('error', failed)
        socket.setNoDelay(true)
        resolve(new KmipTlsLink(socket, options.requestTimeoutMs ?? 10_000, options.maxMessageBytes ?? DEFAULT_TTLV_LIMITS.maxMessageBytes))
      })
    })
  }

  /** Sends one request message and resolves with the response message. */
  send(request: Uint8Array): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject, sentAt: Date.now() })
      this.socket.write(request)
      this.armTimer()
    })
  }

  /** Sends many requests at once (one write) and resolves with their responses in order. */
  sendAll(requests: Uint8Array[]): Promise<Uint8Array[]> {
    if (this.failure) return Promise.reject(this.failure)
    const answers = requests.map(() => new Promise<Uint8Array>((resolve, reject) => this.pending.push({ resolve, reject, sentAt: Date.now() })))
    this.socket.write(Buffer.concat(requests))
    this.armTimer()
    return Promise.all(answers)
  }

  /** 'TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256, server CN=localhost' */
  describe(): string {
    const cipher = this.socket.getCipher()
    const subject = this.socket.getPeerCertificate()?.subject
    const cn = subject === undefined ? '?' : [subject.CN].flat().join('+')
    return `${this.socket.getProtocol() ?? 'TLS'} ${cipher?.name ?? '?'}, server CN=${cn}`
  }

  get open(): boolean {
    return this.failure === null
  }

  close(): void {
    this.fail(new KmsLinkError(KmsLinkCode.closed, 'the KMIP connection was closed'))
    this.socket.end()
  }

  private received(chunk: Buffer): void {
    let messages: Uint8Array[]
    try {
      messages = this.reader.push(chunk)
    } catch (error) {
      this.socket.destroy()
      this.fail(new KmsLinkError(KmsLinkCode.notKmip, `the KMS sent bytes that are not KMIP: ${(error as Error).message}`))
      return
    }
    for (const message of messages) {
      const waiting = this.pending.shift()
      if (waiting === undefined) {
        this.socket.destroy()
        this.fail(new KmsLinkError(KmsLinkCode.unsolicited, 'the KMS sent a message nobody asked for'))
        return
      }
      waiting.resolve(message)
    }
    this.armTimer()
  }

  // One lazy timer for the whole link: sending and receiving only touch timestamps; when the timer fires it checks
  // the oldest outstanding request and re-arms for what is left (no timer work per message when pipelining).
  private armTimer(): void {
    if (this.timer !== null || this.failure || this.pending.length === 0) return
    const left = this.pending[0].sentAt + this.requestTimeoutMs - Date.now()
    this.timer = setTimeout(() => {
      this.timer = null
      const oldest = this.pending[0]
      if (oldest === undefined || this.failure) return
      if (Date.now() - oldest.sentAt < this.requestTimeoutMs) return this.armTimer()
      // A late answer would be matched to the wrong request, so the connection is finished.
      this.fail(
        new KmsLinkError(
          KmsLinkCode.requestTimeout,
          `the KMS at ${this.socket.remoteAddress}:${this.socket.remotePort} did not answer within ${this.requestTimeoutMs} ms`,
          this.requestTimeoutMs
        )
      )
      this.socket.destroy()
    }, Math.max(0, left))
  }

  private fail(error: Error): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (this.failure === null) this.failure = error
    for (const waiting of this.pending.splice(0)) waiting.reject(this.failure)
  }
}
