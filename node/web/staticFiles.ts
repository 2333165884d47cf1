// Serves the built renderer (out/renderer) to the desktop app's app:// protocol and to the test host alike: maps a
// URL path to a file inside the root, and never outside it.

import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

export function contentType(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** The file a URL path names inside `root`, or null when the path is malformed or would leave the root. */
export function resolveStaticPath(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null
  const rootDir = resolve(root)
  const file = resolve(rootDir, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`)
  return file.startsWith(rootDir + sep) ? file : null
}

/**
 * Addresses of the window's own pages besides the main one: each is index.html, which reads its path (the
 * presenter's notes at /notes). Relative asset URLs stay right because these paths sit at the root.
 */
export const PAGE_PATHS: ReadonlySet<string> = new Set(['/notes'])

export type StaticResult = { status: 200; body: Buffer; contentType: string } | { status: 400 | 404; body: Buffer; contentType: string }

export async function loadStatic(root: string, pathname: string): Promise<StaticResult> {
  const file = resolveStaticPath(root, PAGE_PATHS.has(pathname) ? '/index.html' : pathname)
  const text = (status: 400 | 404, message: string): StaticResult => ({ status, body: Buffer.from(message), contentType: contentTypes['.txt'] })
  if (!file) return text(400, 'bad path')
  try {
    if (!(await stat(file)).isFile()) return text(404, 'not found')
    return { status: 200, body: await readFile(file), contentType: contentType(file) }
  } catch {
    return text(404, 'not found')
  }
}
