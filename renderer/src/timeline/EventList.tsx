// The event list, grouped by command and virtualised: only the rows in view exist in the page, so a lab with tens
// of thousands of events scrolls as lightly as one with ten. The current event stays in view while playing.
// For the keyboard the list is one Tab stop, a tree grid (commands, their events, a story step's messages): ↑/↓,
// Page Up/Down, Home/End move between events and show the one reached; → opens a story step, ← closes it.

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { commandArgsText } from '../actions/describe'
import { useCurrentSeq } from '../hooks/useCurrentSeq'
import { useCursor } from '../hooks/useCursor'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStore } from '../hooks/useLabStore'
import { useLanguage } from '../hooks/useLanguage'
import { useSelection } from '../hooks/useSelection'
import { useT } from '../hooks/useT'
import { useVisibleSeqs } from '../hooks/useVisibleSeqs'
import { storyStepOf } from '../playback/story'
import { eventAt } from '../store/loadedTimeline'
import { EventRow, eventRowId, type RowState } from './EventRow'
import { ROW_HEIGHT, rowOfSeq, rowOffsets, timelineRows, visibleRange } from './rows'

export function EventList() {
  const t = useT()
  const lang = useLanguage()
  const timeline = useLabStore((s) => s.timeline)
  const flights = useLabStore((s) => s.clock.flights)
  const loadingHistory = useLabStore((s) => s.loadingHistory)
  const visible = useVisibleSeqs()
  const cursor = useCursor()
  const current = useCurrentSeq()
  const selection = useSelection()
  const { selectEvent, loadEarlier } = useLabActions()
  const pace = useLabStore((s) => s.pace)
  const story = useLabStore((s) => s.story)
  const scroller = useRef<HTMLDivElement>(null)
  const [viewport, setViewport] = useState({ top: 0, height: 400 })
  /** The story steps (by last seq) opened to their messages. */
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set())
  const onToggle = useCallback((seq: number) => setOpened((o) => (o.has(seq) ? new Set([...o].filter((s) => s !== seq)) : new Set([...o, seq]))), [])

  const commands = timeline?.commands
  const baseSeq = timeline?.baseSeq ?? 0
  const startSeq = timeline?.startSeq ?? 0
  const rows = useMemo(() => {
    if (!commands) return []
    const membersOf =
      pace === 'story' && opened.size
        ? (seq: number) => {
            const step = opened.has(seq) ? storyStepOf(story, seq) : null
            return step ? Array.from({ length: step.last - step.first + 1 }, (_, i) => step.first + i) : []
          }
        : undefined
    return timelineRows(commands, visible, baseSeq, startSeq, membersOf)
  }, [commands, visible, baseSeq, startSeq, pace, story, opened])
  const offsets = useMemo(() => rowOffsets(rows), [rows])
  const [first, last] = visibleRange(offsets, viewport.top, viewport.height)

  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const measure = () => setViewport({ top: el.scrollTop, height: el.clientHeight })
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  // Keep the current event in view. The scroll position is the one we track (reading it back from the element
  // would force a layout of the whole page on every step), and the write waits for the next frame.
  const view = useRef(viewport)
  view.current = viewport
  useEffect(() => {
    const el = scroller.current
    if (!el || current === null) return
    const i = rowOfSeq(rows, current)
    if (i < 0) return
    const top = offsets[i]
    const bottom = offsets[i + 1]
    const { top: scrollTop, height } = view.current
    let to: number | null = null
    if (top < scrollTop + ROW_HEIGHT.command) to = Math.max(0, top - ROW_HEIGHT.command)
    else if (bottom > scrollTop + height) to = bottom - height + 8
    if (to === null) return
    const target = to
    const id = requestAnimationFrame(() => {
      el.scrollTop = target
    })
    return () => cancelAnimationFrame(id)
  }, [current, rows, offsets])

  const onSelect = useCallback((seq: number) => selectEvent(seq), [selectEvent])
  /** The row the keyboard is on: the chosen event, else the one shown. */
  const activeSeq = selection.event ?? current
  const activeIndex = activeSeq === null ? -1 : rows.findIndex((r) => (r.kind === 'event' || r.kind === 'member') && r.seq === activeSeq)

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const eventRows = rows.flatMap((r, i) => (r.kind === 'event' || r.kind === 'member' ? [i] : []))
    if (!eventRows.length) return
    const at = eventRows.indexOf(activeIndex)
    const move = (to: number) => {
      const i = eventRows[Math.max(0, Math.min(eventRows.length - 1, to))]
      const row = rows[i]
      if (row.kind !== 'event' && row.kind !== 'member') return
      selectEvent(row.seq)
      const el = scroller.current
      if (el && (offsets[i] < el.scrollTop || offsets[i + 1] > el.scrollTop + el.clientHeight)) el.scrollTop = Math.max(0, offsets[i] - el.clientHeight / 2)
    }
    const page = Math.max(1, Math.floor(viewport.height / ROW_HEIGHT.event))
    const activeRow = activeIndex >= 0 ? rows[activeIndex] : null
    const row = activeRow?.kind === 'event' ? activeRow : null
    const step = row && pace === 'story' ? storyStepOf(story, row.seq) : null
    const expandable = !!step && step.last > step.first
    switch (e.key) {
      case 'ArrowDown':
        move(at < 0 ? 0 : at + 1)
        break
      case 'ArrowUp':
        move(at < 0 ? eventRows.length - 1 : at - 1)
        break
      case 'PageDown':
        move(at + page)
        break
      case 'PageUp':
        move(at - page)
        break
      case 'Home':
        move(0)
        break
      case 'End':
        move(eventRows.length - 1)
        break
      case 'ArrowRight':
        // Opens a closed story step; anywhere else → keeps its meaning (one step forward).
        if (!expandable || !row || opened.has(row.seq)) return
        onToggle(row.seq)
        break
      case 'ArrowLeft':
        if (!expandable || !row || !opened.has(row.seq)) return
        onToggle(row.seq)
        break
      default:
        return
    }
    e.preventDefault()
  }
  const inAir = useMemo(() => new Set(flights.map((f) => f.seq)), [flights])

  if (!timeline) return null
  const total = offsets[rows.length] ?? 0
  const items = []
  for (let i = first; i < last; i++) {
    const row = rows[i]
    const top = offsets[i]
    if (row.kind === 'earlier') {
      items.push(
        <li key="earlier" role="row" aria-rowindex={i + 1} className="earlier-row" style={{ top }}>
          <span role="gridcell">
            <button type="button" className="text-button" onClick={() => void loadEarlier()} disabled={loadingHistory}>
              {loadingHistory ? t('timeline.loading') : t('timeline.loadEarlier', { n: row.count })}
            </button>
          </span>
        </li>
      )
    } else if (row.kind === 'command') {
      const c = row.command
      items.push(
        <li
          key={`c${c.index}`}
          role="row"
          aria-rowindex={i + 1}
          aria-level={1}
          className={`command-row${c.fault ? ' is-refused' : ''}${c.lastSeq <= cursor ? '' : ' is-future'}`}
          style={{ top }}
        >
          <span role="gridcell" className="command-cell">
            <span className="command-index">{c.index + 1}</span>
            <span className="command-op">{t(`op.${c.command.op}`) || c.command.op}</span>
            <span className="command-args">{commandArgsText(c.command, t)}</span>
            {c.fault && <span className="badge badge-bad">{t('timeline.refused')}</span>}
          </span>
        </li>
      )
    } else {
      const seq = row.seq
      const step = row.kind === 'event' && pace === 'story' ? storyStepOf(story, seq) : null
      const e = eventAt(timeline, step ? step.headline : seq)
      if (!e) continue
      const state: RowState = inAir.has(seq) ? 'flying' : seq === current ? 'current' : seq <= cursor ? 'past' : 'future'
      items.push(
        <EventRow
          key={`${row.kind}${seq}`}
          seq={seq}
          event={e}
          lang={lang}
          state={state}
          selected={selection.event === seq}
          top={top}
          onSelect={onSelect}
          step={step ?? undefined}
          open={step ? opened.has(seq) : undefined}
          onToggle={step ? onToggle : undefined}
          member={row.kind === 'member'}
          active={i === activeIndex}
          rowIndex={i + 1}
        />
      )
    }
  }

  return (
    <div
      ref={scroller}
      className="event-scroller"
      onScroll={(e) => setViewport({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      tabIndex={-1}
    >
      {rows.length === 0 && <p className="list-empty">{timeline.events.length ? t('timeline.nothingShown') : t('timeline.empty')}</p>}
      {rows.length > 0 && (
        <ol
          className="event-list"
          role="treegrid"
          aria-label={t('timeline.events')}
          aria-rowcount={rows.length}
          aria-activedescendant={activeIndex >= first && activeIndex < last ? eventRowId(activeSeq as number) : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          style={{ height: total }}
        >
          {items}
        </ol>
      )}
    </div>
  )
}
