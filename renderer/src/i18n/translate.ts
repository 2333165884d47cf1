// Renders a UI string in a language, with the message syntax of the lab's narration (shared/i18n/message.ts):
// {name}, {n, number}, {n, plural, one {…} other {…}}.

import { renderTemplate, type Language } from '../../../shared/i18n/message'
import { strings, type StringKey } from './strings'

export type Params = Record<string, string | number>
export type Translate = (key: StringKey, params?: Params) => string

export function translate(lang: Language, key: StringKey, params: Params = {}): string {
  return renderTemplate(strings[key][lang], lang, params, String)
}

export function translator(lang: Language): Translate {
  return (key, params) => translate(lang, key, params)
}

export function isStringKey(key: string): key is StringKey {
  return Object.prototype.hasOwnProperty.call(strings, key)
}
