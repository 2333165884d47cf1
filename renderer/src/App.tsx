// The window: header with the command menus; the stage (graph and narration) over the timeline; the inspector on
// the right. Theme, presenter mode and language are set on the document so CSS and screen readers follow them.

import { CommandDialogHost } from './actions/CommandForm'
import { ContextMenu } from './actions/ContextMenu'
import { useBusy } from './hooks/useBusy'
import { useLabError } from './hooks/useLabError'
import { useLabStatus } from './hooks/useLabStatus'
import { useDocumentSettings } from './hooks/useDocumentSettings'
import { useShortcuts } from './hooks/useShortcuts'
import { useLanguage } from './hooks/useLanguage'
import { useT } from './hooks/useT'
import { SharePanel } from './follow/SharePanel'
import { useIsViewer } from './hooks/useFollow'
import { InspectorPanel } from './inspectors/InspectorPanel'
import { Header } from './shell/Header'
import { ShortcutHelp } from './shell/ShortcutHelp'
import { ReplaceLabDialog } from './files/ReplaceLabDialog'
import { usePresenterView } from './hooks/usePresenterView'
import { useNotesPublisher } from './hooks/useNotesPublisher'
import './shell/presenter.css'
import { noticeText } from './shell/noticeText'
import { Stage } from './shell/Stage'
import './App.css'

export function App() {
  const status = useLabStatus()
  const error = useLabError()
  const busy = useBusy()
  const t = useT()
  const lang = useLanguage()
  const viewer = useIsViewer()
  useDocumentSettings()
  useShortcuts()
  usePresenterView()
  useNotesPublisher()
  if (status !== 'ready')
    return (
      <div className="app app-message">
        {status === 'connecting' && (
          <p className="notice-inline" role="status">
            {t('app.connecting')}
          </p>
        )}
        {status === 'error' && error && (
          <p className="notice-inline notice-error" role="alert">
            {noticeText(error, lang)}
          </p>
        )}
      </div>
    )
  return (
    <div className="app">
      <Header />
      <div className="workspace">
        <Stage />
        <InspectorPanel />
      </div>
      {!viewer && <CommandDialogHost />}
      {!viewer && <ContextMenu />}
      {!viewer && <SharePanel />}
      <ShortcutHelp />
      <ReplaceLabDialog />
      {busy && (
        <div className="busy" role="status">
          <span className="busy-message">{t(busy)}</span>
        </div>
      )}
    </div>
  )
}
