// Theme, motion, presenter mode, playback habit, and the shortcut sheet.

import { useLabActions } from '../hooks/useLabActions'
import { useSettings } from '../hooks/useSettings'
import { useT } from '../hooks/useT'
import type { MotionChoice, ThemeChoice } from '../store/settings'
import { SettingsIcon } from '../theme/icons'
import { Popover } from '../ui/Popover'

export function SettingsMenu() {
  const t = useT()
  const s = useSettings()
  const a = useLabActions()
  return (
    <Popover role="dialog" align="end" className="settings-menu" label={<SettingsIcon size={17} />} ariaLabel={t('settings.menu')} title={t('settings.menu')}>
      {(close) => (
        <div className="settings-panel">
          <fieldset>
            <legend>{t('settings.theme')}</legend>
            {(['system', 'light', 'dark'] as ThemeChoice[]).map((v) => (
              <label key={v} className="check">
                <input type="radio" name="theme" checked={s.theme === v} onChange={() => a.setSettings({ theme: v })} />
                {t(`settings.theme.${v}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('settings.motion')}</legend>
            {(['system', 'reduce', 'full'] as MotionChoice[]).map((v) => (
              <label key={v} className="check">
                <input type="radio" name="motion" checked={s.motion === v} onChange={() => a.setSettings({ motion: v })} />
                {t(`settings.motion.${v}`)}
              </label>
            ))}
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={s.presenter} onChange={(e) => a.setSettings({ presenter: e.target.checked })} />
            {t('settings.presenter')}
          </label>
          <label className="check">
            <input type="checkbox" checked={s.autoPlay} onChange={(e) => a.setSettings({ autoPlay: e.target.checked })} />
            {t('settings.autoPlay')}
          </label>
          <button
            type="button"
            className="text-button"
            onClick={() => {
              close()
              a.setHelp(true)
            }}
          >
            {t('settings.shortcuts')} (?)
          </button>
        </div>
      )}
    </Popover>
  )
}
