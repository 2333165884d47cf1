// The application menu as the main process keeps it: built in the system's language at start, built again in the
// window's language whenever the window reports it (LabApi.setMenuLanguage, checked like every IPC call), and the
// lab API the window talks to, with that method added to the host's.

import type { MenuItemConstructorOptions } from 'electron'
import type { LabApi } from '../shared/api/contract'
import type { Language } from '../shared/i18n/message'
import { menuTemplate, type MenuActions, type MenuOptions } from './menu'

export interface NativeMenu {
  readonly language: Language
  setLanguage(language: Language): void
}

/** `install` puts a template in place (Menu.setApplicationMenu(Menu.buildFromTemplate(...)) in the app). */
export function createNativeMenu(actions: MenuActions, options: MenuOptions, install: (template: MenuItemConstructorOptions[]) => void): NativeMenu {
  let language = options.language
  install(menuTemplate(actions, options))
  return {
    get language() {
      return language
    },
    setLanguage(next) {
      // Rebuilding the menu closes it if it is open: only when the language really changed.
      if (next === language) return
      language = next
      install(menuTemplate(actions, { ...options, language }))
    }
  }
}

/** The window's lab API in the desktop app: the host's methods and the menu's language. */
export function withMenuLanguage(api: LabApi, menu: NativeMenu): LabApi {
  return {
    ...api,
    setMenuLanguage: async ({ language }) => menu.setLanguage(language)
  }
}
