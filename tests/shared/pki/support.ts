import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'
import type { AddressInfo } from 'node:net'
import type { RandomSource } from '../../../shared/pki/index.js'

// Test-side tools: a seeded generator (the lab core passes its own), the openssl CLI and a real
// TLS handshake, both used as implementations independent of the code under test.

/** SHA-256 in counter mode over a text seed: same seed, same byte stream. Counts what it hands out. */
export function seededRandom(seed: string): RandomSource & { consumed: () => number } {
  let counter = 0
  let pool = Buffer.alloc(0)
  let consumed = 0
  const random = (n: number): Uint8Array => {
    while (pool.length < n) pool = Buffer.concat([pool, createHash('sha256').update(`${seed}/${counter++}`).digest()])
    const out = new Uint8Array(pool.subarray(0, n))
    pool = pool.subarray(n)
    consumed += n
    return out
  }
  return Object.assign(random, { consumed: () => consumed })
}

/** 2026-01-01T00:00:00Z as POSIX seconds: the lab clock's start in these tests. */
export const T0 = 1_767_225_600
export const DAY = 86_400

export const HAS_OPENSSL = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0

export function withFiles<T>(files: Record<string, string>, body: (path: (name: string) => string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'keyflow-pki-'))
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
    return body((name) => join(dir, name))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface OpensslResult {
  status: number | null
  output: string
}

export function openssl(args: string[]): OpensslResult {
  const r = spawnSync('openssl', args, { encoding: 'utf8' })
  return { status: r.status, output: `${r.stdout}${r.stderr}` }
}

export function opensslText(args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8' })
}

export interface HandshakeSide {
  key: string
  cert: string
  ca: string[]
}

export interface HandshakeResult {
  ok: boolean
  protocol: string | null
  cipher: string | null
  /** What the server logged about the client's certificate, if it refused it. */
  serverError: string | null
  clientError: string | null
  /** The client identity the server saw (CN of the verified client certificate). */
  peerCn: string | null
}

/**
 * One mutual-TLS exchange on 127.0.0.1, both sides with rejectUnauthorized: true, like PyKMIP
 * (CERT_REQUIRED) and vCenter. The server answers one line so both sides finish cleanly.
 */
export function handshake(
  server: HandshakeSide,
  client: HandshakeSide,
  version: 'TLSv1.2' | 'TLSv1.3'
): Promise<HandshakeResult> {
  return new Promise((resolve) => {
    let serverError: string | null = null
    let peerCn: string | null = null
    const srv = tls.createServer(
      {
        key: server.key,
        cert: server.cert,
        ca: server.ca,
        requestCert: true,
        rejectUnauthorized: true,
        minVersion: version,
        maxVersion: version
      },
      (socket) => {
        const subjectCn = socket.getPeerCertificate().subject?.CN
        peerCn = Array.isArray(subjectCn) ? subjectCn.join(',') : (subjectCn ?? null)
        socket.end('ok\n')
      }
    )
    srv.on('tlsClientError', (e) => (serverError = e.message))
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo
      let protocol: string | null = null
      let cipher: string | null = null
      let received = ''
      let finished = false
      const done = (clientError: string | null) => {
        if (finished) return
        finished = true
        srv.close()
        // Let the server's error event land before reporting.
        setImmediate(() =>
          resolve({ ok: clientError === null && received === 'ok\n', protocol, cipher, serverError, clientError, peerCn })
        )
      }
      const socket = tls.connect(
        {
          host: '127.0.0.1',
          port,
          key: client.key,
          cert: client.cert,
          ca: client.ca,
          rejectUnauthorized: true,
          minVersion: version,
          maxVersion: version
        },
        () => {
          protocol = socket.getProtocol()
          cipher = socket.getCipher().name
        }
      )
      socket.setEncoding('utf8')
      socket.on('data', (chunk: string) => (received += chunk))
      socket.on('end', () => done(null))
      socket.on('error', (e) => done(e.message))
    })
  })
}
