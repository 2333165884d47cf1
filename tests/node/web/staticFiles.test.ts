import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contentType, loadStatic, resolveStaticPath } from '../../../node/web/staticFiles'

describe('resolveStaticPath', () => {
  const root = '/srv/renderer'
  it('maps URL paths into the root', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/renderer/index.html')
    expect(resolveStaticPath(root, '/assets/index-1.js')).toBe('/srv/renderer/assets/index-1.js')
    expect(resolveStaticPath(root, '/a%20b.css')).toBe('/srv/renderer/a b.css')
  })
  it('refuses paths that leave the root or are malformed', () => {
    for (const p of ['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/a%00.js', '/%E0%A4%A', 'relative', '/a\\..\\b']) {
      expect(resolveStaticPath(root, p), p).toBeNull()
    }
  })
})

describe('contentType', () => {
  it('names the types the renderer uses', () => {
    expect(contentType('x.html')).toBe('text/html; charset=utf-8')
    expect(contentType('x.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentType('x.css')).toBe('text/css; charset=utf-8')
    expect(contentType('x.png')).toBe('image/png')
    expect(contentType('x.unknown')).toBe('application/octet-stream')
  })
})

describe('the window’s own pages', () => {
  it('serves the page at /notes (the presenter’s notes) and nothing under it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'keyflow-static-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>KeyFlow Lab</title>')
    const notes = await loadStatic(root, '/notes')
    expect(notes.status).toBe(200)
    expect(notes.contentType).toBe('text/html; charset=utf-8')
    expect(notes.body.toString()).toContain('KeyFlow Lab')
    expect((await loadStatic(root, '/notes/x')).status).toBe(404)
    expect((await loadStatic(root, '/notesx')).status).toBe(404)
  })
})
