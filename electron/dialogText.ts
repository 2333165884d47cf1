// What the desktop app's own dialogs say (save before closing, recovery, file dialogs, errors), in the language of
// the native menu: the window's, once it has reported it, otherwise the system's.

import { formatMessage, messageRefOf } from '../shared/i18n/format'
import { renderTemplate, type Language } from '../shared/i18n/message'

const dialogStrings = {
  'start.failed': { en: 'KeyFlow Lab could not start', de: 'KeyFlow Lab konnte nicht starten' },
  'save.failed': { en: 'The lab could not be saved', de: 'Das Labor konnte nicht gespeichert werden' },
  'save.title': { en: 'Save lab', de: 'Labor speichern' },
  'open.title': { en: 'Open lab', de: 'Labor öffnen' },
  'file.filter': { en: 'KeyFlow Lab files', de: 'KeyFlow-Lab-Dateien' },
  'close.message': { en: 'Save the changes to {name} before closing?', de: 'Änderungen an {name} vor dem Schließen speichern?' },
  'close.detail': { en: 'Unsaved changes are lost when the lab closes.', de: 'Nicht gespeicherte Änderungen gehen verloren, wenn das Labor geschlossen wird.' },
  'close.save': { en: 'Save', de: 'Speichern' },
  'close.discard': { en: "Don't save", de: 'Nicht speichern' },
  'close.cancel': { en: 'Cancel', de: 'Abbrechen' },
  'recover.title': { en: 'Recover lab', de: 'Labor wiederherstellen' },
  'recover.message': { en: 'KeyFlow Lab did not close properly last time.', de: 'KeyFlow Lab wurde beim letzten Mal nicht ordnungsgemäß beendet.' },
  'recover.detail': { en: 'The lab autosaved at {time} can be recovered.', de: 'Das um {time} automatisch gespeicherte Labor kann wiederhergestellt werden.' },
  'recover.yes': { en: 'Recover', de: 'Wiederherstellen' },
  'recover.no': { en: 'Start a new lab', de: 'Neues Labor beginnen' },
  'recover.failed': { en: 'The autosaved lab could not be recovered', de: 'Das automatisch gespeicherte Labor konnte nicht wiederhergestellt werden' },
  'autosave.failed': { en: 'Autosave failed', de: 'Automatische Sicherung fehlgeschlagen' },
  'recover.keptAs': { en: 'It was kept as {path}.', de: 'Es wurde als {path} aufbewahrt.' }
} as const satisfies Record<string, { en: string; de: string }>

export type DialogStringKey = keyof typeof dialogStrings

export function dialogText(lang: Language, key: DialogStringKey, params: Readonly<Record<string, string>> = {}): string {
  return renderTemplate(dialogStrings[key][lang], lang, params, String)
}

/** What went wrong, for an error dialog: the error's catalog message in `lang` where it has one (a lab file's problem). */
export function errorText(lang: Language, error: unknown): string {
  const ref = messageRefOf(error)
  if (ref) return formatMessage(ref, lang)
  return error instanceof Error ? error.message : String(error)
}

/** Every entry in both languages with the same placeholders (for the tests). */
export const dialogStringEntries = Object.entries(dialogStrings) as [DialogStringKey, { en: string; de: string }][]
