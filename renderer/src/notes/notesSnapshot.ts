// What the presenter's notes view shows, taken from the presenter's window: the step told now, the next one, the
// lesson's script position and its speaker notes (each with whether its objective is done at the step shown).
// The presenter's window computes it (it alone knows the lesson, the step and the language) and sends it as plain
// text, so the notes view needs no lab of its own. Pure, so it is tested without a page.

import { formatMessage, type Language } from '../../../shared/i18n/format'
import { scenarios } from '../../../shared/scenarios'
import { evaluateObjectives, objectivesOf } from '../../../shared/scenarios/objectives'
import { notesOf } from '../../../shared/scenarios/presenterNotes'
import { commandArgsText } from '../actions/describe'
import { translate } from '../i18n/translate'
import type { StringKey } from '../i18n/strings'
import { currentEvent } from '../playback/clock'
import { nextIn, visibleAtOrBefore } from '../playback/filters'
import { toldSeq } from '../playback/story'
import { lessonStateAt, nextScriptStep, scriptStepStates } from '../scenarios/lessonProgress'
import { eventAt } from '../store/loadedTimeline'
import type { LabState } from '../store/types'

export interface NotesStep {
  seq: number
  /** The step's sentence as the narration tells it (key IDs in full: the notes view shortens them). */
  text: string
}

export interface NotesSnapshot {
  labId: string
  lang: Language
  /** Whether the projected window is in presenter mode. */
  presenter: boolean
  /** The step shown now (null at the start), the one after it (null at the end), and where that is. */
  now: NotesStep | null
  next: NotesStep | null
  position: { n: number; total: number }
  lesson: {
    title: string
    /** Script steps passed, of all. */
    script: { n: number; total: number }
    /** The next script step ("Encrypt VM vm: web-01"), or null when the script is through or done by hand. */
    nextCommand: string | null
    notes: { text: string; objective: string | null; done: boolean }[]
  } | null
}

type Source = Pick<LabState, 'timeline' | 'visible' | 'story' | 'pace' | 'clock' | 'scenario' | 'settings'>

/** The snapshot of a window's state, or null before its lab has loaded. */
export function notesSnapshot(s: Source): NotesSnapshot | null {
  const t = s.timeline
  if (!t) return null
  const lang = s.settings.language
  const told = (seq: number | null): NotesStep | null => {
    if (seq === null || seq <= t.baseSeq) return null
    const e = eventAt(t, toldSeq(s.story, s.pace, seq))
    return e ? { seq, text: formatMessage(e.message, lang) } : null
  }
  // The step told now and its number are the same one, as in the window's step counter: while an event is in the
  // air, that event (not the one before it, whose state is still shown).
  const shown = s.clock.flights.length ? currentEvent(s.clock, t.cursor) : visibleAtOrBefore(s.visible, t.cursor)
  const n = shown === null ? 0 : s.visible.indexOf(shown) + 1
  return {
    labId: t.labId,
    lang,
    presenter: s.settings.presenter,
    now: told(shown),
    next: told(nextIn(s.visible, t.cursor)),
    position: { n, total: s.visible.length },
    lesson: lessonPart(s, lang)
  }
}

function lessonPart(s: Source, lang: Language): NotesSnapshot['lesson'] {
  const t = s.timeline
  const loaded = s.scenario
  const scenario = loaded && scenarios.find((x) => x.id === loaded.id)
  if (!t || !loaded || !scenario) return null
  const objectives = objectivesOf(scenario.id)
  const done = evaluateObjectives(objectives, lessonStateAt(t))
  const titleOf = (id: string | null) => objectives.find((o) => o.id === id)?.title[lang] ?? null
  const next = loaded.mode === 'watch' ? nextScriptStep(loaded, t.commands, t.cursor) : null
  const step = next ? scenario.script.steps[next.step] : null
  return {
    title: scenario.title[lang],
    script: { n: scriptStepStates(loaded, t.commands, t.cursor).filter((x) => x === 'done').length, total: loaded.commandIndex.length },
    nextCommand: step ? `${translate(lang, `op.${step.op}` as StringKey)} ${commandArgsText(step)}`.trim() : null,
    // A note that opens the lesson is behind the presenter once the class reached any objective.
    notes: notesOf(scenario.id).map((note) => ({
      text: note.text[lang],
      objective: titleOf(note.objective),
      done: note.objective === null ? done.some(Boolean) : (done[objectives.findIndex((o) => o.id === note.objective)] ?? false)
    }))
  }
}

/** Whether a message from another page is a snapshot this view can show (same origin, but checked all the same). */
export function isNotesSnapshot(x: unknown): x is NotesSnapshot {
  if (typeof x !== 'object' || x === null) return false
  const s = x as Record<string, unknown>
  const step = (v: unknown) => v === null || (typeof v === 'object' && typeof (v as NotesStep).seq === 'number' && typeof (v as NotesStep).text === 'string')
  const pos = s.position as { n?: unknown; total?: unknown } | undefined
  return (
    typeof s.labId === 'string' &&
    (s.lang === 'en' || s.lang === 'de') &&
    typeof s.presenter === 'boolean' &&
    step(s.now) &&
    step(s.next) &&
    typeof pos?.n === 'number' &&
    typeof pos.total === 'number' &&
    (s.lesson === null || (typeof s.lesson === 'object' && Array.isArray((s.lesson as { notes?: unknown }).notes)))
  )
}
