// One viewer's WebSocket: its calls are answered one at a time through the viewer's capability set (reads only);
// the hub sends it the lab's pushes and the presenter's step. A viewer cannot queue more than a few calls, and
// every answer goes out through the hub's byte limit, so no viewer can make the presenter's host work for it
// without end.

import type { WebSocket } from 'ws'
import type { ApiError, LabApi } from '../../shared/api/contract'
import { dispatch } from '../../shared/api/dispatch'
import type { WireReply } from '../../shared/api/wire'
import { apiFor } from './capabilities'
import type { ViewerHub } from './viewerHub'
import { wireCall } from './wsSession'

/** Calls a viewer may have waiting; more are refused (a page needs one or two at a time). */
export const MAX_VIEWER_CALLS_WAITING = 8

/** Reads whose answers only change when the lab does (cached in the hub per lab version). */
const CACHEABLE = new Set(['getTimeline', 'getHistory', 'exportLab'])

export function attachViewer(ws: WebSocket, hub: ViewerHub, api: LabApi, log: (line: string) => void = () => {}): void {
  if (!hub.add(ws)) return
  // Viewers get their pushes from the hub (broadcast once), never from the host directly.
  const viewerApi = apiFor('viewer', api, () => () => {})
  let waiting = 0
  let chain: Promise<void> = Promise.resolve()
  const reply = (r: WireReply) => hub.send(ws, JSON.stringify(r))

  async function answer(text: string): Promise<void> {
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      reply({ id: -1, error: { message: 'the message is not JSON' } })
      return
    }
    const call = wireCall.safeParse(data)
    if (!call.success) {
      reply({ id: -1, error: { message: 'the message is not a call: expected {"id": number, "method": string, "args": [...]}' } })
      return
    }
    const { id, method, args } = call.data
    if (CACHEABLE.has(method)) {
      const failure: { error?: ApiError } = {}
      const result = await hub.cached(`${method}:${JSON.stringify(args)}`, async () => {
        const outcome = await dispatch(viewerApi, method, args)
        if (outcome.ok) return JSON.stringify(outcome.result)
        failure.error = outcome.error
        return null
      })
      if (result !== null) hub.send(ws, `{"id":${id},"result":${result}}`)
      else reply({ id, error: failure.error ?? { message: `${method}: failed` } })
      return
    }
    const outcome = await dispatch(viewerApi, method, args)
    if (!outcome.ok) log(`viewer call ${method} refused: ${outcome.error.message}`)
    reply(outcome.ok ? { id, result: outcome.result } : { id, error: outcome.error })
  }

  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      reply({ id: -1, error: { message: 'binary messages are not accepted' } })
      return
    }
    if (waiting >= MAX_VIEWER_CALLS_WAITING) {
      reply({ id: -1, error: { message: `too many calls waiting (at most ${MAX_VIEWER_CALLS_WAITING})` } })
      return
    }
    waiting++
    const text = data.toString()
    chain = chain
      .then(() => answer(text))
      .catch((e) => log(`viewer call failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => waiting--)
  })
  ws.on('error', (e) => log(`viewer websocket error: ${e.message}`))
}
