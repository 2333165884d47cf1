// One event in the list: its step number, what travelled (key glyphs), and the lab's sentence in the chosen language.
// Events after the cursor have not happened yet at the step shown: they are dimmed.

import { memo } from 'react'
import type { EventView } from '../../../shared/api/contract'
import { formatMessage, type Language } from '../../../shared/i18n/format'
import { KeyGlyph, PayloadGlyph } from '../graph/tokens/KeyGlyph'

export type RowState = 'past' | 'current' | 'flying' | 'future'

export const EventRow = memo(function EventRow({ event, lang, state, selected, top, onSelect }: { event: EventView; lang: Language; state: RowState; selected: boolean; top: number; onSelect: (seq: number) => void }) {
  const text = formatMessage(event.message, lang)
  return (
    <li className={`event-row is-${state}${selected ? ' is-selected' : ''}${event.kind === 'fault' ? ' is-fault' : ''}`} style={{ top }} data-seq={event.seq}>
      <button type="button" onClick={() => onSelect(event.seq)} aria-current={state === 'current' ? 'step' : undefined} title={text}>
        <span className="event-seq">{event.seq}</span>
        <span className="event-glyphs" aria-hidden="true">
          {event.keys.slice(0, 2).map((k, i) => (
            <KeyGlyph key={i} keyType={k.keyType} form={k.form} wrappedBy={k.wrappedBy} size={16} />
          ))}
          {event.keys.length === 0 && event.payload && <PayloadGlyph kind={event.payload.kind} encrypted={event.payload.encrypted} size={16} />}
        </span>
        <span className="event-text">{text}</span>
      </button>
    </li>
  )
})
