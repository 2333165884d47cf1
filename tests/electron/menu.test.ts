import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { menuTemplate, type MenuActions } from '../../electron/menu'
import { createNativeMenu, withMenuLanguage } from '../../electron/nativeMenu'
import { dialogStringEntries } from '../../electron/dialogText'
import { channel, labApiMethods } from '../../shared/api/contract'
import { registerLabIpc } from '../../electron/ipc'
import { ScriptedLabApi } from '../helpers/scriptedLabApi'
import type { IpcMain, IpcMainInvokeEvent } from 'electron'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])])
}

function recordingActions() {
  const calls: string[] = []
  const actions: MenuActions = {
    newLab: () => calls.push('new'),
    openLab: () => calls.push('open'),
    saveLab: () => calls.push('save'),
    saveLabAs: () => calls.push('saveAs'),
    shareWithRoom: () => calls.push('share'),
    togglePresenter: () => calls.push('presenter'),
    openNotes: () => calls.push('notes')
  }
  return { calls, actions }
}

const en = { isMac: false, devTools: false, language: 'en' } as const
const de = { isMac: false, devTools: false, language: 'de' } as const
const labels = (items: MenuItemConstructorOptions[]) => flatten(items).flatMap((i) => (i.type === 'separator' || i.visible === false ? [] : [i.label]))

describe('the native menu', () => {
  it('has the zoom, edit and window roles', () => {
    const roles = flatten(menuTemplate(recordingActions().actions, en)).map((i) => i.role)
    expect(roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit', 'undo', 'paste', 'selectAll', 'minimize']))
  })

  it('wires the file items to the actions, in English', () => {
    const { calls, actions } = recordingActions()
    const items = flatten(menuTemplate(actions, en))
    for (const label of ['New lab…', 'Open…', 'Save', 'Save as…', 'Share with the room…']) (items.find((i) => i.label === label)?.click as () => void)()
    expect(calls).toEqual(['new', 'open', 'save', 'saveAs', 'share'])
  })

  it('speaks German with the words of the window’s menus, every item labelled', () => {
    const { calls, actions } = recordingActions()
    const template = menuTemplate(actions, de)
    expect(template.map((m) => m.label)).toEqual(['&Datei', '&Bearbeiten', '&Ansicht', '&Fenster'])
    const items = flatten(template)
    for (const label of ['Neues Labor…', 'Öffnen…', 'Speichern', 'Speichern unter…', 'Mit dem Raum teilen…', 'Präsentationsmodus (P)', 'Fenster mit Vortragsnotizen']) {
      ;(items.find((i) => i.label === label)?.click as () => void)()
    }
    expect(calls).toEqual(['new', 'open', 'save', 'saveAs', 'share', 'presenter', 'notes'])
    // A role without a label would show Electron's English one.
    expect(labels(template).every((l) => typeof l === 'string' && l.length > 0)).toBe(true)
    expect(labels(template)).toEqual(expect.arrayContaining(['Rückgängig', 'Einfügen', 'Vergrößern', 'Vollbild', 'Beenden']))
    // No item keeps its English label in German (only "KeyFlow Lab"-like names may be the same).
    const english = new Set(labels(menuTemplate(actions, en)))
    expect(labels(template).filter((l) => english.has(l))).toEqual([])
  })

  it('switches presenter mode and opens the notes window from the View menu, with no bare-key accelerator', () => {
    const { calls, actions } = recordingActions()
    const view = menuTemplate(actions, en).find((m) => m.label === '&View')!
    const items = flatten([view])
    const presenter = items.find((i) => i.label === 'Presenter mode (P)')!
    const notes = items.find((i) => i.label === 'Presenter notes window')!
    ;(presenter.click as () => void)()
    ;(notes.click as () => void)()
    expect(calls).toEqual(['presenter', 'notes'])
    expect(presenter.accelerator).toBeUndefined()
  })

  it('offers developer tools only when asked (unpackaged runs)', () => {
    const { actions } = recordingActions()
    const roles = (devTools: boolean) => flatten(menuTemplate(actions, { ...en, devTools })).map((i) => i.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
    expect(flatten(menuTemplate(actions, { ...en, isMac: true })).map((i) => i.role)).toContain('appMenu')
  })
})

describe('the menu follows the window’s language', () => {
  it('is built at start in the given language and again only when the language changes', () => {
    const installed: string[][] = []
    const menu = createNativeMenu(recordingActions().actions, en, (t) => installed.push(t.map((m) => String(m.label))))
    expect(installed).toEqual([['&File', '&Edit', '&View', '&Window']])
    menu.setLanguage('de')
    menu.setLanguage('de')
    expect(installed).toEqual([
      ['&File', '&Edit', '&View', '&Window'],
      ['&Datei', '&Bearbeiten', '&Ansicht', '&Fenster']
    ])
    expect(menu.language).toBe('de')
  })

  type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>
  function wire(trusted: boolean) {
    const handlers = new Map<string, Handler>()
    const ipc = { handle: (ch: string, h: Handler) => handlers.set(ch, h), removeHandler: (ch: string) => handlers.delete(ch) }
    const installed: string[] = []
    const menu = createNativeMenu(recordingActions().actions, en, (t) => installed.push(String(t[0].label)))
    registerLabIpc(ipc as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>, withMenuLanguage(new ScriptedLabApi(), menu), { isTrusted: () => trusted })
    const call = (...args: unknown[]) => handlers.get(channel('setMenuLanguage'))!({} as IpcMainInvokeEvent, ...args)
    return { call, installed }
  }

  it('over the contract’s own channel, from our window', async () => {
    expect(labApiMethods).toContain('setMenuLanguage')
    const { call, installed } = wire(true)
    expect(await call({ language: 'de' })).toEqual({ ok: true, result: undefined })
    expect(installed).toEqual(['&File', '&Datei'])
  })

  it('refuses other senders and anything but a known language, leaving the menu as it was', async () => {
    const untrusted = wire(false)
    expect(await untrusted.call({ language: 'de' })).toMatchObject({ ok: false })
    expect(untrusted.installed).toEqual(['&File'])
    const trusted = wire(true)
    for (const bad of [[{ language: 'fr' }], [{ language: 'de', extra: 1 }], ['de'], []]) {
      expect(await trusted.call(...bad)).toMatchObject({ ok: false, error: { message: expect.stringContaining('setMenuLanguage: invalid') } })
    }
    expect(trusted.installed).toEqual(['&File'])
  })
})

describe('the desktop dialogs', () => {
  it('say every sentence in both languages with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort()
    for (const [key, text] of dialogStringEntries) {
      expect(text.de, key).not.toBe('')
      expect(placeholders(text.de), key).toEqual(placeholders(text.en))
    }
  })
})
