// Who may call the lab over IPC: only the main frame of our own window, showing a page of the app's origin. An
// iframe, another window, or our window after it somehow navigated elsewhere is refused. Kept free of Electron
// imports so the rule is unit-tested as is.

import { isAppUrl } from './appOrigin'

export interface SenderInfo {
  /** webContents id of the sender. */
  webContentsId: number
  /** URL of the frame that sent the message; null when the frame is gone (navigated or destroyed). */
  frameUrl: string | null
  isMainFrame: boolean
}

/** `devServerOrigin` is set only in unpackaged development runs, where the page comes from the Vite dev server. */
export function isTrustedSender(sender: SenderInfo, windowWebContentsId: number | null, devServerOrigin: string | null = null): boolean {
  if (windowWebContentsId === null || sender.webContentsId !== windowWebContentsId) return false
  if (!sender.isMainFrame) return false
  return isAppPage(sender.frameUrl, devServerOrigin)
}

/** Whether a page URL is the app: its own origin, or the dev server during development. */
export function isAppPage(url: string | null, devServerOrigin: string | null): boolean {
  if (isAppUrl(url)) return true
  if (devServerOrigin === null || url === null) return false
  try {
    return new URL(url).origin === devServerOrigin
  } catch {
    return false
  }
}

interface FrameLike {
  url: string
  parent: unknown
}

interface IpcEventLike {
  sender: { id: number }
  senderFrame: FrameLike | null
}

/** Reads what the check needs from an Electron IPC event (`senderFrame` is null once the frame navigated away). */
export function senderInfo(event: IpcEventLike): SenderInfo {
  const frame = event.senderFrame
  return { webContentsId: event.sender.id, frameUrl: frame ? frame.url : null, isMainFrame: frame !== null && frame.parent === null }
}
