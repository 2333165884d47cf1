// Native file dialogs for saving and opening lab files; the lab host asks through its `choosePath` option.

import { dialog, type BrowserWindow } from 'electron'

const filters = [{ name: 'KeyFlow Lab files', extensions: ['kflab'] }]

export function createChoosePath(getWindow: () => BrowserWindow | null) {
  return async (purpose: 'save' | 'open', suggested: string): Promise<string | null> => {
    const win = getWindow()
    if (purpose === 'save') {
      const options = { title: 'Save lab', defaultPath: suggested, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] }
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      if (r.canceled || !r.filePath) return null
      return r.filePath.endsWith('.kflab') ? r.filePath : `${r.filePath}.kflab`
    }
    const options = { title: 'Open lab', filters, properties: ['openFile'] as 'openFile'[] }
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]
  }
}
