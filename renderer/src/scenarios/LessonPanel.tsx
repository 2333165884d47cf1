// The loaded lesson as a guided activity (Packet Tracer's instructions pane): its text, how to go through it (watch
// the script step by step, or do it by hand from the menus), the objectives ticking live at the cursor with hints.
// The speaker notes are never shown here, where the room could see them: View → Presenter notes opens them in a
// view of their own (../notes).

import { scenarios } from '../../../shared/scenarios'
import { useLabActions } from '../hooks/useLabActions'
import { useLanguage } from '../hooks/useLanguage'
import { useScenario } from '../hooks/useScenario'
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
  const a = useLabActions()
  const scenario = scenarios.find((s) => s.id === loaded?.id)
  if (!loaded || !scenario) return null
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
      <p className="note lesson-notes-where">
        <PresenterIcon size={14} /> {t('lesson.notesWhere')}
      </p>
      <LessonObjectives lessonId={scenario.id} mode={loaded.mode} />
      {loaded.mode === 'watch' ? <LessonScript scenario={scenario} loaded={loaded} /> : <p className="note">{t('lesson.byHandHelp')}</p>}
    </section>
  )
}
