// The lesson's objectives as a checklist that ticks itself from the lab at the cursor, with the progress ("3 of 7"),
// a hint for each open objective (by hand: with the forms of the commands it names), and a live region that tells
// screen readers what was just achieved. The presenter's notes are not here: they live in the notes view
// (../notes), never in the window the room sees.

import { useState } from 'react'
import type { CommandOp } from '../../../shared/lab/commands/schema'
import { objectivesOf, type Objective } from '../../../shared/scenarios/objectives'
import { OPS, defaultArgs } from '../actions/catalog'
import { useLabActions } from '../hooks/useLabActions'
import { useLabFacts } from '../hooks/useLabFacts'
import { useLabStore } from '../hooks/useLabStore'
import { useLanguage } from '../hooks/useLanguage'
import { useLessonProgress } from '../hooks/useLessonProgress'
import { useNewlyDone } from '../hooks/useNewlyDone'
import { useSelectedTarget } from '../hooks/useSelectedTarget'
import { useT } from '../hooks/useT'
import type { LoadedScenario } from './lessonProgress'
import { CheckIcon } from '../theme/icons'

export function LessonObjectives({ lessonId, mode }: { lessonId: string; mode: LoadedScenario['mode'] }) {
  const t = useT()
  const lang = useLanguage()
  const labId = useLabStore((s) => s.timeline?.labId ?? null)
  const objectives = objectivesOf(lessonId)
  const done = useLessonProgress(lessonId)
  const fresh = useNewlyDone(`${lessonId}:${labId}`, done)
  const [hints, setHints] = useState<ReadonlySet<string>>(new Set())
  const count = done.filter(Boolean).length
  const toggle = (id: string) =>
    setHints((old) => {
      const next = new Set(old)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const announcement = fresh.map((i) => t('lesson.completed', { title: objectives[i].title[lang] })).join(' ')
  return (
    <section className="objectives" aria-labelledby="lesson-objectives-title">
      <div className="lesson-subhead">
        <h3 id="lesson-objectives-title">{t('lesson.objectives')}</h3>
        <span className="objectives-count">{t('lesson.progress', { done: count, total: objectives.length })}</span>
      </div>
      <progress className="lesson-progress" max={objectives.length} value={count} aria-label={t('lesson.progressLabel', { done: count, total: objectives.length })} />
      <ol className="objective-list">
        {objectives.map((o, i) => (
          <ObjectiveItem
            key={o.id}
            objective={o}
            done={done[i] ?? false}
            fresh={fresh.includes(i)}
            hintOpen={hints.has(o.id)}
            onHint={() => toggle(o.id)}
            byHand={mode === 'byHand'}
          />
        ))}
      </ol>
      {count === objectives.length && objectives.length > 0 && <p className="note good lesson-complete">{t('lesson.allDone')}</p>}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </section>
  )
}

function ObjectiveItem(props: { objective: Objective; done: boolean; fresh: boolean; hintOpen: boolean; onHint: () => void; byHand: boolean }) {
  const { objective: o, done, fresh, hintOpen, onHint, byHand } = props
  const t = useT()
  const lang = useLanguage()
  const hintId = `objective-hint-${o.id}`
  return (
    <li className={`objective is-${done ? 'done' : 'open'}${fresh ? ' is-fresh' : ''}`} data-objective={o.id}>
      <span className="objective-mark" aria-hidden="true">
        {done ? <CheckIcon size={14} /> : null}
      </span>
      <div className="objective-body">
        <span className="objective-title">
          {o.title[lang]}
          <span className="sr-only"> — {done ? t('lesson.done') : t('lesson.open')}</span>
        </span>
        {!done && (
          <button type="button" className="text-button small hint-button" aria-expanded={hintOpen} aria-controls={hintId} aria-label={t('lesson.hintFor', { title: o.title[lang] })} onClick={onHint}>
            {t('lesson.hint')}
          </button>
        )}
        {!done && hintOpen && (
          <div className="objective-hint" id={hintId}>
            <p>{o.hint[lang]}</p>
            {byHand && o.ops.length > 0 && <OpButtons ops={o.ops} />}
          </div>
        )}
      </div>
    </li>
  )
}

/** The menu path of each command the hint names, as a button that opens its form, prefilled from the live lab. */
function OpButtons({ ops }: { ops: readonly CommandOp[] }) {
  const t = useT()
  const facts = useLabFacts()
  const target = useSelectedTarget()
  const { openDialog } = useLabActions()
  return (
    <div className="hint-ops">
      {[...new Set(ops)].map((op) => (
        <button
          key={op}
          type="button"
          className="text-button small"
          title={t('lesson.openForm')}
          onClick={() => openDialog(op, defaultArgs(op, facts, target?.kind === OPS[op].target?.kind ? target : undefined))}
        >
          {t(`actions.group.${OPS[op].group}`)} → {t(`op.${op}`)}
        </button>
      ))}
    </div>
  )
}
