// The test host's server: the built renderer over http on 127.0.0.1 with the window's CSP, and LabApi over a
// WebSocket at /api. A random per-run token guards the socket: the page URL carries it, the upgrade must present
// it together with the host's own Origin, so no other local page or process can drive the lab. The Host header
// is checked on every request (a DNS-rebinding page would name another host).

import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { LabApi } from '../../shared/api/contract'
import { MAX_WIRE_MESSAGE_BYTES, TOKEN_PARAM, WIRE_PATH } from '../../shared/api/wire'
import { securityHeaders } from '../../shared/web/csp'
import { loadStatic } from './staticFiles'
import { confineLabPaths } from './labFolder'
import { attachSession, SESSION_LIMITS, type SessionLimits } from './wsSession'

export interface WebHostOptions {
  api: LabApi
  rendererDir: string
  /** 0 (default) picks a free port. */
  port?: number
  /** Fixed only in tests; normally a fresh random token per run. */
  token?: string
  log?: (line: string) => void
  /** The folder whose lab files the window may save and open by path (`--labs`); null or absent: none. */
  labFolder?: string | null
  /** Per-connection limits (tests lower them). */
  sessionLimits?: SessionLimits
}

export interface WebHost {
  /** The page to open, with the token. */
  url: string
  origin: string
  token: string
  close(): Promise<void>
}

export function newToken(): string {
  return randomBytes(24).toString('hex')
}

/** Compares a presented token with the secret in constant time. */
export function sameSecret(a: string | null, b: string): boolean {
  if (a === null) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The request target as a URL on this host, or null when it cannot be one (`//[`, `http://[`). */
export function parseUrl(target: string | undefined): URL | null {
  // Only origin-form targets ("/path?query") are ours; parsing against a fixed base keeps an absolute or
  // scheme-relative target from naming another host.
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return null
  try {
    return new URL(target, 'http://127.0.0.1')
  } catch {
    return null
  }
}

/**
 * The checks every page request of a lab host passes (presenter's and viewers'): this host's name, a read method, a
 * URL of ours. A request that fails one is answered here; the URL is returned for the rest.
 */
export function pageRequestUrl(req: IncomingMessage, res: ServerResponse, hostHeader: string, headers: Record<string, string>): URL | null {
  if (req.headers.host !== hostHeader) {
    res.writeHead(403, { ...headers, 'Content-Type': 'text/plain' }).end('forbidden: unexpected Host header')
    return null
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('method not allowed')
    return null
  }
  const url = parseUrl(req.url)
  if (!url) res.writeHead(400, { ...headers, 'Content-Type': 'text/plain' }).end('bad request: malformed URL')
  return url
}

const statusText = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' } as const

export function refuseUpgrade(socket: Duplex, status: keyof typeof statusText, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${statusText[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`)
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken()
  const log = options.log ?? (() => {})
  const api = confineLabPaths(options.api, options.labFolder ?? null)
  let hostHeader = ''
  let origin = ''

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Whatever a peer sends, a failure answers this request only; it never reaches the process.
    serveStatic(req, res).catch((e: unknown) => {
      log(`request failed: ${e instanceof Error ? e.message : String(e)}`)
      if (res.headersSent) res.destroy()
      else res.writeHead(500, { ...securityHeaders(), 'Content-Type': 'text/plain' }).end('internal error')
    })
  })
  // A peer that resets mid-request must not leave an unhandled 'error'.
  server.on('clientError', (_e, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = securityHeaders()
    const url = pageRequestUrl(req, res, hostHeader, headers)
    if (!url) return
    const pathname = url.pathname
    const file = await loadStatic(options.rendererDir, pathname)
    res.writeHead(file.status, { ...headers, 'Content-Type': file.contentType, 'Content-Length': file.body.length })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WIRE_MESSAGE_BYTES })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // After an upgrade the socket is ours: without this a reset by the peer would be an uncaught 'error'.
    socket.on('error', () => socket.destroy())
    if (req.headers.host !== hostHeader) return refuseUpgrade(socket, 403, 'forbidden: unexpected Host header')
    const url = parseUrl(req.url)
    if (url === null) return refuseUpgrade(socket, 400, 'bad request: malformed URL')
    if (url.pathname !== WIRE_PATH) return refuseUpgrade(socket, 404, 'not found')
    if (req.headers.origin !== origin) return refuseUpgrade(socket, 403, 'forbidden: the page is not from this host')
    if (!sameSecret(url.searchParams.get(TOKEN_PARAM), token)) return refuseUpgrade(socket, 403, 'forbidden: missing or wrong token')
    wss.handleUpgrade(req, socket, head, (ws) => attachSession(ws, api, log, options.sessionLimits ?? SESSION_LIMITS))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  hostHeader = `127.0.0.1:${port}`
  origin = `http://${hostHeader}`

  return {
    url: `${origin}/?${TOKEN_PARAM}=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
