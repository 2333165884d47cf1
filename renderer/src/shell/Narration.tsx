// The sentence of the current event under the graph, large enough for the back row; screen readers hear it too.

import { useRef } from 'react'
import { formatMessage } from '../../../shared/i18n/format'
import { KeyGlyph, PayloadGlyph } from '../graph/tokens/KeyGlyph'
import { useCurrentSeq } from '../hooks/useCurrentSeq'
import { useLabActions } from '../hooks/useLabActions'
import { useLanguage } from '../hooks/useLanguage'
import { usePlaying } from '../hooks/usePlaying'
import { useT } from '../hooks/useT'
import { useSteadyHeight } from '../hooks/useSteadyHeight'
import { useToldEvent } from '../hooks/useToldEvent'
import { ToldText } from './ToldText'
import './Narration.css'

export function Narration() {
  const seq = useCurrentSeq()
  const event = useToldEvent(seq)
  const lang = useLanguage()
  const playing = usePlaying()
  const t = useT()
  const { selectEvent } = useLabActions()
  // While playing, the strip keeps the height of its longest sentence so far, so the graph above keeps its size.
  const strip = useRef<HTMLDivElement>(null)
  useSteadyHeight(strip, playing)
  // The strip keeps its place when there is nothing to tell, so the graph above never changes size.
  if (!event || seq === null) return <div ref={strip} className="narration is-empty" />
  return (
    <div ref={strip} className={`narration${event.kind === 'fault' ? ' is-fault' : ''}`}>
      {/* The step's number as the step counter and the event list give it (at story pace the step's last event,
          not the headline that tells it), so the three never disagree. */}
      <button type="button" className="narration-seq" onClick={() => selectEvent(seq)} title={t('event.seq', { seq })}>
        {seq}
      </button>
      <span className="narration-glyphs" aria-hidden="true">
        {event.keys.slice(0, 3).map((k, i) => (
          <KeyGlyph key={i} keyType={k.keyType} form={k.form} wrappedBy={k.wrappedBy} size={20} />
        ))}
        {event.keys.length === 0 && event.payload && <PayloadGlyph kind={event.payload.kind} encrypted={event.payload.encrypted} size={20} />}
      </span>
      {/* While playing fast, announcing every sentence would drown a screen reader: it hears them when paused. */}
      <p className="narration-text" data-testid="narration" aria-live={playing ? 'off' : 'polite'}>
        <ToldText text={formatMessage(event.message, lang)} />
      </p>
    </div>
  )
}
