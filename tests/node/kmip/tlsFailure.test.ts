// Why vCenter could not talk to a KMS, told in the reader's language: real failures of a KMIP link (a closed port,
// certificates a client refuses, a server that is not TLS, one that never answers, a handshake alert) classified by
// their code, said in English and German with the code kept for searching, and never with the TLS stack's English
// words inside the German sentence.

import { createServer as createTcpServer, type Server as TcpServer } from 'node:net'
import { connect, createServer as createTlsServer, type ConnectionOptions, type TlsOptions } from 'node:tls'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { formatMessage } from '../../../shared/i18n/format'
import { narration } from '../../../shared/i18n/narration'
import { KmipClient } from '../../../shared/kmip'
import type { MessageRef } from '../../../shared/lab/events'
import { certificateProblem, connectionFailure, KmsLinkCode } from '../../../shared/lab/services/tlsFailure'
import { opensslErrorName } from '../../../shared/pki'
import { KmipTlsLink, type KmipTlsOptions } from '../../../node/kmip/tlsLink'
import { makeTestPki, type TestPki } from './support/pki'
import { freePort } from './support/pykmip'

let pki: TestPki
beforeAll(() => {
  pki = makeTestPki()
})
afterAll(() => pki.dispose())

const servers: TcpServer[] = []
afterEach(() => {
  for (const s of servers.splice(0)) s.close()
})

/** Listens on 127.0.0.1, a free port; closed after the test. */
async function listen(server: TcpServer): Promise<number> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as { port: number }).port
}

const tlsServer = (options: TlsOptions, onSecure?: Parameters<typeof createTlsServer>[1]) => listen(createTlsServer(options, onSecure))
const pemServer = (name: string) => tlsServer({ cert: pki.pem(`${name}.crt`), key: pki.pem(`${name}.key`) })

/** How the lab's connector opens a link: our CA, vCenter's client certificate (CN=vcenter-sim). */
function open(port: number, options: Partial<KmipTlsOptions> = {}): Promise<KmipTlsLink> {
  return KmipTlsLink.open({ host: '127.0.0.1', port, ...pki.client(), ...options })
}

/** The error a promise rejects with (a test fails if it resolves). */
const rejection = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => {
      throw new Error('expected a failure, but it succeeded')
    },
    (e: Error) => e
  )

/** A request the link can send (its answer never matters here). */
const request = (): Uint8Array => new KmipClient(async () => new Uint8Array()).buildRequest([])

/** The first error a bare TLS client meets at 127.0.0.1:port, during the handshake or right after it. */
function bareClientError(port: number, options: ConnectionOptions): Promise<Error> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, ...options })
    socket.once('error', (e) => {
      socket.destroy()
      resolve(e)
    })
    socket.once('secureConnect', () => socket.write(request()))
  })
}

/**
 * The sentence for `error` at 127.0.0.1:port in both languages: the class it expects, the code kept in both, and
 * none of the TLS stack's English words in either (they only appear quoted, for an error the lab does not know).
 */
function told(error: Error, port: number, id: MessageRef['id']): { en: string; de: string; ref: MessageRef } {
  const ref = connectionFailure(error, { host: '127.0.0.1', port })
  expect(ref.id, error.message).toBe(id)
  const en = formatMessage(ref, 'en')
  const de = formatMessage(ref, 'de')
  const code = (error as NodeJS.ErrnoException).code!
  for (const text of [en, de]) {
    expect(text).toContain(`(${code})`)
    expect(text).not.toContain(error.message.trim())
    const reason = (error as { reason?: string }).reason
    if (reason) expect(text).not.toContain(reason)
    expect(text).not.toMatch(/\[[a-z]+\.[A-Za-z.]+\]/) // an id the narration lacks renders as [id]
  }
  return { en, de, ref }
}

