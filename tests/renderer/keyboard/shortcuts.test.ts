import { describe, expect, it } from 'vitest'
import { isTypingTarget, shortcutFor, SHORTCUT_SHEET } from '../../../renderer/src/keyboard/shortcuts'
import { isStringKey } from '../../../renderer/src/i18n/translate'
import { browserSettingsStorage, languageFor, readSettings, DEFAULT_SETTINGS } from '../../../renderer/src/store/settings'

const el = (tagName: string, role?: string) => ({ tagName, getAttribute: (n: string) => (n === 'role' ? (role ?? null) : null) })

describe('keyboard shortcuts', () => {
  it('map the presenter’s keys', () => {
    expect(shortcutFor({ key: ' ' }, 1)).toEqual({ type: 'togglePlay' })
    expect(shortcutFor({ key: 'ArrowRight' }, 1)).toEqual({ type: 'stepForward' })
    expect(shortcutFor({ key: 'ArrowLeft' }, 1)).toEqual({ type: 'stepBack' })
    expect(shortcutFor({ key: 'r' }, 1)).toEqual({ type: 'reset' })
    expect(shortcutFor({ key: '3' }, 1)).toEqual({ type: 'checkpoint', index: 2 })
    expect(shortcutFor({ key: '0' }, 1)).toBeNull()
    expect(shortcutFor({ key: '+' }, 1)).toEqual({ type: 'rate', rate: 2 })
    expect(shortcutFor({ key: '+' }, 4)).toEqual({ type: 'rate', rate: 4 })
    expect(shortcutFor({ key: '-' }, 0.25)).toEqual({ type: 'rate', rate: 0.25 })
    // with a modifier the key belongs to the browser or the app menu (Ctrl+R, Ctrl+S …)
    expect(shortcutFor({ key: 'r', ctrlKey: true }, 1)).toBeNull()
  })

  it('leave keys to fields, and arrows and Space to menus and trees; Space plays even on a focused button', () => {
    expect(isTypingTarget(el('INPUT'), 'r')).toBe(true)
    expect(isTypingTarget(el('SELECT'), 'ArrowLeft')).toBe(true)
    expect(isTypingTarget(el('DIV', 'menuitem'), 'ArrowDown')).toBe(true)
    expect(isTypingTarget(el('DIV', 'treeitem'), ' ')).toBe(true)
    expect(isTypingTarget(el('BUTTON'), ' ')).toBe(false)
    expect(isTypingTarget(el('BUTTON'), 'Enter')).toBe(true)
    expect(isTypingTarget(null, ' ')).toBe(false)
  })

  it('have a label for every line of the shortcut sheet', () => {
    for (const [, label] of SHORTCUT_SHEET) expect(isStringKey(label)).toBe(true)
  })
})

describe('settings', () => {
  it('start in the system’s language and keep only known values', () => {
    expect(languageFor('de-AT')).toBe('de')
    expect(languageFor('fr')).toBe('en')
    expect(languageFor(undefined)).toBe('en')
    expect(readSettings({ theme: 'dark', motion: 'fast', view: 'table', extra: 1 })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', view: 'table' })
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS)
  })

  it('survive broken or missing storage', () => {
    const store = new Map<string, string>()
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as unknown as Storage
    const s = browserSettingsStorage(storage)
    s.save({ ...DEFAULT_SETTINGS, language: 'de' })
    expect(readSettings(s.load())).toMatchObject({ language: 'de' })
    store.set('keyflow.settings', '{nope')
    expect(s.load()).toBeNull()
    expect(browserSettingsStorage(undefined).load()).toBeNull()
  })
})
