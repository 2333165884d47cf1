// Where the window's code comes from: the privileged app:// scheme, served from out/renderer by the main process.
// A fixed host name gives the window a stable origin (app://lab) to check senders and navigations against.

export const APP_SCHEME = 'app'
export const APP_HOST = 'lab'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`
/** The presenter's notes page (node/web/staticFiles.ts serves index.html there; the page reads its path). */
export const APP_NOTES_URL = `${APP_ORIGIN}/notes`

/** True only for URLs of the app's own origin (parsed, never compared as text prefixes). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === ''
  } catch {
    return false
  }
}

/** The Vite dev server's origin from electron-vite's ELECTRON_RENDERER_URL, accepted only on the loopback interface. */
export function devServerOrigin(rendererUrl: string | undefined): string | null {
  if (!rendererUrl) return null
  try {
    const u = new URL(rendererUrl)
    const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]'
    return (u.protocol === 'http:' || u.protocol === 'https:') && loopback ? u.origin : null
  } catch {
    return null
  }
}
