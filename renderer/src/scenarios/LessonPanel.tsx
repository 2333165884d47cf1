// The loaded lesson: its title and text, its steps (each a lab command; some refused on purpose), where the playback
// is, and a click to jump to the end of any step.

import { scenarios } from '../../../shared/scenarios'
import { commandArgsText } from '../actions/describe'
import { useCursor } from '../hooks/useCursor'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStore } from '../hooks/useLabStore'
import { useLanguage } from '../hooks/useLanguage'
import { useScenario } from '../hooks/useScenario'
import { useT } from '../hooks/useT'
import type { StringKey } from '../i18n/strings'
import { CloseIcon } from '../theme/icons'

export function LessonPanel() {
  const t = useT()
  const lang = useLanguage()
  const loaded = useScenario()
  const cursor = useCursor()
  const commands = useLabStore((s) => s.timeline?.commands)
  const a = useLabActions()
  const scenario = scenarios.find((s) => s.id === loaded?.id)
  if (!loaded || !scenario || !commands) return null
  return (
    <section className="lesson" aria-label={scenario.title[lang]} data-lesson={scenario.id}>
      <header>
        <h2>{scenario.title[lang]}</h2>
        <button type="button" className="icon-button small" onClick={a.closeScenario} aria-label={t('scenario.close')} title={t('scenario.close')}>
          <CloseIcon size={14} />
        </button>
      </header>
      <p>{scenario.lesson[lang]}</p>
      {cursor === 0 && <p className="note">{t('scenario.playHint')}</p>}
      {loaded.unexpected.map((u) => (
        <p key={u.step} className="note warn">
          {t('scenario.unexpected', { n: u.step + 1, text: u.text })}
        </p>
      ))}
      <ol className="lesson-steps" aria-label={t('scenario.steps')}>
        {scenario.script.steps.map((step, i) => {
          const index = loaded.commandIndex[i]
          const c = index !== null && index !== undefined ? commands[index] : undefined
          const state = !c ? 'future' : cursor >= c.lastSeq ? 'done' : cursor >= c.firstSeq ? 'current' : 'future'
          return (
            <li key={i} className={`lesson-step is-${state}`}>
              <button type="button" className="link-button" disabled={!c} onClick={() => c && a.setCursor(c.lastSeq)} title={t('scenario.goto', { n: i + 1 })}>
                <span className="step-op">{t(`op.${step.op}` as StringKey)}</span> <span className="muted">{commandArgsText(step)}</span>
                {scenario.refusedSteps.includes(i) && <span className="badge badge-warn">{t('scenario.expectedRefusal')}</span>}
              </button>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
