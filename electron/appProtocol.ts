// The app:// protocol: serves the built renderer with the CSP and the other security headers on every response.
// Written against the web Request/Response types so it runs (and is tested) without Electron.

import { securityHeaders } from '../shared/web/csp'
import { loadStatic } from '../node/web/staticFiles'
import { APP_HOST } from './appOrigin'

export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers = securityHeaders()
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('not found', { status: 404, headers })
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405, headers })
    const file = await loadStatic(rendererDir, url.pathname)
    const body = request.method === 'HEAD' ? null : new Uint8Array(file.body)
    return new Response(body, { status: file.status, headers: { ...headers, 'Content-Type': file.contentType } })
  }
}
