// LabApi over the test host's WebSocket, for a plain browser (tests, machines without the desktop app). Calls are
// answered by id; pushes fan out to subscribers. If the connection drops, pending and later calls fail with a
// clear message instead of hanging.

import type { LabApi, LabApiMethod, LabPush } from '../../../shared/api/contract'
import { createLabApiClient } from '../../../shared/api/client'
import type { CallOutcome } from '../../../shared/api/dispatch'
import type { WireCall, WireServerMessage } from '../../../shared/api/wire'

interface Pending {
  resolve: (outcome: CallOutcome) => void
}

export function connectWsLabApi(url: string, WebSocketImpl: typeof WebSocket = WebSocket): LabApi {
  const socket = new WebSocketImpl(url)
  const pending = new Map<number, Pending>()
  const listeners = new Set<(push: LabPush) => void>()
  const queue: string[] = []
  let nextId = 1
  let closedReason: string | null = null

  const fail = (message: string): CallOutcome => ({ ok: false, error: { message } })

  socket.addEventListener('open', () => {
    for (const text of queue.splice(0)) socket.send(text)
  })
  // An error is always followed by a close event, which settles every call; nothing more to do here.
  socket.addEventListener('error', () => {})
  socket.addEventListener('close', (event) => {
    closedReason = `the connection to the lab host closed${event.code === 1006 ? ' (refused or lost)' : ''}`
    queue.length = 0
    for (const p of pending.values()) p.resolve(fail(closedReason))
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
    if (closedReason) return Promise.resolve(fail(closedReason))
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
