// Why the inspector could not decode a KMIP message, in the window's language: the decoder's code says what was
// wrong and its offset where (the decoder's English detail, with lengths and limits, is for logs and tests).

import { KmipDecodeError, type KmipDecodeErrorCode } from '../../../shared/kmip'
import type { StringKey } from '../i18n/strings'
import type { Translate } from '../i18n/translate'

const REASON: Record<KmipDecodeErrorCode, StringKey> = {
  'bad-input': 'kmipDecode.badInput',
  'too-large': 'kmipDecode.tooLarge',
  truncated: 'kmipDecode.truncated',
  'bad-type': 'kmipDecode.badType',
  'bad-length': 'kmipDecode.badLength',
  'bad-padding': 'kmipDecode.badPadding',
  'bad-boolean': 'kmipDecode.badBoolean',
  'bad-utf8': 'kmipDecode.badUtf8',
  'bad-big-integer': 'kmipDecode.badBigInteger',
  'structure-overrun': 'kmipDecode.structureOverrun',
  'too-deep': 'kmipDecode.tooDeep',
  'too-many-items': 'kmipDecode.tooManyItems',
  'trailing-bytes': 'kmipDecode.trailingBytes'
}

export function kmipUnreadableText(e: unknown, t: Translate): string {
  if (e instanceof KmipDecodeError) return t('event.kmipUnreadableAt', { offset: e.offset, reason: t(REASON[e.code]) })
  return t('event.kmipUnreadable', { reason: e instanceof Error ? e.message : String(e) })
}
