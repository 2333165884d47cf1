// The window's own preferences (not part of the lab): language, theme, motion, presenter mode and playback habits.
// Kept in the browser's storage so a presenter's choices survive a restart; anything unreadable falls back to the
// defaults.

import type { Language } from '../../../shared/i18n/format'

export type ThemeChoice = 'system' | 'light' | 'dark'
export type MotionChoice = 'system' | 'reduce' | 'full'
export type MainView = 'graph' | 'table'

export interface Settings {
  language: Language
  theme: ThemeChoice
  motion: MotionChoice
  presenter: boolean
  /** New commands play their events from where they start; off: the view jumps to the end. */
  autoPlay: boolean
  view: MainView
  legend: boolean
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'en',
  theme: 'system',
  motion: 'system',
  presenter: false,
  autoPlay: true,
  view: 'graph',
  legend: true
}

export interface SettingsStorage {
  load(): unknown
  save(settings: Settings): void
}

const choices: { [K in keyof Settings]: readonly Settings[K][] } = {
  language: ['en', 'de'],
  theme: ['system', 'light', 'dark'],
  motion: ['system', 'reduce', 'full'],
  presenter: [true, false],
  autoPlay: [true, false],
  view: ['graph', 'table'],
  legend: [true, false]
}

/** Keeps only known settings with allowed values. */
export function readSettings(raw: unknown, fallback: Settings = DEFAULT_SETTINGS): Settings {
  const out = { ...fallback }
  if (typeof raw !== 'object' || raw === null) return out
  for (const key of Object.keys(choices) as (keyof Settings)[]) {
    const v = (raw as Record<string, unknown>)[key]
    if ((choices[key] as readonly unknown[]).includes(v)) (out as Record<string, unknown>)[key] = v
  }
  return out
}

export function browserSettingsStorage(storage: Storage | undefined, key = 'keyflow.settings'): SettingsStorage {
  return {
    load() {
      try {
        return JSON.parse(storage?.getItem(key) ?? 'null')
      } catch {
        return null
      }
    },
    save(settings) {
      try {
        storage?.setItem(key, JSON.stringify(settings))
      } catch {
        // storage full or disabled: the settings just do not persist
      }
    }
  }
}

/** The browser's language decides the first start (the desktop's native menu starts from the system's the same way). */
export { languageFor } from '../../../shared/i18n/shellStrings'
