// The test host's WebSocket messages. The window sends a call, the host answers it by id; pushes carry no id.
// (The desktop app uses Electron IPC instead; both end in `dispatch`.)

import type { ApiError, LabPush } from './contract'
import type { MessageRef } from '../lab/events'

export interface WireCall {
  id: number
  method: string
  args: unknown[]
}

export type WireReply = { id: number; result: unknown } | { id: number; error: ApiError }

export interface WirePush {
  push: LabPush
}

export type WireServerMessage = WireReply | WirePush

/**
 * Why the window lost its lab host, from the socket's close code: 1006 (no close frame) is a connection refused or
 * broken off, any other code the host closing it.
 */
export function connectionClosedRef(code: number): MessageRef {
  return { id: code === 1006 ? 'labHost.connectionLost' : 'labHost.connectionClosed', params: {} }
}

/** The WebSocket path and the query parameter that carries the per-run token. */
export const WIRE_PATH = '/api'
export const TOKEN_PARAM = 'token'

/** Largest message the host accepts (an imported lab file travels in one message). */
export const MAX_WIRE_MESSAGE_BYTES = 64 * 1024 * 1024

/**
 * Largest message of any other call. Parsing a message costs time on the host's one thread: 60 MB of small JSON
 * values blocks it for seconds, while one 60 MB string (an imported file) parses in a fraction of that.
 */
export const MAX_CALL_BYTES = 1024 * 1024

/** The exact start a message over MAX_CALL_BYTES must have: an import whose one argument is the file's text. */
export const LARGE_CALL_PREFIX = /^\{"id":\d{1,16},"method":"importLab","args":\["/
