import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CSP_HEADER } from '../../shared/web/csp'
import { createAppRequestHandler } from '../../electron/appProtocol'

describe('the app:// protocol handler', () => {
  let handle: (r: Request) => Promise<Response>

  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'kf-app-'))
    const renderer = join(root, 'renderer')
    mkdirSync(join(renderer, 'assets'), { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
    writeFileSync(join(renderer, 'assets', 'a.js'), 'export {}')
    writeFileSync(join(root, 'secret.txt'), 'outside the renderer')
    handle = createAppRequestHandler(renderer)
  })

  it('serves the renderer with the CSP header and the right type', async () => {
    const r = await handle(new Request('app://lab/index.html'))
    expect(r.status).toBe(200)
    expect(r.headers.get('content-security-policy')).toBe(CSP_HEADER)
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await r.text()).toContain('<title>t</title>')
    const js = await handle(new Request('app://lab/assets/a.js'))
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await handle(new Request('app://lab/'))).status).toBe(200)
  })

  it('carries the CSP on errors too', async () => {
    const r = await handle(new Request('app://lab/missing.js'))
    expect(r.status).toBe(404)
    expect(r.headers.get('content-security-policy')).toBe(CSP_HEADER)
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const url of ['app://lab/%2e%2e/secret.txt', 'app://lab/..%2fsecret.txt', 'app://lab/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'app://lab/%00index.html']) {
      const r = await handle(new Request(url))
      expect(r.status, url).toBeGreaterThanOrEqual(400)
      expect(await r.text(), url).not.toContain('outside the renderer')
    }
  })

  it('answers only its own host and only reads', async () => {
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404)
    expect((await handle(new Request('app://lab/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
    const head = await handle(new Request('app://lab/index.html', { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
