// How to go through a lesson: watch its script step by step, or do it yourself from the menus. Either choice starts
// the lesson over in a new lab with the lesson's seed, which the buttons' descriptions say.

import { focusPlay } from '../timeline/focusPlay'
import type { Scenario } from '../../../shared/scenarios'
import { useBusy } from '../hooks/useBusy'
import { useIsRunning } from '../hooks/useIsRunning'
import { useLabActions } from '../hooks/useLabActions'
import { useT } from '../hooks/useT'
import type { LoadedScenario } from './lessonProgress'
import { EyeIcon, KeyboardIcon } from '../theme/icons'

export function LessonModes({ scenario, mode }: { scenario: Scenario; mode: LoadedScenario['mode'] }) {
  const t = useT()
  const busy = useBusy() !== null
  const running = useIsRunning()
  const { loadScenario, startLessonByHand } = useLabActions()
  return (
    <div className="lesson-modes" role="group" aria-label={t('lesson.how')}>
      <button
        type="button"
        aria-pressed={mode === 'watch'}
        aria-describedby="lesson-mode-watch"
        className={mode === 'watch' ? 'is-on' : ''}
        title={t('lesson.watchTitle')}
        disabled={busy || running}
        onClick={() => void loadScenario(scenario).then(focusPlay)}
      >
        <EyeIcon size={15} />
        {t('lesson.watch')}
      </button>
      <button
        type="button"
        aria-pressed={mode === 'byHand'}
        aria-describedby="lesson-mode-byhand"
        className={mode === 'byHand' ? 'is-on' : ''}
        title={t('lesson.byHandTitle')}
        disabled={busy || running}
        onClick={() => void startLessonByHand(scenario)}
      >
        <KeyboardIcon size={15} />
        {t('lesson.byHand')}
      </button>
      <span id="lesson-mode-watch" className="sr-only">
        {t('lesson.watchTitle')}
      </span>
      <span id="lesson-mode-byhand" className="sr-only">
        {t('lesson.byHandTitle')}
      </span>
    </div>
  )
}
