// The presenter's checkpoints: numbered marks (keys 1–9 jump there), one more at the current step.

import { useCheckpoints } from '../hooks/useCheckpoints'
import { useCursor } from '../hooks/useCursor'
import { useLabActions } from '../hooks/useLabActions'
import { useT } from '../hooks/useT'
import { FlagIcon } from '../theme/icons'

export function Checkpoints() {
  const t = useT()
  const checkpoints = useCheckpoints()
  const cursor = useCursor()
  const a = useLabActions()
  return (
    <div className="checkpoints" role="group" aria-label={t('timeline.checkpoints')}>
      {checkpoints.map((seq, i) => (
        <span key={seq} className={`checkpoint${seq === cursor ? ' is-current' : ''}`}>
          <button type="button" className="checkpoint-go" onClick={() => void a.gotoCheckpoint(i)} title={t('timeline.checkpointN', { n: i + 1, seq })}>
            {i + 1}
          </button>
          <button type="button" className="checkpoint-remove" onClick={() => a.removeCheckpoint(seq)} aria-label={t('timeline.removeCheckpoint', { n: i + 1 })}>
            ×
          </button>
        </span>
      ))}
      {checkpoints.length < 9 && !checkpoints.includes(cursor) && (
        <button type="button" className="icon-button small" onClick={() => a.addCheckpoint()} title={`${t('timeline.checkpoint')} (C)`} aria-label={t('timeline.checkpoint')}>
          <FlagIcon size={15} />
        </button>
      )}
    </div>
  )
}
