// One WebSocket connection of the test host: each message is a LabApi call, answered by id through the same
// `dispatch` the desktop IPC uses; the lab's pushes go to this connection until it closes.

import type { WebSocket } from 'ws'
import { z } from 'zod'
import type { LabApi } from '../../shared/api/contract'
import { dispatch } from '../../shared/api/dispatch'
import type { WireReply, WireServerMessage } from '../../shared/api/wire'

/** One call as it arrives on the socket (its arguments are checked later, by `dispatch`). */
export const wireCall = z.object({ id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), method: z.string().max(64), args: z.array(z.unknown()).max(16) }).strict()

/** Parses one incoming message; a message that is not a call gets an error reply (with its id when one is readable). */
export async function answer(api: LabApi, text: string): Promise<WireReply> {
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

export function attachSession(ws: WebSocket, api: LabApi, log: (line: string) => void = () => {}): void {
  const send = (msg: WireServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg))
  }
  const unsubscribe = api.subscribe((push) => send({ push }))
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      send({ id: -1, error: { message: 'binary messages are not accepted' } })
      return
    }
    answer(api, data.toString())
      .then((reply) => {
        if ('error' in reply) log(`call ${reply.id} refused: ${reply.error.message}`)
        send(reply)
      })
      .catch((e) => log(`call failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`))
  })
  ws.on('close', unsubscribe)
  ws.on('error', (e) => log(`websocket error: ${e.message}`))
}
