// The window's entry: find the way to the lab host, create the window's store and render.

// The page's own styles come first, so a component's styles (imported beside it) follow them in the bundle.
import '@xyflow/react/dist/style.css'
import './theme/variables.css'
import './theme/base.css'
import './ui/controls.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { LabApi } from '../../shared/api/contract'
import { getLabApi, isDesktop, windowRole } from './api/getLabApi'
import { App } from './App'
import { translate } from './i18n/translate'
import { isNotesPage, openNotesPort } from './notes/notesChannel'
import { NotesApp } from './notes/NotesApp'
import { DEFAULT_SETTINGS, browserSettingsStorage, languageFor, readSettings } from './store/settings'
import { LabStoreProvider } from './store/LabStoreProvider'

const root = createRoot(document.getElementById('root')!)
const notesPage = isNotesPage(window.location)

let api: LabApi | null = null
// The notes view follows the presenter's window and needs no lab of its own.
if (notesPage) {
  const language = readSettings(browserSettingsStorage(window.localStorage).load(), { ...DEFAULT_SETTINGS, language: languageFor(navigator.language) }).language
  root.render(
    <StrictMode>
      <NotesApp port={openNotesPort()} language={language} />
    </StrictMode>
  )
} else {
  try {
    api = getLabApi()
  } catch {
    root.render(
      <div className="app app-message">
        <p className="notice-inline notice-error" role="alert">
          {translate(languageFor(navigator.language), 'app.noHost')}
        </p>
      </div>
    )
  }
}
if (api) {
  const settings = browserSettingsStorage(window.localStorage)
  root.render(
    <StrictMode>
      <LabStoreProvider api={api} options={{ settings, defaultLanguage: languageFor(navigator.language), role: windowRole(), nativeMenu: isDesktop() }}>
        <App />
      </LabStoreProvider>
    </StrictMode>
  )
}
