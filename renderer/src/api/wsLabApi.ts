// LabApi over the test host's WebSocket, for a plain browser (tests, machines without the desktop app). Calls are
// answered by id; pushes fan out to subscribers. If the connection drops, pending and later calls fail with a
// clear message instead of hanging, told by a catalog message so the window says it in the user's language.

import type { ApiError, LabApi, LabApiMethod, LabPush } from '../../../shared/api/contract'
import { createLabApiClient } from '../../../shared/api/client'
import type { CallOutcome } from '../../../shared/api/dispatch'
import { formatMessage } from '../../../shared/i18n/format'
import { connectionClosedRef, type WireCall, type WireServerMessage } from '../../../shared/api/wire'

/** Why calls fail once the socket closed: English in `message` (logs, tests), the user's language through `message_ref`. */
export function connectionClosedError(code: number): ApiError {
  const ref = connectionClosedRef(code)
  return { message: formatMessage(ref, 'en'), message_ref: ref }
}

interface Pending {
  resolve: (outcome: CallOutcome) => void
}

export function connectWsLabApi(url: string, WebSocketImpl: typeof WebSocket = WebSocket): LabApi {
  const socket = new WebSocketImpl(url)
  const pending = new Map<number, Pending>()
  const listeners = new Set<(push: LabPush) => void>()
  const queue: string[] = []
  let nextId = 1
  let closed: ApiError | null = null

  socket.addEventListener('open', () => {
    for (const text of queue.splice(0)) socket.send(text)
  })
  // An error is always followed by a close event, which settles every call; nothing more to do here.
  socket.addEventListener('error', () => {})
  socket.addEventListener('close', (event) => {
    closed = connectionClosedError(event.code)
    queue.length = 0
    for (const p of pending.values()) p.resolve({ ok: false, error: closed })
    pending.clear()
    // A viewer's page says why it lost the presenter (sharing stopped, the room is full, too slow to follow).
    for (const l of listeners) l({ type: 'closed', code: event.code, reason: event.reason })
  })
  socket.addEventListener('message', (event) => {
    let msg: WireServerMessage
    try {
      msg = JSON.parse(String(event.data)) as WireServerMessage
    } catch {
      return
    }
    if ('push' in msg) {
      for (const l of listeners) l(msg.push)
      return
    }
    const p = pending.get(msg.id)
    if (!p) return
    pending.delete(msg.id)
    p.resolve('error' in msg ? { ok: false, error: msg.error } : { ok: true, result: msg.result })
  })

  function send(method: LabApiMethod, args: unknown[]): Promise<CallOutcome> {
    if (closed) return Promise.resolve({ ok: false, error: closed })
    const call: WireCall = { id: nextId++, method, args }
    const text = JSON.stringify(call)
    return new Promise((resolve) => {
      pending.set(call.id, { resolve })
      if (socket.readyState === socket.OPEN) socket.send(text)
      else queue.push(text)
    })
  }

  return createLabApiClient(send, (listener) => {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  })
}
