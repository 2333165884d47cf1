// The top bar: the app and its file, the command menus, lessons, files, view, language and settings.

import { ActionMenus } from '../actions/ActionMenus'
import { FileMenu } from '../files/FileMenu'
import { ViewerBar } from '../follow/ViewerBar'
import { useIsViewer } from '../hooks/useFollow'
import { useLabFile } from '../hooks/useLabFile'
import { useSettings } from '../hooks/useSettings'
import { useT } from '../hooks/useT'
import { LessonMenu } from '../scenarios/LessonMenu'
import { KeyIcon, PresenterIcon } from '../theme/icons'
import { LanguageSwitch } from './LanguageSwitch'
import { SettingsMenu } from './SettingsMenu'
import { ViewMenu } from './ViewMenu'
import { ViewSwitch } from './ViewSwitch'
import './Header.css'

export function Header() {
  const t = useT()
  const file = useLabFile()
  const { presenter } = useSettings()
  const viewer = useIsViewer()
  return (
    <header className="header">
      <a className="skip-link" href="#timeline">
        {t('app.skip')}
      </a>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <KeyIcon size={18} />
        </span>
        <h1>{t('app.title')}</h1>
        {file && (
          <span className="file-name" title={file.path ?? t('app.notSaved')}>
            <span className="file-name-text">{file.path === null ? t('app.untitled') : file.name}</span>
            {file.dirty && (
              <span className="file-unsaved" aria-label={t('app.unsaved')}>
                •
              </span>
            )}
          </span>
        )}
        {presenter && (
          <span className="presenting" title={t('settings.presenter')}>
            <PresenterIcon size={14} /> {t('settings.presenting')}
          </span>
        )}
      </div>
      {/* A viewer's window is read-only: no command menus, lessons or file changes (the host refuses them anyway). */}
      {viewer ? <ViewerBar /> : <ActionMenus />}
      <div className="header-end">
        {!viewer && <LessonMenu />}
        {!viewer && <FileMenu />}
        <ViewSwitch />
        <ViewMenu />
        <LanguageSwitch />
        <SettingsMenu />
      </div>
    </header>
  )
}
