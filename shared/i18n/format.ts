import { narration, type MessageId } from './narration'
import { renderTemplate, type Language } from './message'
import type { MessageParam, MessageRef } from '../lab/events'

export type { Language }

/** Renders a message from the narration; a nested message (a reason inside a sentence) is told in the same language. */
export function formatMessage(ref: MessageRef, lang: Language): string {
  // The id is typed, but a ref that crossed the wire from an older or newer host may still name no entry.
  const entry = (narration as Partial<Record<string, { en: string; de: string }>>)[ref.id]
  if (!entry) return `[${ref.id}]`
  return renderTemplate<MessageParam>(entry[lang], lang, ref.params, (value) => (typeof value === 'object' ? formatMessage(value, lang) : String(value)))
}

export function isMessageId(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(narration, id)
}
