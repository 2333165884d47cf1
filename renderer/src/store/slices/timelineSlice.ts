// Timeline and playback: the window's copy of the lab's history (../loadedTimeline), the cursor and the playback clock
// (../../playback/clock), kept in step with the host's pushes. Pushes that arrive while the timeline loads are kept
// and applied after it, so nothing is lost or doubled. `timeline.cursor` is the one "step shown" of the window.

import type { LabPush } from '../../../../shared/api/contract'
import { MAX_HISTORY_PAGE } from '../../../../shared/api/limits'
import * as clockFns from '../../playback/clock'
import { SHOW_ALL, isFiltering, prevIn, visibleSeqs, type EventFilter } from '../../playback/filters'
import { extendStory, storySeqs, storySteps, type Pace, type StoryStep } from '../../playback/story'
import { appendEvents, eventAt, fromTimeline, lastSeq, moveCursor, prependHistory, withFile, type LoadedTimeline } from '../loadedTimeline'
import { errorNotice, failureNotice } from '../errorNotice'
import type { SliceKit, TimelineActions, TimelineSliceState } from '../types'
import type { ChecksSlice } from './checksSlice'
import { clockContext } from '../clockContext'

export const RECENT_EVENTS = 3000

/** What the timeline shows and plays at a pace (see TimelineSliceState.visible). */
export function shownSeqs(t: LoadedTimeline, filter: EventFilter, pace: Pace, story: readonly StoryStep[]): number[] {
  if (pace === 'wire') return visibleSeqs(t.events, filter)
  return isFiltering(filter) ? storySeqs(story, visibleSeqs(t.events, filter)) : story.map((s) => s.last)
}

export interface TimelineSlice {
  state: TimelineSliceState
  actions: TimelineActions
  /** Changes the clock (a pure clock function) and runs it. */
  withClock(update: (c: clockFns.ClockState, now: number) => clockFns.ClockState): void
  /** Plays the events after `seq` from there (the cursor goes to `seq` first). */
  playFrom(seq: number): void
  /** While a lesson loads, its commands' events do not play one by one: bulk(+1) before, bulk(-1) after. */
  bulk(delta: 1 | -1): void
  inBulk(): boolean
}

