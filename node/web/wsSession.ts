// One WebSocket connection of the test host: each message is a LabApi call, answered by id through the same
// `dispatch` the desktop IPC uses; the lab's pushes go to this connection until it closes.
//
// The peer is not trusted to be polite. Per connection:
// - at most MAX_CALLS_IN_FLIGHT calls run at once; beyond that the host stops reading the socket (TCP pushes back
//   on the sender) until one is answered, so pipelining thousands of calls costs no more than a few;
// - answers not yet taken by the peer count as queued bytes; above MAX_QUEUED_BYTES the host stops reading too,
//   and a peer that lets more than MAX_UNREAD_BYTES pile up (it asks and never reads) is disconnected;
// - a message over MAX_CALL_BYTES is refused unless it is an import of one file (see wire.ts), before parsing;
// - once the peer is gone, answers still being computed are dropped, not serialized.

import type { WebSocket } from 'ws'
import { z } from 'zod'
import type { LabApi } from '../../shared/api/contract'
import { dispatch } from '../../shared/api/dispatch'
import { LARGE_CALL_PREFIX, MAX_CALL_BYTES, type WireReply, type WireServerMessage } from '../../shared/api/wire'

export interface SessionLimits {
  maxCallsInFlight: number
  /** Answers not yet written out beyond this pause reading the peer's calls. */
  maxQueuedBytes: number
  /**
   * Bytes not yet written out beyond which a push closes the connection. Answers need no such cap: no call starts
   * while maxQueuedBytes are waiting, so at most maxCallsInFlight answers pile up. Pushes come whether the peer
   * reads or not, so a peer that stops reading would hold them without end.
   */
  maxUnreadBytes: number
}

export const SESSION_LIMITS: Readonly<SessionLimits> = Object.freeze({
  maxCallsInFlight: 4,
  maxQueuedBytes: 32 * 1024 * 1024,
  maxUnreadBytes: 256 * 1024 * 1024
})

/** One call as it arrives on the socket (its arguments are checked later, by `dispatch`). */
export const wireCall = z.object({ id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), method: z.string().max(64), args: z.array(z.unknown()).max(16) }).strict()

/** Whether a message of this size and start may be parsed at all. */
export function acceptableSize(text: string): boolean {
  return text.length <= MAX_CALL_BYTES || (LARGE_CALL_PREFIX.test(text.slice(0, 64)) && text.endsWith('"]}'))
}

/** Parses one incoming message; a message that is not a call gets an error reply (with its id when one is readable). */
export async function answer(api: LabApi, text: string): Promise<WireReply> {
  if (!acceptableSize(text)) {
    return { id: -1, error: { message: `the message is too large: calls other than importLab may be at most ${MAX_CALL_BYTES} bytes` } }
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { id: -1, error: { message: 'the message is not JSON' } }
  }
  const call = wireCall.safeParse(data)
  if (!call.success) {
    const id = typeof (data as { id?: unknown })?.id === 'number' ? (data as { id: number }).id : -1
    return { id, error: { message: 'the message is not a call: expected {"id": number, "method": string, "args": [...]}' } }
  }
  const outcome = await dispatch(api, call.data.method, call.data.args)
  return outcome.ok ? { id: call.data.id, result: outcome.result } : { id: call.data.id, error: outcome.error }
}

export function attachSession(ws: WebSocket, api: LabApi, log: (line: string) => void = () => {}, limits: SessionLimits = SESSION_LIMITS): void {
  let inFlight = 0
  let queuedBytes = 0
  let gone = false
  // Messages received while maxCallsInFlight run: one socket read can hold hundreds of small calls, so they wait
  // here (reading is paused meanwhile, so this holds at most what was already read).
  const waiting: string[] = []

  const overLimit = () => waiting.length > 0 || inFlight >= limits.maxCallsInFlight || queuedBytes > limits.maxQueuedBytes
  const applyBackpressure = () => {
    if (gone) return
    if (overLimit()) {
      if (!ws.isPaused) ws.pause()
    } else if (ws.isPaused) ws.resume()
  }

  const send = (msg: WireServerMessage) => {
    if (gone || ws.readyState !== ws.OPEN) return
    const text = JSON.stringify(msg)
    const bytes = Buffer.byteLength(text)
    queuedBytes += bytes
    if ('push' in msg && queuedBytes > limits.maxUnreadBytes) {
      log(`closing a connection that does not read what it is sent (${queuedBytes} bytes unread)`)
      gone = true
      ws.terminate()
      return
    }
    ws.send(text, () => {
      queuedBytes -= bytes
      pump()
    })
  }

  const pump = () => {
    while (!gone && waiting.length > 0 && inFlight < limits.maxCallsInFlight && queuedBytes <= limits.maxQueuedBytes) {
      const text = waiting.shift()!
      inFlight++
      answer(api, text)
        .then((reply) => {
          if ('error' in reply) log(`call ${reply.id} refused: ${reply.error.message}`)
          send(reply)
        })
        .catch((e) => log(`call failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          inFlight--
          pump()
        })
    }
    applyBackpressure()
  }

  const unsubscribe = api.subscribe((push) => send({ push }))
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      send({ id: -1, error: { message: 'binary messages are not accepted' } })
      return
    }
    waiting.push(data.toString())
    pump()
  })
  ws.on('close', () => {
    gone = true
    waiting.length = 0
    unsubscribe()
  })
  ws.on('error', (e) => log(`websocket error: ${e.message}`))
}
