// View: presenter mode (also P and ?presenter=1), the presenter's notes (the browser build: /notes in a new tab; the
// desktop app: its own window from the menu bar), full screen and fitting the graph.

import { isDesktop } from '../api/getLabApi'
import { useLabActions } from '../hooks/useLabActions'
import { useSettings } from '../hooks/useSettings'
import { useT } from '../hooks/useT'
import { notesUrl } from '../notes/notesChannel'
import { CheckIcon, ChevronIcon, PresenterIcon } from '../theme/icons'
import { MenuItem, Popover } from '../ui/Popover'

export function ViewMenu() {
  const t = useT()
  const { presenter } = useSettings()
  const a = useLabActions()
  const desktop = isDesktop()
  return (
    <Popover
      className="view-menu"
      align="end"
      label={
        <>
          <PresenterIcon size={16} />
          <span>{t('view.menu')}</span>
          <ChevronIcon size={12} />
        </>
      }
      ariaLabel={t('view.menu')}
      title={t('view.menuTitle')}
    >
      {(close) => (
        <>
          <MenuItem
            onSelect={() => {
              close()
              a.setSettings({ presenter: !presenter })
            }}
            hint="P"
            className={presenter ? 'is-checked' : ''}
          >
            {presenter && <CheckIcon size={13} />} {t('view.presenter')}
          </MenuItem>
          {desktop ? (
            <MenuItem disabled onSelect={() => {}}>
              {t('view.notesDesktop', { menu: t('view.menu'), item: t('view.notesWindow') })}
            </MenuItem>
          ) : (
            <MenuItem
              title={t('view.notesTitle')}
              onSelect={() => {
                close()
                window.open(notesUrl(window.location.href), '_blank', 'noopener')
              }}
            >
              {t('view.notes')}
            </MenuItem>
          )}
          {/* The desktop window goes full screen from its own View menu (F11); the page may not ask for it there. */}
          {!desktop && (
            <MenuItem
              onSelect={() => {
                close()
                if (document.fullscreenElement) void document.exitFullscreen()
                else void document.documentElement.requestFullscreen().catch(() => {})
              }}
              hint="F11"
            >
              {document.fullscreenElement ? t('view.exitFullScreen') : t('view.fullScreen')}
            </MenuItem>
          )}
          <MenuItem
            onSelect={() => {
              close()
              a.requestFit()
            }}
            hint="F"
          >
            {t('keys.fit')}
          </MenuItem>
        </>
      )}
    </Popover>
  )
}
