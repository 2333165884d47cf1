// Packet Tracer's play controls: reset, step back, play/pause, step forward, jump to now; speed; tokens in flight;
// where the cursor is.

import { PLAY_BUTTON_ID } from './focusPlay'
import { useCursor } from '../hooks/useCursor'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStore } from '../hooks/useLabStore'
import { useLiveEnd } from '../hooks/useLiveEnd'
import { usePlaying } from '../hooks/usePlaying'
import { useT } from '../hooks/useT'
import { useToldStep } from '../hooks/useToldStep'
import { OVERLAPS, RATES } from '../playback/clock'
import './PlaybackControls.css'
import { EndIcon, FinishCommandIcon, PauseIcon, PlayIcon, ResetIcon, StepBackIcon, StepForwardIcon } from '../theme/icons'

export function PlaybackControls() {
  const t = useT()
  const a = useLabActions()
  const playing = usePlaying()
  const cursor = useCursor()
  const told = useToldStep()
  const end = useLiveEnd()
  const rate = useLabStore((s) => s.clock.rate)
  const overlap = useLabStore((s) => s.clock.overlap)
  const start = useLabStore((s) => s.timeline?.startSeq ?? 0)
  const pace = useLabStore((s) => s.pace)
  const atEnd = cursor === end
  return (
    <div className="playback" role="group" aria-label={t('timeline.label')}>
      <button type="button" className="icon-button" onClick={() => void a.reset()} disabled={cursor === start && !playing} title={`${t('timeline.reset')} (R)`} aria-label={t('timeline.reset')}>
        <ResetIcon />
      </button>
      <button type="button" className="icon-button" onClick={() => void a.stepBack()} title={`${t('timeline.stepBack')} (←)`} aria-label={t('timeline.stepBack')}>
        <StepBackIcon />
      </button>
      <button
        type="button"
        id={PLAY_BUTTON_ID}
        className="icon-button play-button"
        onClick={a.togglePlay}
        disabled={!playing && atEnd}
        title={`${playing ? t('timeline.pause') : t('timeline.play')} (Space)`}
        aria-label={playing ? t('timeline.pause') : t('timeline.play')}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <button type="button" className="icon-button" onClick={a.stepForward} disabled={atEnd && !playing} title={`${t('timeline.stepForward')} (→)`} aria-label={t('timeline.stepForward')}>
        <StepForwardIcon />
      </button>
      <button type="button" className="icon-button" onClick={a.finishCommand} disabled={atEnd && !playing} title={`${t('timeline.finishCommand')} (Shift+→)`} aria-label={t('timeline.finishCommand')}>
        <FinishCommandIcon />
      </button>
      <button type="button" className="icon-button" onClick={a.toEnd} disabled={atEnd} title={`${t('timeline.toEnd')} (End)`} aria-label={t('timeline.toEnd')}>
        <EndIcon />
      </button>
      <div className="pace-switch" role="radiogroup" aria-label={t('timeline.pace')} title={t('timeline.paceHint')}>
        {(['story', 'wire'] as const).map((p) => (
          <button key={p} type="button" role="radio" aria-checked={pace === p} className={pace === p ? 'is-on' : undefined} onClick={() => a.setPace(p)} title={t('timeline.paceHint')}>
            {t(p === 'story' ? 'timeline.pace.story' : 'timeline.pace.wire')}
          </button>
        ))}
      </div>
      <label className="compact-field" title={t('timeline.speedHint')}>
        <span>{t('timeline.speed')}</span>
        <select value={rate} onChange={(e) => a.setRate(Number(e.target.value))} aria-label={t('timeline.speed')}>
          {RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
      </label>
      <label className="compact-field" title={t('timeline.overlapHint')}>
        <span className="sr-only">{t('timeline.overlapHint')}</span>
        <select value={overlap} onChange={(e) => a.setOverlap(Number(e.target.value))} aria-label={t('timeline.overlap')}>
          {OVERLAPS.map((o) => (
            <option key={o} value={o}>
              {o === 1 ? '1 ↝' : `${o} ↝`}
            </option>
          ))}
        </select>
      </label>
      <span className={`position${atEnd ? '' : ' is-past'}`} title={atEnd ? undefined : t('graph.past', { seq: cursor, end })}>
        {t('timeline.position', { seq: told, end })}
      </span>
    </div>
  )
}
