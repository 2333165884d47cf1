// The desktop's native menu as the window's store sees it: its New and Open go through the same question about
// unsaved changes as the window's own, and the menu hears the window's language.

import { describe, expect, it } from 'vitest'
import type { Language } from '../../../shared/i18n/message'
import { createLabStore, type LabStoreOptions } from '../../../renderer/src/store/labStore'
import { FakeScheduler } from '../../helpers/fakeScheduler'
import { ScriptedLabApi } from '../../helpers/scriptedLabApi'

const settle = () => new Promise((r) => setTimeout(r, 0))

class DesktopLabApi extends ScriptedLabApi {
  readonly menuLanguages: Language[] = []
  async setMenuLanguage({ language }: { language: Language }): Promise<void> {
    this.menuLanguages.push(language)
  }
}

async function started(options: LabStoreOptions = {}) {
  const api = new DesktopLabApi()
  const store = createLabStore(api, { scheduler: new FakeScheduler(), ...options })
  store.getState().actions.start()
  await settle()
  return { api, store, actions: store.getState().actions }
}

describe('the native menu’s New and Open', () => {
  it('New opens the window’s own new-lab dialog (which asks before replacing)', async () => {
    const { api, store } = await started()
    api.emit({ type: 'menu', item: 'newLab' })
    expect(store.getState().ui.newLab).toBe(true)
    expect(api.calls.some((c) => c.method === 'newLab')).toBe(false)
  })

  it('Open asks first when the lab has unsaved changes, and keeps the lab when the person cancels', async () => {
    const { api, store, actions } = await started()
    await actions.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await settle()
    expect(store.getState().timeline!.file.dirty).toBe(true)
    api.emit({ type: 'menu', item: 'openLab' })
    await settle()
    expect(store.getState().ui.replaceAsk).toBe(true)
    expect(api.calls.some((c) => c.method === 'openLab')).toBe(false)
    actions.answerReplace('cancel')
    await settle()
    expect(store.getState().ui.replaceAsk).toBe(false)
    expect(api.calls.some((c) => c.method === 'openLab')).toBe(false)
  })

  it('Open goes ahead once the person lets the changes go', async () => {
    const { api, actions } = await started()
    await actions.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await settle()
    api.emit({ type: 'menu', item: 'openLab' })
    await settle()
    actions.answerReplace('discard')
    await settle()
    expect(api.calls.filter((c) => c.method === 'openLab')).toEqual([{ method: 'openLab', args: [{}] }])
  })

  it('presenter mode switches from the menu', async () => {
    const { api, store } = await started()
    api.emit({ type: 'menu', item: 'presenter' })
    expect(store.getState().settings.presenter).toBe(true)
  })
})

describe('the native menu’s language', () => {
  it('is told at start and on every change of language, in the desktop app only', async () => {
    const desktop = await started({ nativeMenu: true, defaultLanguage: 'en' })
    desktop.actions.setSettings({ language: 'de' })
    desktop.actions.setSettings({ presenter: true })
    desktop.actions.setSettings({ language: 'en' })
    expect(desktop.api.menuLanguages).toEqual(['en', 'de', 'en'])
    const browser = await started({ defaultLanguage: 'en' })
    browser.actions.setSettings({ language: 'de' })
    expect(browser.api.menuLanguages).toEqual([])
  })
})
