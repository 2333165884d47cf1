// The empty lab's three ways in — a lesson, building it yourself with a guide, an example lab — and, once the
// person chose to build, the guide's next step with the form that does it.

import { focusPlay } from '../timeline/focusPlay'
import { scenarios } from '../../../shared/scenarios'
import { defaultArgs } from '../actions/catalog'
import { useIsViewer } from '../hooks/useFollow'
import { useLabActions } from '../hooks/useLabActions'
import { useLabFacts } from '../hooks/useLabFacts'
import { useLanguage } from '../hooks/useLanguage'
import { useT } from '../hooks/useT'
import { BookIcon, HostIcon, FolderIcon } from '../theme/icons'
import { BUILD_STEP_COUNT, nextBuildStep } from './buildGuide'
import './WaysIn.css'

/** The lesson for a first contact, and the finished lab shown as the example. */
const FIRST_LESSON = scenarios[0]

export function WaysIn({ onBuild }: { onBuild: () => void }) {
  const t = useT()
  const lang = useLanguage()
  const facts = useLabFacts()
  const viewer = useIsViewer()
  const { loadScenario, loadExample, openDialog } = useLabActions()
  const first = nextBuildStep(facts)
  if (viewer) return <p className="stage-empty">{t('graph.emptyViewer')}</p>
  return (
    <section className="ways-in" aria-labelledby="ways-in-title">
      <h2 id="ways-in-title">{t('waysIn.title')}</h2>
      <ul>
        <li>
          <BookIcon size={22} />
          <h3>{t('waysIn.lesson')}</h3>
          <p>{t('waysIn.lessonText', { title: FIRST_LESSON.title[lang] })}</p>
          <button type="button" className="button primary" onClick={() => void loadScenario(FIRST_LESSON).then(focusPlay)}>
            {t('waysIn.lessonStart')}
          </button>
        </li>
        <li>
          <HostIcon size={22} />
          <h3>{t('waysIn.build')}</h3>
          {first && (
            <p>
              {t('guide.step', { n: first.number, total: BUILD_STEP_COUNT })} {t(first.step.why)}
            </p>
          )}
          {first && (
            <button
              type="button"
              className="button"
              onClick={() => {
                onBuild()
                openDialog(first.step.op, defaultArgs(first.step.op, facts))
              }}
            >
              {t(`op.${first.step.op}`)}…
            </button>
          )}
        </li>
        <li>
          <FolderIcon size={22} />
          <h3>{t('waysIn.example')}</h3>
          <p>{t('waysIn.exampleText')}</p>
          <button type="button" className="button" onClick={() => void loadExample(FIRST_LESSON)}>
            {t('waysIn.exampleOpen')}
          </button>
        </li>
      </ul>
    </section>
  )
}

/** The guide while the person builds: the next step, why, and its form. Gone once a VM is encrypted. */
export function BuildGuide({ onClose }: { onClose: () => void }) {
  const t = useT()
  const facts = useLabFacts()
  const { openDialog } = useLabActions()
  const next = nextBuildStep(facts)
  if (!next) return null
  return (
    <aside className="build-guide" aria-label={t('waysIn.build')}>
      <span className="build-guide-step">{t('guide.step', { n: next.number, total: BUILD_STEP_COUNT })}</span>
      <span>{t(next.step.why)}</span>
      <button type="button" className="button primary" onClick={() => openDialog(next.step.op, defaultArgs(next.step.op, facts))}>
        {t(`op.${next.step.op}`)}…
      </button>
      <button type="button" className="text-button" onClick={onClose}>
        {t('guide.close')}
      </button>
    </aside>
  )
}
