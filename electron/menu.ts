// The native menu as data: file commands go to the main process's handlers; everything else uses Electron roles
// (zoom, edit, window), which work without any page code.

import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  newLab: () => void
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

export function menuTemplate(actions: MenuActions, options: { isMac: boolean; devTools: boolean }): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Lab', accelerator: 'CmdOrCtrl+N', click: actions.newLab },
      { label: 'Open Lab…', accelerator: 'CmdOrCtrl+O', click: actions.openLab },
      { type: 'separator' },
      { label: 'Save Lab', accelerator: 'CmdOrCtrl+S', click: actions.saveLab },
      { label: 'Save Lab As…', accelerator: 'CmdOrCtrl+Shift+S', click: actions.saveLabAs },
      { type: 'separator' },
      { label: 'Share with the Room…', click: actions.shareWithRoom },
      { type: 'separator' },
      options.isMac ? { role: 'close' } : { role: 'quit' }
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // No accelerator: a bare P would be taken from every text field; the window itself answers P.
      { label: 'Presenter Mode (P)', click: actions.togglePresenter },
      { label: 'Presenter Notes Window', click: actions.openNotes },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      // Many keyboards have no separate "+" key: also accept Ctrl+= for zooming in (hidden duplicate).
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=', visible: false },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.devTools ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : [])
    ]
  }
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' }
  ]
}
