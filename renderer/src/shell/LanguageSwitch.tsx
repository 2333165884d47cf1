// English / Deutsch, switchable at any time: the UI and the lab's narration follow.

import { useLabActions } from '../hooks/useLabActions'
import { useLanguage } from '../hooks/useLanguage'
import { useT } from '../hooks/useT'

export function LanguageSwitch() {
  const lang = useLanguage()
  const t = useT()
  const { setSettings } = useLabActions()
  return (
    <div className="segmented" role="group" aria-label={t('settings.language')}>
      {(['en', 'de'] as const).map((l) => (
        <button key={l} type="button" aria-pressed={lang === l} className={lang === l ? 'is-on' : ''} onClick={() => setSettings({ language: l })} lang={l}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  )
}