describe('connectionFailure: the network and the TLS record layer', () => {
  it('a closed port: the connection is refused (ECONNREFUSED)', async () => {
    const port = await freePort()
    const error = await rejection(open(port))
    const { en, de } = told(error, port, 'tls.failure.refused')
    expect(en).toBe(
      `The connection to 127.0.0.1:${port} was refused (ECONNREFUSED): no program accepts connections on that port, or a firewall turns them away. Is the KMS server running, and is the port right?`
    )
    expect(de).toBe(
      `Die Verbindung zu 127.0.0.1:${port} wurde abgelehnt (ECONNREFUSED): Auf diesem Port nimmt kein Programm Verbindungen an, oder eine Firewall weist sie ab. Läuft der KMS-Server, und stimmt der Port?`
    )
  })

  it('a server that hangs up at once: the other side closed the connection (ECONNRESET)', async () => {
    const port = await listen(createTcpServer((socket) => socket.destroy()))
    told(await rejection(open(port)), port, 'tls.failure.reset')
  })

  it('a server that is not TLS: what it sent is not a TLS record (ERR_SSL_WRONG_VERSION_NUMBER)', async () => {
    const port = await listen(createTcpServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')))
    const { de } = told(await rejection(open(port)), port, 'tls.failure.notTls')
    expect(de).toContain('antwortet nicht wie ein TLS-Server (ERR_SSL_WRONG_VERSION_NUMBER)')
  })

  it('a server that accepts the connection and never answers: the link gives up after its connect timeout', async () => {
    const port = await listen(createTcpServer(() => {}))
    const error = await rejection(open(port, { connectTimeoutMs: 200 }))
    expect((error as NodeJS.ErrnoException).code).toBe(KmsLinkCode.connectTimeout)
    const { en, de } = told(error, port, 'tls.failure.connectTimeout')
    expect(en).toContain(`vCenter got no TLS session with 127.0.0.1:${port} within 200 ms (KMIP_LINK_CONNECT_TIMEOUT)`)
    expect(de).toContain(`vCenter konnte innerhalb von 200 ms keine TLS-Sitzung mit 127.0.0.1:${port} aufbauen (KMIP_LINK_CONNECT_TIMEOUT)`)
  })
})

describe('connectionFailure: certificates vCenter does not trust', () => {
  it('a self-signed server certificate (DEPTH_ZERO_SELF_SIGNED_CERT)', async () => {
    const port = await pemServer('server_selfsigned')
    const { ref, de } = told(await rejection(open(port)), port, 'tls.failure.kmsCertificate')
    expect(ref.params.problem).toEqual({ id: 'tls.certificate.selfSigned', params: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } })
    expect(de).toMatch(/^vCenter vertraut dem Zertifikat des KMS nicht\. Es ist selbstsigniert und gehört nicht zu den vertrauenswürdigen Zertifikaten/)
  })

  it('a chain that ends in a CA vCenter does not trust (SELF_SIGNED_CERT_IN_CHAIN), or a lone leaf of an unknown CA (UNABLE_TO_VERIFY_LEAF_SIGNATURE)', async () => {
    const stranger = { ca: pki.pem('stranger-ca.crt') }
    const chain = await tlsServer({ cert: pki.pem('server.crt') + pki.pem('ca.crt'), key: pki.pem('server.key') })
    expect(told(await rejection(open(chain, stranger)), chain, 'tls.failure.kmsCertificate').ref.params.problem).toMatchObject({ id: 'tls.certificate.untrustedRoot' })
    const leaf = await pemServer('server')
    expect(told(await rejection(open(leaf, stranger)), leaf, 'tls.failure.kmsCertificate').ref.params.problem).toMatchObject({ id: 'tls.certificate.unknownIssuer' })
  })

  it('an expired server certificate (CERT_HAS_EXPIRED)', async () => {
    const port = await pemServer('server_expired')
    const { ref, de } = told(await rejection(open(port)), port, 'tls.failure.kmsCertificate')
    expect(ref.params.problem).toMatchObject({ id: 'tls.certificate.expired' })
    expect(de).toContain('ist abgelaufen (CERT_HAS_EXPIRED)')
  })

  it('a certificate for another name than the address vCenter connects to (ERR_TLS_CERT_ALTNAME_INVALID)', async () => {
    const port = await pemServer('server_wrongname')
    const { ref, en, de } = told(await rejection(open(port)), port, 'tls.failure.kmsCertificate')
    expect(ref.params.problem).toMatchObject({ id: 'tls.certificate.wrongName' })
    expect(en).toContain('It does not name 127.0.0.1, the address vCenter connects to (ERR_TLS_CERT_ALTNAME_INVALID)')
    expect(de).toContain('Es nennt 127.0.0.1 nicht, die Adresse, mit der sich vCenter verbindet (ERR_TLS_CERT_ALTNAME_INVALID)')
  })

  it('every certificate failure the lab’s own verifier reports has a sentence of its own', () => {
    const names = Array.from({ length: 100 }, (_, n) => opensslErrorName(n)).filter((name) => name !== undefined)
    expect(names).toContain('CERT_HAS_EXPIRED')
    for (const name of names) expect(certificateProblem(name), name).not.toBeNull()
  })
})

describe('connectionFailure: the KMS ends the handshake with an alert', () => {
  const demandsClientCertificate = () => tlsServer({ ...pki.server(), requestCert: true, rejectUnauthorized: true })

  it('TLS 1.3: a client certificate is required and none was sent', async () => {
    const port = await demandsClientCertificate()
    const error = await bareClientError(port, { ca: pki.pem('ca.crt') })
    const { de } = told(error, port, 'tls.alert.certificateRequired')
    expect(de).toContain('Er verlangt ein Client-Zertifikat, und vCenter hat keines geschickt.')
  })

  it('TLS 1.2: the same server answers with a handshake failure', async () => {
    const port = await demandsClientCertificate()
    told(await bareClientError(port, { ca: pki.pem('ca.crt'), maxVersion: 'TLSv1.2' }), port, 'tls.alert.handshakeFailure')
  })

  it('the alerts a KMS on OpenSSL sends for a client certificate it refuses, in each protocol version’s spelling', () => {
    const alert = (code: string) => connectionFailure(Object.assign(new Error('ssl3_read_bytes:tlsv1 alert'), { code }), { host: 'kms', port: 5696 }).id
    expect(alert('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA')).toBe('tls.alert.unknownCa')
    expect(alert('ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE')).toBe('tls.alert.badCertificate')
    expect(alert('ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED')).toBe('tls.alert.certificateExpired')
    expect(alert('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION')).toBe('tls.alert.protocolVersion')
    expect(alert('ERR_SSL_TLSV1_ALERT_ACCESS_DENIED')).toBe('tls.alert.other')
  })
})

