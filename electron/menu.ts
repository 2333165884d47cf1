// The native menu as data, in the window's language: file commands go to the main process's handlers; everything
// else uses Electron roles (zoom, edit, window), which work without any page code. The labels come from the words the
// window's own menus use (shared/i18n/shellStrings.ts), so both say the same in English and German; the main process
// builds the menu again whenever the window reports another language.

import type { MenuItemConstructorOptions } from 'electron'
import type { Language } from '../shared/i18n/message'
import { shellText, type ShellStringKey } from '../shared/i18n/shellStrings'

export interface MenuActions {
  /** Asks the window for a new lab: it asks first when the open lab has unsaved changes. */
  newLab: () => void
  /** Asks the window to open a lab file: it asks first when the open lab has unsaved changes. */
  openLab: () => void
  saveLab: () => void
  saveLabAs: () => void
  /** Opens the window's "Share with the room" panel (the viewer server starts only from there, on the chosen address). */
  shareWithRoom: () => void
  /** Switches the window's presenter mode (as P does in the window). */
  togglePresenter: () => void
  /** Opens (or brings forward) the presenter's notes window. */
  openNotes: () => void
}

export interface MenuOptions {
  isMac: boolean
  devTools: boolean
  language: Language
}

/** A top-level menu's label with its Alt mnemonic on the first letter ("&Datei"). */
const topLevel = (label: string) => `&${label}`

export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = (key: ShellStringKey) => shellText(options.language, key)
  const file: MenuItemConstructorOptions = {
    label: topLevel(t('file.menu')),
    submenu: [
      { label: t('file.new'), accelerator: 'CmdOrCtrl+N', click: actions.newLab },
      { label: t('file.open'), accelerator: 'CmdOrCtrl+O', click: actions.openLab },
      { type: 'separator' },
      { label: t('file.save'), accelerator: 'CmdOrCtrl+S', click: actions.saveLab },
      { label: t('file.saveAs'), accelerator: 'CmdOrCtrl+Shift+S', click: actions.saveLabAs },
      { type: 'separator' },
      { label: t('share.menu'), click: actions.shareWithRoom },
      { type: 'separator' },
      options.isMac ? { role: 'close', label: t('window.close') } : { role: 'quit', label: t('app.quit') }
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: topLevel(t('edit.menu')),
    submenu: [
      { role: 'undo', label: t('edit.undo') },
      { role: 'redo', label: t('edit.redo') },
      { type: 'separator' },
      { role: 'cut', label: t('edit.cut') },
      { role: 'copy', label: t('edit.copy') },
      { role: 'paste', label: t('edit.paste') },
      { role: 'delete', label: t('edit.delete') },
      { type: 'separator' },
      { role: 'selectAll', label: t('edit.selectAll') }
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: topLevel(t('view.menu')),
    submenu: [
      // No accelerator: a bare P would be taken from every text field; the window itself answers P (shown in the label).
      { label: `${t('view.presenter')} (P)`, click: actions.togglePresenter },
      { label: t('view.notesWindow'), click: actions.openNotes },
      { type: 'separator' },
      { role: 'resetZoom', label: t('view.resetZoom') },
      { role: 'zoomIn', label: t('view.zoomIn') },
      // Many keyboards have no separate "+" key: also accept Ctrl+= for zooming in (hidden duplicate).
      { role: 'zoomIn', label: t('view.zoomIn'), accelerator: 'CmdOrCtrl+=', visible: false },
      { role: 'zoomOut', label: t('view.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('view.toggleFullScreen') },
      ...(options.devTools
        ? ([
            { type: 'separator' },
            { role: 'reload', label: t('view.reload') },
            { role: 'toggleDevTools', label: t('view.devTools') }
          ] as MenuItemConstructorOptions[])
        : [])
    ]
  }
  const window: MenuItemConstructorOptions = {
    label: topLevel(t('window.menu')),
    submenu: [
      { role: 'minimize', label: t('window.minimize') },
      { role: 'close', label: t('window.close') }
    ]
  }
  return [...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []), file, edit, view, window]
}
