// One row of the event list: its step number, what travelled (key glyphs), and the lab's sentence in the chosen
// language, its key IDs short as the narration tells them (whole on hover, and in the row's tooltip). At story pace
// a row is a story step, told by its headline message, with a button that opens it to its messages (listed under
// it as member rows). Events after the cursor have not happened yet at the step shown: dimmed.

import { memo } from 'react'
import type { EventView } from '../../../shared/api/contract'
import { formatMessage, type Language } from '../../../shared/i18n/format'
import { KeyGlyph, PayloadGlyph } from '../graph/tokens/KeyGlyph'
import { RefusedMark } from '../graph/tokens/TokenBody'
import { REFUSED_MESSAGES as REFUSED } from '../graph/tokens/tokenVisual'
import type { StoryStep } from '../playback/story'
import { useT } from '../hooks/useT'
import { ToldText } from '../shell/ToldText'
import './EventRow.css'

export type RowState = 'past' | 'current' | 'flying' | 'future'

export interface EventRowProps {
  /** The row's seq: the event's own, or the last of its story step (where the cursor goes when it is chosen). */
  seq: number
  /** The event that tells the row. */
  event: EventView
  lang: Language
  state: RowState
  selected: boolean
  top: number
  onSelect: (seq: number) => void
  /** A story step: its extent and whether its messages are listed under it. */
  step?: StoryStep
  open?: boolean
  onToggle?: (seq: number) => void
  /** A message listed under its opened story step. */
  member?: boolean
  /** The row the keyboard is on in the list (aria-activedescendant points at it). */
  active: boolean
  /** 1-based position among all rows of the list (the list is virtualised). */
  rowIndex: number
}

/** The id of an event row, for the list's aria-activedescendant. */
export const eventRowId = (seq: number) => `event-row-${seq}`

export const EventRow = memo(function EventRow({ seq, event, lang, state, selected, top, onSelect, step, open, onToggle, member, active, rowIndex }: EventRowProps) {
  const t = useT()
  const text = formatMessage(event.message, lang)
  const messages = step ? step.last - step.first + 1 : 1
  const expandable = !!step && messages > 1 && !!onToggle
  // A row of the list's tree grid: the list holds the one Tab stop and moves between rows with the arrow keys;
  // a click works as before. Story steps expand to their messages (→/← or the count button).
  return (
    <li
      id={eventRowId(seq)}
      role="row"
      aria-rowindex={rowIndex}
      aria-level={member ? 3 : 2}
      aria-selected={selected}
      aria-expanded={expandable ? !!open : undefined}
      aria-current={state === 'current' ? 'step' : undefined}
      className={`event-row is-${state}${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}${event.kind === 'fault' ? ' is-fault' : ''}${member ? ' is-member' : ''}${step ? ' is-story' : ''}`}
      style={{ top }}
      data-seq={seq}
    >
      <div role="gridcell" className="event-main" onClick={() => onSelect(seq)} title={text}>
        <span className="event-seq">{seq}</span>
        <span className="event-glyphs" aria-hidden="true">
          {event.keys.slice(0, 2).map((k, i) => (
            <KeyGlyph key={i} keyType={k.keyType} form={k.form} wrappedBy={k.wrappedBy} size={16} />
          ))}
          {event.keys.length === 0 && event.payload && <PayloadGlyph kind={event.payload.kind} encrypted={event.payload.encrypted} size={16} />}
          {REFUSED.has(event.message.id) && <RefusedMark />}
        </span>
        <span className="event-text">
          <ToldText text={text} />
        </span>
      </div>
      {expandable && (
        <span role="gridcell">
        <button
          type="button"
          tabIndex={-1}
          className="story-toggle"
          aria-expanded={open}
          onClick={() => onToggle(seq)}
          title={open ? t('story.close') : t('story.open', { n: messages })}
          aria-label={open ? t('story.close') : t('story.open', { n: messages })}
        >
          {open ? '▾' : '▸'} {messages}
        </button>
        </span>
      )}
    </li>
  )
})
