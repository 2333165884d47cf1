import { catalog, type Language } from './catalog'
import type { MessageRef } from '../lab/events'

export type { Language }

/** Renders a message from the catalog; unknown ids render visibly so a missing entry is caught in tests. */
export function formatMessage(ref: MessageRef, lang: Language): string {
  const entry = catalog[ref.id]
  if (!entry) return `[${ref.id}]`
  return entry[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(ref.params, name)) return whole
    const value = ref.params[name]
    return typeof value === 'object' ? formatMessage(value, lang) : String(value)
  })
}

export function hasMessage(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(catalog, id)
}
