// The window's way to the lab: the preload's `window.labApi` in the desktop app, otherwise the test host's
// WebSocket, authorised by the token the host put in the page URL.

import type { LabApi } from '../../../shared/api/contract'
import { VIEWER_PARAM } from '../../../shared/api/sharing'
import { TOKEN_PARAM, WIRE_PATH } from '../../../shared/api/wire'
import { translate } from '../i18n/translate'
import type { WindowRole } from '../store/follow'
import { connectWsLabApi } from './wsLabApi'

declare global {
  interface Window {
    labApi?: LabApi
  }
}

/** A page with no way to a lab host; the window says so in the user's language (app.noHost), the error in English. */
export class NoLabHostError extends Error {
  constructor() {
    super(translate('en', 'app.noHost'))
    this.name = 'NoLabHostError'
  }
}

/**
 * The host's WebSocket URL for a page URL carrying its token (a presenter's `token`, or a viewer's `viewer` from a
 * shared room); null without one.
 */
export function labSocketUrl(pageUrl: string): string | null {
  const page = new URL(pageUrl)
  const param = page.searchParams.has(VIEWER_PARAM) ? VIEWER_PARAM : TOKEN_PARAM
  const token = page.searchParams.get(param)
  if (!token) return null
  const url = new URL(WIRE_PATH, page)
  url.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:'
  url.search = new URLSearchParams({ [param]: token }).toString()
  url.hash = ''
  return url.href
}

export function getLabApi(win: Pick<Window, 'labApi' | 'location'> = window): LabApi {
  if (win.labApi) return win.labApi
  const socketUrl = labSocketUrl(win.location.href)
  if (!socketUrl) {
    throw new NoLabHostError()
  }
  return connectWsLabApi(socketUrl)
}

/** A page opened from a viewer URL follows a presenter (the host decides what it may do; this only shapes the UI). */
export function windowRole(win: Pick<Window, 'labApi' | 'location'> = window): WindowRole {
  return !win.labApi && new URL(win.location.href).searchParams.has(VIEWER_PARAM) ? 'viewer' : 'presenter'
}

/** The desktop app's preload gives the page its LabApi (with native file dialogs); a plain browser has none. */
export function isDesktop(win: Pick<Window, 'labApi'> = window): boolean {
  return !!win.labApi
}
