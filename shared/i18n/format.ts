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

/** The catalog message an error carries (a lab fault, a lab file's problem), if it names one of this narration. */
export function messageRefOf(e: unknown): MessageRef | undefined {
  const ref = typeof e === 'object' && e !== null ? (e as { messageRef?: unknown }).messageRef : undefined
  if (typeof ref !== 'object' || ref === null) return undefined
  const { id, params } = ref as MessageRef
  return typeof id === 'string' && isMessageId(id) && typeof params === 'object' && params !== null ? { id, params } : undefined
}
