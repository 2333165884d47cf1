// Renders a UI string in a language. Unknown keys render visibly (`[key]`), so a missing entry shows in tests.

import type { Language } from '../../../shared/i18n/format'
import { strings, type StringKey } from './strings'

export type Params = Record<string, string | number>
export type Translate = (key: StringKey, params?: Params) => string

export function translate(lang: Language, key: StringKey, params: Params = {}): string {
  const entry = strings[key] as { en: string; de: string } | undefined
  if (!entry) return `[${key}]`
  return entry[lang].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole))
}

export function translator(lang: Language): Translate {
  return (key, params) => translate(lang, key, params)
}

export function isStringKey(key: string): key is StringKey {
  return Object.prototype.hasOwnProperty.call(strings, key)
}
