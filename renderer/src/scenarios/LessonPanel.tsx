// The loaded lesson as a guided activity (Packet Tracer's instructions pane): its text, how to go through it (watch
// the script step by step, or do it by hand from the menus), the objectives ticking live at the cursor with hints,
// and — in presenter mode — the speaker notes beside them.

import { scenarios } from '../../../shared/scenarios'
import { notesOf } from '../../../shared/scenarios/presenterNotes'
import { useLabActions } from '../hooks/useLabActions'
import { useLanguage } from '../hooks/useLanguage'
import { useScenario } from '../hooks/useScenario'
import { useSettings } from '../hooks/useSettings'
import { useT } from '../hooks/useT'
import { CloseIcon, PresenterIcon } from '../theme/icons'
import { LessonModes } from './LessonModes'
import { LessonObjectives } from './LessonObjectives'
import { LessonScript } from './LessonScript'
import './lesson.css'

export function LessonPanel() {
  const t = useT()
  const lang = useLanguage()
  const loaded = useScenario()
  const { presenter } = useSettings()
  const a = useLabActions()
  const scenario = scenarios.find((s) => s.id === loaded?.id)
  if (!loaded || !scenario) return null
  const opening = presenter ? notesOf(scenario.id).filter((n) => n.objective === null) : []
  return (
    <section className="lesson" aria-labelledby="lesson-title" data-lesson={scenario.id} data-mode={loaded.mode}>
      <header>
        <h2 id="lesson-title">{scenario.title[lang]}</h2>
        <button type="button" className="icon-button small" onClick={a.closeScenario} aria-label={t('scenario.close')} title={t('scenario.close')}>
          <CloseIcon size={14} />
        </button>
      </header>
      <p className="lesson-text">{scenario.lesson[lang]}</p>
      <LessonModes scenario={scenario} mode={loaded.mode} />
      {opening.map((n, i) => (
        <p key={i} className="presenter-note">
          <PresenterIcon size={14} className="presenter-note-icon" />
          <span className="sr-only">{t('lesson.say')} </span>
          {n.text[lang]}
        </p>
      ))}
      <LessonObjectives lessonId={scenario.id} mode={loaded.mode} />
      {loaded.mode === 'watch' ? <LessonScript scenario={scenario} loaded={loaded} /> : <p className="note">{t('lesson.byHandHelp')}</p>}
    </section>
  )
}
