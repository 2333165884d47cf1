// A notice's sentence in a language (a refusal's fault line aside, which Notices.tsx sets in bold before it).

import { formatMessage } from '../../../shared/i18n/format'
import type { Language } from '../../../shared/i18n/message'
import { translate } from '../i18n/translate'
import type { NoticeBody } from '../store/types'

export function noticeText(n: NoticeBody, lang: Language): string {
  const labels = Object.fromEntries(Object.entries(n.keyParams ?? {}).map(([name, key]) => [name, translate(lang, key)]))
  const messages = Object.fromEntries(Object.entries(n.messageParams ?? {}).map(([name, ref]) => [name, formatMessage(ref, lang)]))
  return [n.key && translate(lang, n.key, { ...n.params, ...labels, ...messages }), n.message && formatMessage(n.message, lang), n.text].filter(Boolean).join(' ')
}
