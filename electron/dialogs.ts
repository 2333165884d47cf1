// Native file dialogs for saving and opening lab files; the lab host asks through its `choosePath` option.

import { dialog, type BrowserWindow } from 'electron'
import type { Language } from '../shared/i18n/message'
import { dialogText } from './dialogText'

export function createChoosePath(getWindow: () => BrowserWindow | null, language: () => Language) {
  return async (purpose: 'save' | 'open', suggested: string): Promise<string | null> => {
    const win = getWindow()
    const lang = language()
    const filters = [{ name: dialogText(lang, 'file.filter'), extensions: ['kflab'] }]
    if (purpose === 'save') {
      const options = { title: dialogText(lang, 'save.title'), defaultPath: suggested, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] }
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      if (r.canceled || !r.filePath) return null
      return r.filePath.endsWith('.kflab') ? r.filePath : `${r.filePath}.kflab`
    }
    const options = { title: dialogText(lang, 'open.title'), filters, properties: ['openFile'] as 'openFile'[] }
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]
  }
}