export function createTimelineSlice(kit: SliceKit, checks: Pick<ChecksSlice, 'checksFor'>): TimelineSlice {
  const { api, set, get, scheduler, options } = kit
  const recent = options.recent ?? RECENT_EVENTS
  let generation = 0
  let loading = false
  let buffered: LabPush[] = []
  let timer: unknown = null
  let bulk = 0

  const notifyError = (e: unknown) => get().actions.notify(errorNotice(e))


  /** Runs the clock: lands and sends off tokens, moves the cursor, sets the one timer for the next moment. */
  function advance(): void {
    if (timer !== null) scheduler.clearTimeout(timer)
    timer = null
    const s = get()
    const t = s.timeline
    if (!t) return
    const now = scheduler.now()
    const r = clockFns.tick(s.clock, now, clockContext(t, s.visible))
    const timeline = r.cursor !== null ? moveCursor(t, r.cursor) : t
    if (r.clock !== s.clock || timeline !== t) set({ clock: r.clock, timeline })
    if (r.wakeAt !== null) timer = scheduler.setTimeout(advance, Math.max(0, r.wakeAt - now))
  }

  function withClock(update: (c: clockFns.ClockState, now: number) => clockFns.ClockState): void {
    set((s) => ({ clock: update(s.clock, scheduler.now()) }))
    advance()
  }

  function seekTo(seq: number): void {
    const t = get().timeline
    if (!t) return
    const timeline = moveCursor(t, seq)
    set((s) => ({ timeline, clock: clockFns.seek(s.clock, scheduler.now(), timeline.cursor) }))
    advance()
  }

  /**
   * The new timeline with its story steps and what is shown. `appendedTo`: the timeline it only appended events to
   * (the steps are extended, and the wire list too when `visible` is given), else everything is grouped again.
   */
  function setTimeline(timeline: LoadedTimeline, appendedTo?: LoadedTimeline, visible?: number[]): void {
    const s = get()
    const story = appendedTo ? extendStory(s.story, timeline.events, timeline.baseSeq, appendedTo.events.length) : storySteps(timeline.events)
    const shown = s.pace === 'wire' && visible ? visible : shownSeqs(timeline, s.filter, s.pace, story)
    set({ timeline, story, visible: shown, checks: checks.checksFor(timeline) })
  }

  function applyPush(push: LabPush): void {
    // Follow along's pushes (the presenter's step, sharing, a closed connection) are the follow slice's; the
    // desktop menu's view switches and the host's file work are the ui slice's.
    if (push.type === 'shown' || push.type === 'sharing' || push.type === 'closed' || push.type === 'menu' || push.type === 'fileWork') return
    const s = get()
    const t = s.timeline
    if (loading || !t) {
      buffered.push(push)
      return
    }
    if (push.type === 'reset' || push.labId !== t.labId) {
      void reload()
      return
    }
    if (push.type === 'file') {
      set({ timeline: withFile(t, push.file) })
      return
    }
    const end = lastSeq(t)
    const appended = appendEvents(t, push.events, push.command)
    // How many commands the host can still restore with redo travels with each push (a new command clears it).
    const next = appended && { ...appended, undone: push.undone ?? 0 }
    if (!next) {
      void reload()
      return
    }
    const fresh = next.events.slice(t.events.length)
    const visible = s.pace !== 'wire' ? undefined : isFiltering(s.filter) ? [...s.visible, ...visibleSeqs(fresh, s.filter)] : [...s.visible, ...fresh.map((e) => e.seq)]
    const following = t.cursor === end && s.clock.flights.length === 0
    setTimeline(next, t, visible)
    if (bulk > 0 || !following || s.clock.playing) {
      if (s.clock.playing) advance()
      return
    }
    if (s.settings.autoPlay) withClock((c, now) => clockFns.playFrom(c, now, end))
    else seekTo(lastSeq(next))
  }

  async function reload(): Promise<void> {
    const gen = ++generation
    loading = true
    buffered = []
    try {
      const timeline = fromTimeline(await api.getTimeline({ recent }))
      if (gen !== generation) return
      loading = false
      const s = get()
      const sameLab = s.timeline?.labId === timeline.labId
      set({
        status: 'ready',
        error: null,
        clock: clockFns.seek(s.clock, scheduler.now(), timeline.cursor),
        selection: sameLab ? s.selection : { component: null, event: null, tab: 'events' },
        checkpoints: sameLab ? s.checkpoints.filter((c) => c <= lastSeq(timeline)) : [],
        scenario: sameLab ? s.scenario : null
      })
      setTimeline(timeline)
      advance()
      const pending = buffered
      buffered = []
      for (const p of pending) applyPush(p)
    } catch (e) {
      if (gen !== generation) return
      loading = false
      set({ status: 'error', error: failureNotice('app.loadFailed', e) })
    }
  }

  async function loadEarlier(): Promise<boolean> {
    const t = get().timeline
    if (!t || t.baseSeq <= t.startSeq || get().loadingHistory) return false
    set({ loadingHistory: true })
    try {
      const from = Math.max(t.startSeq, t.baseSeq - MAX_HISTORY_PAGE)
      const page = await api.getHistory(from, t.baseSeq)
      const now = get().timeline
      if (!now || now.labId !== t.labId || now.baseSeq !== t.baseSeq) return false
      const merged = prependHistory(now, page)
      if (!merged) return false
      setTimeline(merged)
      return true
    } catch (e) {
      notifyError(e)
      return false
    } finally {
      set({ loadingHistory: false })
    }
  }

  const actions: TimelineActions = {
    start() {
      const unsubscribe = api.subscribe(applyPush)
      void reload()
      return () => {
        unsubscribe()
        generation++
        loading = false
        if (timer !== null) scheduler.clearTimeout(timer)
        timer = null
      }
    },
    reload,
    setCursor: seekTo,
    play() {
      const s = get()
      if (s.timeline && s.timeline.cursor === lastSeq(s.timeline) && s.clock.flights.length === 0) return
      withClock((c, now) => clockFns.play(c, now))
    },
    pause() {
      withClock((c, now) => clockFns.pause(c, now))
    },
    togglePlay() {
      if (get().clock.playing) actions.pause()
      else actions.play()
    },
    stepForward() {
      const s = get()
      const t = s.timeline
      if (!t) return
      const r = clockFns.stepForward(s.clock, scheduler.now(), clockContext(t, s.visible))
      set({ clock: r.clock, timeline: r.cursor !== null ? moveCursor(t, r.cursor) : t })
      advance()
    },
    async stepBack() {
      let s = get()
      let t = s.timeline
      if (!t) return
      if (s.clock.flights.length === 0 && prevIn(s.visible, t.cursor) === null && t.baseSeq > t.startSeq) {
        await loadEarlier()
        s = get()
        t = s.timeline
        if (!t) return
      }
      const r = clockFns.stepBack(s.clock, scheduler.now(), clockContext(t, s.visible))
      set({ clock: r.clock, timeline: r.cursor !== null ? moveCursor(t, r.cursor) : t })
      advance()
    },
    async reset() {
      while (get().timeline && get().timeline!.baseSeq > get().timeline!.startSeq) if (!(await loadEarlier())) break
      const t = get().timeline
      if (t) seekTo(t.baseSeq)
    },
    toEnd() {
      const t = get().timeline
      if (t) seekTo(lastSeq(t))
    },
    setRate(rate) {
      withClock((c, now) => clockFns.setRate(c, now, rate))
    },
    setOverlap(overlap) {
      withClock((c) => clockFns.setOverlap(c, overlap))
    },
    finishCommand() {
      const s = get()
      const t = s.timeline
      if (!t) return
      const seq = s.clock.flights.length ? s.clock.flights[0].seq : t.cursor + 1
      const event = eventAt(t, seq)
      const command = event ? t.commands[event.command] : undefined
      if (command) seekTo(command.lastSeq)
    },
    setPace(pace) {
      const s = get()
      const t = s.timeline
      set({ pace, visible: t ? shownSeqs(t, s.filter, pace, s.story) : [] })
      advance()
    },
    setFilter(filter) {
      const s = get()
      const t = s.timeline
      set({ filter, visible: t ? shownSeqs(t, filter, s.pace, s.story) : [] })
      advance()
    },
    selectComponent(id) {
      set((s) => ({ selection: { ...s.selection, component: id, tab: id ? 'component' : s.selection.tab } }))
    },
    selectEvent(seq) {
      set((s) => ({ selection: { ...s.selection, event: seq, tab: seq !== null ? 'events' : s.selection.tab } }))
      if (seq !== null) seekTo(seq)
    },
    setInspectorTab(tab) {
      set((s) => ({ selection: { ...s.selection, tab } }))
    },
    addCheckpoint(seq) {
      const t = get().timeline
      if (!t) return
      const at = seq ?? t.cursor
      set((s) => ({ checkpoints: [...new Set([...s.checkpoints, at])].sort((a, b) => a - b).slice(0, 9) }))
    },
    removeCheckpoint(seq) {
      set((s) => ({ checkpoints: s.checkpoints.filter((c) => c !== seq) }))
    },
    async gotoCheckpoint(index) {
      const seq = get().checkpoints[index]
      if (seq === undefined) return
      while (get().timeline && get().timeline!.baseSeq > seq) if (!(await loadEarlier())) return
      seekTo(seq)
    },
    loadEarlier
  }

  return {
    state: {
      status: 'connecting',
      error: null,
      timeline: null,
      clock: clockFns.initialClock(0, scheduler.now()),
      filter: SHOW_ALL,
      pace: options.pace ?? 'story',
      story: [],
      visible: [],
      selection: { component: null, event: null, tab: 'events' },
      checkpoints: [],
      loadingHistory: false
    },
    actions,
    withClock,
    playFrom(seq) {
      const t = get().timeline
      if (!t) return
      set({ timeline: moveCursor(t, seq) })
      withClock((c, now) => clockFns.playFrom(c, now, seq))
    },
    bulk(delta) {
      bulk += delta
    },
    inBulk: () => bulk > 0
  }
}
