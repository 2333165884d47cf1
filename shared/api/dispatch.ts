// One way into the lab host for every transport: the Electron IPC handlers and the test host's WebSocket both call
// `dispatch`, so a call is checked the same way whichever door it came through. It never throws: bad input and
// failures come back as an `ApiError` the window can show.

import { labApiArgs, type ApiError, type LabApi, type LabApiMethod } from './contract'
import { messageRefOf } from '../i18n/format'
import { prototypeKeyPath } from '../validation/fields'

export type CallOutcome = { ok: true; result: unknown } | { ok: false; error: ApiError }

export type ValidCall = { ok: true; method: LabApiMethod; args: unknown[] }

const MAX_NAME_IN_MESSAGE = 64

export function isLabApiMethod(method: unknown): method is LabApiMethod {
  return typeof method === 'string' && Object.prototype.hasOwnProperty.call(labApiArgs, method)
}

function describeMethod(method: unknown): string {
  if (typeof method !== 'string') return `a ${method === null ? 'null' : typeof method} method name`
  const shown = method.length > MAX_NAME_IN_MESSAGE ? `${method.slice(0, MAX_NAME_IN_MESSAGE)}…` : method
  return `"${shown}"`
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = 'args'
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`
  return out
}

/** Checks the method name and its arguments against the contract; returns the parsed arguments. */
export function validateCall(method: unknown, args: unknown): ValidCall | { ok: false; error: ApiError } {
  if (!isLabApiMethod(method)) return { ok: false, error: { message: `unknown lab API method ${describeMethod(method)}` } }
  if (!Array.isArray(args)) return { ok: false, error: { message: `${method}: the arguments must be an array` } }
  // Refused, not dropped: a script with this key is refused too (see fields.ts).
  const protoKey = prototypeKeyPath(args)
  if (protoKey) return { ok: false, error: { message: `${method}: invalid ${formatPath(protoKey)}: the key "__proto__" is not allowed` } }
  const parsed = labApiArgs[method].safeParse(args)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : ''
    return { ok: false, error: { message: `${method}: invalid ${formatPath(issue.path)}: ${issue.message}${more}` } }
  }
  return { ok: true, method, args: parsed.data as unknown[] }
}

/** What the window sees of a failure: the message, and the narration reference when the lab refused for a domain reason. */
export function toApiError(method: LabApiMethod, e: unknown): ApiError {
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error'
  const ref = messageRefOf(e)
  const error: ApiError = { message: `${method}: ${message}` }
  if (ref) error.message_ref = ref
  return error
}

export async function dispatch(api: LabApi, method: unknown, args: unknown): Promise<CallOutcome> {
  const call = validateCall(method, args)
  if (!call.ok) return call
  try {
    const fn = api[call.method] as ((...a: unknown[]) => Promise<unknown>) | undefined
    // The follow-along methods are optional: a host without them says so instead of failing obscurely.
    if (typeof fn !== 'function') return { ok: false, error: { message: `${call.method}: this lab host does not offer it` } }
    return { ok: true, result: await fn.apply(api, call.args) }
  } catch (e) {
    return { ok: false, error: toApiError(call.method, e) }
  }
}