describe('connectionFailure: an open link that fails', () => {
  it('a KMS that never answers a request: the link fails after its request timeout', async () => {
    const port = await tlsServer({ ...pki.server(), requestCert: true, rejectUnauthorized: true }, (socket) => socket.resume())
    const link = await open(port, { requestTimeoutMs: 200 })
    try {
      const { de } = told(await rejection(link.send(request())), port, 'tls.failure.requestTimeout')
      expect(de).toContain(`Der KMS unter 127.0.0.1:${port} hat nicht innerhalb von 200 ms geantwortet (KMIP_LINK_REQUEST_TIMEOUT)`)
    } finally {
      link.close()
    }
  })

  it('TLS 1.3: a KMS that refuses vCenter’s client certificate after the handshake closes the connection', async () => {
    const port = await tlsServer({ ...pki.server(), requestCert: true, rejectUnauthorized: true })
    const link = await open(port, { cert: pki.pem('stranger.crt'), key: pki.pem('stranger.key') })
    try {
      const { en } = told(await rejection(link.send(request())), port, 'tls.failure.closedByPeer')
      expect(en).toContain('it may have rejected vCenter’s client certificate')
    } finally {
      link.close()
    }
  })

  it('a KMS that answers with bytes that are not KMIP', async () => {
    const port = await tlsServer({ ...pki.server() }, (socket) => socket.once('data', () => socket.write('HTTP/1.1 400 Bad Request\r\n\r\n')))
    const link = await open(port)
    try {
      told(await rejection(link.send(request())), port, 'tls.failure.notKmip')
    } finally {
      link.close()
    }
  })
})

describe('connectionFailure: failures without a real trigger here, and unknown ones', () => {
  // Unreachable hosts and DNS need a network this test must not touch: the errors as Node builds them.
  const system = (code: string, syscall: string) => Object.assign(new Error(`${syscall} ${code} kms.example`), { code, syscall })

  it('classifies the other network errors by code', () => {
    const cases = [
      ['ETIMEDOUT', 'connect', 'tls.failure.timedOut'],
      ['EHOSTUNREACH', 'connect', 'tls.failure.hostUnreachable'],
      ['ENETUNREACH', 'connect', 'tls.failure.networkUnreachable'],
      ['ENOTFOUND', 'getaddrinfo', 'tls.failure.nameUnknown'],
      ['EAI_AGAIN', 'getaddrinfo', 'tls.failure.nameNotNow'],
      ['EPIPE', 'write', 'tls.failure.brokenPipe']
    ] as const
    for (const [code, syscall, id] of cases) told(system(code, syscall), 5696, id)
  })

  it('quotes an error it does not know as the TLS library’s English words, with its code or the lack of one', () => {
    const unknown = Object.assign(new Error('80:error:0A000126:SSL routines::unexpected eof while reading'), {
      code: 'ERR_SSL_UNEXPECTED_EOF_WHILE_READING',
      reason: 'unexpected eof while reading'
    })
    const endpoint = { host: 'kms.example', port: 5696 }
    expect(formatMessage(connectionFailure(unknown, endpoint), 'de')).toBe(
      'Die Verbindung zu kms.example:5696 ist gescheitert (ERR_SSL_UNEXPECTED_EOF_WHILE_READING). Meldung der TLS-Bibliothek (englisch): „unexpected eof while reading“'
    )
    expect(formatMessage(connectionFailure(new Error('something odd'), endpoint), 'en')).toBe(
      'The connection to kms.example:5696 failed (no error code). The TLS library said: “something odd”'
    )
    expect(formatMessage(connectionFailure(new Error('something odd'), { host: '::1', port: 5696 }), 'de')).toBe(
      'Die Verbindung zu [::1]:5696 ist gescheitert (ohne Fehlercode). Meldung der TLS-Bibliothek (englisch): „something odd“'
    )
  })
})

describe('the German sentences about TLS failures', () => {
  // What Node and OpenSSL say in English, word for word or nearly: none of it belongs in a German sentence.
  const tlsStackEnglish =
    /\b(connect|connection|refused|reset|timed? ?out|unreachable|not found|self-signed|certificate|unable to|verify|expired|not yet valid|hostname|altnames?|wrong version|handshake failure|alert (?:unknown|bad|certificate)|closed|did not answer|nobody asked)\b/i
  const ids = Object.keys(narration).filter((id) => /^tls\.(failure|alert|certificate|trust)\./.test(id)) as (keyof typeof narration)[]

  it('say every class of failure without the TLS stack’s English (only a quote is English, and marked so)', () => {
    expect(ids.length).toBeGreaterThan(35)
    for (const id of ids) {
      const german = narration[id].de.replace(/„\{message\}“/, '')
      expect(german, id).not.toMatch(tlsStackEnglish)
    }
  })
})
