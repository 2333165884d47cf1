// The viewer server: the built renderer over http, and a read-only WebSocket for viewers, on the address the
// presenter chose (127.0.0.1 unless they picked another). Only the viewer token opens the socket, and only from a
// page this server served (Origin and Host are checked as on the presenter's host); a viewer connection reaches the
// lab through the viewer hub's capability set. The presenter's token is never accepted here.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { LabApi } from '../../shared/api/contract'
import { VIEWER_PARAM } from '../../shared/api/sharing'
import { WIRE_PATH } from '../../shared/api/wire'
import { securityHeaders } from '../../shared/web/csp'
import { newToken, pageRequestUrl, parseUrl, refuseUpgrade, sameSecret } from './server'
import { loadStatic } from './staticFiles'
import type { ViewerHub } from './viewerHub'
import { attachViewer } from './viewerSession'

/** Viewers send calls only (a few hundred bytes); the presenter's big messages (imports) never come this way. */
const MAX_VIEWER_MESSAGE_BYTES = 64 * 1024
/** How long viewers have to answer the close before they are cut off. */
const CLOSE_GRACE_MS = 500

export interface ViewerServerOptions {
  api: LabApi
  hub: ViewerHub
  rendererDir: string
  /** The address to listen on; 127.0.0.1 unless the presenter chose another. */
  address?: string
  port?: number
  /** Fixed only in tests; normally a fresh random token each time sharing starts. */
  token?: string
  log?: (line: string) => void
}

export interface ViewerServer {
  /** The viewer page, with the viewer token. */
  url: string
  origin: string
  address: string
  token: string
  /** Stops listening and disconnects every viewer. */
  close(): Promise<void>
}

/** host:port as it appears in a URL and a Host header (IPv6 in brackets). */
export function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`
}

export async function startViewerServer(options: ViewerServerOptions): Promise<ViewerServer> {
  const token = options.token ?? newToken()
  const address = options.address ?? '127.0.0.1'
  const log = options.log ?? (() => {})
  let hostHeader = ''
  let origin = ''

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    serveStatic(req, res).catch((e: unknown) => {
      log(`viewer request failed: ${e instanceof Error ? e.message : String(e)}`)
      if (res.headersSent) res.destroy()
      else res.writeHead(500, { 'Content-Type': 'text/plain' }).end('internal error')
    })
  })

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = securityHeaders()
    const url = pageRequestUrl(req, res, hostHeader, headers)
    if (!url) return
    const file = await loadStatic(options.rendererDir, url.pathname)
    res.writeHead(file.status, { ...headers, 'Content-Type': file.contentType, 'Content-Length': file.body.length })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_VIEWER_MESSAGE_BYTES })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // After an upgrade the socket is ours: without this a reset by the peer would be an uncaught 'error'.
    socket.on('error', () => socket.destroy())
    const url = parseUrl(req.url)
    if (!url) return refuseUpgrade(socket, 400, 'bad request')
    if (url.pathname !== WIRE_PATH) return refuseUpgrade(socket, 404, 'not found')
    if (req.headers.host !== hostHeader) return refuseUpgrade(socket, 403, 'forbidden: unexpected Host header')
    if (req.headers.origin !== origin) return refuseUpgrade(socket, 403, 'forbidden: the page is not from this host')
    if (!sameSecret(url.searchParams.get(VIEWER_PARAM), token)) return refuseUpgrade(socket, 403, 'forbidden: missing or wrong viewer token')
    wss.handleUpgrade(req, socket, head, (ws) => attachViewer(ws, options.hub, options.api, log))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, address, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  hostHeader = hostPort(address, port)
  origin = `http://${hostHeader}`

  return {
    url: `${origin}/?${VIEWER_PARAM}=${token}`,
    origin,
    address,
    token,
    async close() {
      // Viewers are told why (their page says the presenter stopped sharing), then cut off if they do not answer.
      options.hub.disconnectAll()
      const goodbyes = [...wss.clients].map((ws) => new Promise<void>((done) => (ws.readyState === ws.CLOSED ? done() : ws.once('close', () => done()))))
      await Promise.race([Promise.all(goodbyes), new Promise((done) => setTimeout(done, CLOSE_GRACE_MS))])
      for (const client of wss.clients) client.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
