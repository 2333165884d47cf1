// The words the window and the desktop app's native menu share, in English and German. One entry each: the native
// menu (electron/menu.ts) and the window's own File and View menus read the same text, and a hint that names a
// native menu item ("View → Presenter notes window") is built from these entries, so it never names a menu the
// person does not see. The window's strings (renderer/src/i18n/strings.ts) include all of them.

import { renderTemplate, type Language } from './message'

export const shellStrings = {
  'file.menu': { en: 'File', de: 'Datei' },
  'file.new': { en: 'New lab…', de: 'Neues Labor…' },
  'file.open': { en: 'Open…', de: 'Öffnen…' },
  'file.save': { en: 'Save', de: 'Speichern' },
  'file.saveAs': { en: 'Save as…', de: 'Speichern unter…' },
  'share.menu': { en: 'Share with the room…', de: 'Mit dem Raum teilen…' },
  'view.menu': { en: 'View', de: 'Ansicht' },
  'view.presenter': { en: 'Presenter mode', de: 'Präsentationsmodus' },
  'view.notesWindow': { en: 'Presenter notes window', de: 'Fenster mit Vortragsnotizen' },
  'view.resetZoom': { en: 'Actual size', de: 'Originalgröße' },
  'view.zoomIn': { en: 'Zoom in', de: 'Vergrößern' },
  'view.zoomOut': { en: 'Zoom out', de: 'Verkleinern' },
  'view.toggleFullScreen': { en: 'Full screen', de: 'Vollbild' },
  'view.reload': { en: 'Reload', de: 'Neu laden' },
  'view.devTools': { en: 'Developer tools', de: 'Entwicklerwerkzeuge' },
  'edit.menu': { en: 'Edit', de: 'Bearbeiten' },
  'edit.undo': { en: 'Undo', de: 'Rückgängig' },
  'edit.redo': { en: 'Redo', de: 'Wiederholen' },
  'edit.cut': { en: 'Cut', de: 'Ausschneiden' },
  'edit.copy': { en: 'Copy', de: 'Kopieren' },
  'edit.paste': { en: 'Paste', de: 'Einfügen' },
  'edit.delete': { en: 'Delete', de: 'Löschen' },
  'edit.selectAll': { en: 'Select all', de: 'Alles auswählen' },
  'window.menu': { en: 'Window', de: 'Fenster' },
  'window.minimize': { en: 'Minimize', de: 'Minimieren' },
  'window.close': { en: 'Close window', de: 'Fenster schließen' },
  'app.quit': { en: 'Quit', de: 'Beenden' }
} as const satisfies Record<string, { en: string; de: string }>

export type ShellStringKey = keyof typeof shellStrings

export function shellText(lang: Language, key: ShellStringKey, params: Readonly<Record<string, string | number>> = {}): string {
  return renderTemplate(shellStrings[key][lang], lang, params, String)
}

/** The language a system locale ("de-AT", "en_US") starts with: German for German systems, English otherwise. */
export function languageFor(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en'
}
