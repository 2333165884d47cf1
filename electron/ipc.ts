// The lab's IPC surface in the main process: one handler per LabApi method, each checking who sent the call and
// what it carries before the lab host sees it, and the push channel that streams the lab's changes to our window
// only. A refused or failing call answers with an error envelope; the handler never throws.

import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { channel, labApiMethods, PUSH_CHANNEL, type LabApi, type LabApiMethod, type LabPush, type MenuRequest } from '../shared/api/contract'
import { dispatch, type CallOutcome } from '../shared/api/dispatch'

export const UNTRUSTED_SENDER_MESSAGE = 'refused: the call did not come from the KeyFlow Lab window'

export interface IpcOptions {
  /** Whether this event came from the main frame of our window showing the app. */
  isTrusted: (event: IpcMainInvokeEvent) => boolean
  /** Desktop-only limits on top of the contract: a reason to refuse this call, or null. */
  refuse?: (method: LabApiMethod, args: unknown[]) => string | null
  /** Called for calls that failed inside the host (not for refusals), so bugs show up in the main process log. */
  onFailure?: (method: string, message: string) => void
}

export function registerLabIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, api: LabApi, options: IpcOptions): () => void {
  for (const method of labApiMethods) {
    ipcMain.handle(channel(method), async (event, ...args: unknown[]): Promise<CallOutcome> => {
      let trusted: boolean
      try {
        trusted = options.isTrusted(event)
      } catch {
        trusted = false
      }
      if (!trusted) return { ok: false, error: { message: UNTRUSTED_SENDER_MESSAGE } }
      const refusal = options.refuse?.(method, args) ?? null
      if (refusal) return { ok: false, error: { message: `${method}: ${refusal}` } }
      const outcome = await dispatch(api, method, args)
      if (!outcome.ok) options.onFailure?.(method, outcome.error.message)
      return outcome
    })
  }
  return () => {
    for (const method of labApiMethods) ipcMain.removeHandler(channel(method))
  }
}

/**
 * The window never names files on disk: saving to a new place and opening go through the native dialog in the main
 * process. A renderer that could pass paths could overwrite or probe any file the user can reach.
 */
export function refuseRendererPaths(method: LabApiMethod, args: unknown[]): string | null {
  if (method !== 'saveLab' && method !== 'openLab') return null
  const options = args[0]
  const hasPath = typeof options === 'object' && options !== null && (options as { path?: unknown }).path !== undefined
  return hasPath ? 'the window cannot name a file path; the file dialog chooses it' : null
}

interface PushTarget {
  isDestroyed(): boolean
  send(channel: string, push: LabPush): void
}

/** Forwards the host's pushes to one window's webContents (and nowhere else) while `canReceive` holds. */
export function forwardPushes(api: Pick<LabApi, 'subscribe'>, target: () => PushTarget | null, canReceive: () => boolean): () => void {
  return api.subscribe((push) => {
    const t = target()
    if (!t || t.isDestroyed() || !canReceive()) return
    t.send(PUSH_CHANNEL, push)
  })
}

/**
 * The native menu's items the window carries out itself (`LabPush` "menu"): sent to our window while it shows the
 * app, and dropped otherwise — with no window to ask, New and Open must not replace a lab without the question.
 */
export function menuRequests(target: () => PushTarget | null, canReceive: () => boolean): (item: MenuRequest) => () => void {
  return (item) => () => {
    const t = target()
    if (!t || t.isDestroyed() || !canReceive()) return
    t.send(PUSH_CHANNEL, { type: 'menu', item })
  }
}
