// The window's guard rails beyond webPreferences: the page may not navigate, open windows, attach webviews, ask for
// permissions or reach any origin but its own. Applied to every webContents and to the session, so a bug in the
// renderer cannot turn into a way out of the sandbox. Only Electron types are imported: tests pass fakes.

import type { Session, WebContents } from 'electron'
import { isAppUrl } from './appOrigin'

/** Requests the window may make: its own app:// origin, inline data: images, and (unpackaged dev runs) the dev server. */
export function isAllowedRequest(url: string, devServerOrigin: string | null): boolean {
  if (isAppUrl(url)) return true
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol === 'data:' || u.protocol === 'devtools:') return true
  if (devServerOrigin === null) return false
  const dev = new URL(devServerOrigin)
  const sameHost = u.host === dev.host
  return sameHost && (u.protocol === dev.protocol || u.protocol === (dev.protocol === 'https:' ? 'wss:' : 'ws:'))
}

export function hardenSession(ses: Session, devServerOrigin: string | null): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, devServerOrigin) }))
}

export function hardenWebContents(contents: WebContents): void {
  // A single-page app never navigates; links that would leave it are dropped, not opened.
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
