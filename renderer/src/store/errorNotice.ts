// What the window says when a call to the host (or its own work) fails: the error's catalog message in the user's
// language where it carries one (a lab file's problem, a refusal: LabApiError.messageRef), otherwise its text as
// the host gave it. Every notice about a failure is made here.

import { messageRefOf } from '../../../shared/i18n/format'
import type { StringKey } from '../i18n/strings'
import { messageOf, type NoticeBody } from './types'

/** A notice that says `e` on its own. */
export function errorNotice(e: unknown): NoticeBody {
  const ref = messageRefOf(e)
  return ref ? { kind: 'error', message: ref } : { kind: 'error', text: messageOf(e) }
}

/**
 * A notice with the window's sentence `key`, whose `{reason}` is `e` (a sentence of its own: the catalog's ends with
 * its full stop, a host's text gets one).
 */
export function failureNotice(key: StringKey, e: unknown, params: Record<string, string | number> = {}): NoticeBody {
  const ref = messageRefOf(e)
  if (ref) return { kind: 'error', key, params, messageParams: { reason: ref } }
  const text = messageOf(e).trim()
  return { kind: 'error', key, params: { ...params, reason: /[.!?…]$/.test(text) ? text : `${text}.` } }
}
