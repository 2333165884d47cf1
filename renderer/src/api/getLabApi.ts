// The window's way to the lab: the preload's `window.labApi` in the desktop app, otherwise the test host's
// WebSocket, authorised by the token the host put in the page URL.

import type { LabApi } from '../../../shared/api/contract'
import { TOKEN_PARAM, WIRE_PATH } from '../../../shared/api/wire'
import { connectWsLabApi } from './wsLabApi'

declare global {
  interface Window {
    labApi?: LabApi
  }
}

export class NoLabHostError extends Error {}

/** The test host's WebSocket URL for a page URL carrying its token; null without a token. */
export function labSocketUrl(pageUrl: string): string | null {
  const page = new URL(pageUrl)
  const token = page.searchParams.get(TOKEN_PARAM)
  if (!token) return null
  const url = new URL(WIRE_PATH, page)
  url.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:'
  url.search = new URLSearchParams({ [TOKEN_PARAM]: token }).toString()
  url.hash = ''
  return url.href
}

export function getLabApi(win: Pick<Window, 'labApi' | 'location'> = window): LabApi {
  if (win.labApi) return win.labApi
  const socketUrl = labSocketUrl(win.location.href)
  if (!socketUrl) {
    throw new NoLabHostError('This page needs a lab host: start the desktop app (npm start) or the test host (npm run web) and open the URL it prints.')
  }
  return connectWsLabApi(socketUrl)
}

/** The desktop app's preload gives the page its LabApi (with native file dialogs); a plain browser has none. */
export function isDesktop(win: Pick<Window, 'labApi'> = window): boolean {
  return !!win.labApi
}
