// The lesson's script in watch mode: "next step" plays the next command's events and pauses; every step can be
// jumped to; some steps are refused on purpose (the refusal is the point).

import type { Scenario } from '../../../shared/scenarios'
import { formatMessage } from '../../../shared/i18n/format'
import { commandArgsText } from '../actions/describe'
import { useLanguage } from '../hooks/useLanguage'
import { useCursor } from '../hooks/useCursor'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStore } from '../hooks/useLabStore'
import { useT } from '../hooks/useT'
import { StepForwardIcon } from '../theme/icons'
import { nextScriptStep, scriptStepStates, type LoadedScenario } from './lessonProgress'

const NO_COMMANDS: never[] = []

export function LessonScript({ scenario, loaded }: { scenario: Scenario; loaded: LoadedScenario }) {
  const t = useT()
  const lang = useLanguage()
  const cursor = useCursor()
  const commands = useLabStore((s) => s.timeline?.commands ?? NO_COMMANDS)
  const a = useLabActions()
  const states = scriptStepStates(loaded, commands, cursor)
  const next = nextScriptStep(loaded, commands, cursor)
  const passed = states.filter((s) => s === 'done').length
  const nextOp = next ? scenario.script.steps[next.step].op : null
  return (
    <section className="lesson-script" aria-labelledby="lesson-script-title">
      <div className="lesson-subhead">
        <h3 id="lesson-script-title">{t('lesson.script')}</h3>
        <span className="muted small">{t('lesson.scriptPosition', { n: passed, total: states.length })}</span>
      </div>
      <button type="button" className="button primary next-step" disabled={!next} onClick={a.nextLessonStep}>
        <StepForwardIcon size={15} />
        {nextOp ? t('lesson.nextStep', { op: t(`op.${nextOp}`) }) : t('lesson.scriptDone')}
      </button>
      {cursor === 0 && <p className="note">{t('scenario.playHint')}</p>}
      {loaded.unexpected.map((u) => (
        <p key={u.step} className="note warn">
          {t('scenario.unexpected', { n: u.step + 1, text: formatMessage(u.message, lang) })}
        </p>
      ))}
      <ol className="lesson-steps" aria-label={t('scenario.steps')}>
        {scenario.script.steps.map((step, i) => {
          const index = loaded.commandIndex[i]
          const c = index !== null && index !== undefined ? commands[index] : undefined
          return (
            <li key={i} className={`lesson-step is-${states[i]}`} aria-current={states[i] === 'current' ? 'step' : undefined}>
              <button type="button" className="link-button" disabled={!c} onClick={() => c && a.setCursor(c.lastSeq)} title={t('scenario.goto', { n: i + 1 })}>
                <span className="step-op">{t(`op.${step.op}`)}</span> <span className="muted">{commandArgsText(step, t)}</span>
                {scenario.refusedSteps.includes(i) && <span className="badge badge-warn">{t('scenario.expectedRefusal')}</span>}
              </button>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
