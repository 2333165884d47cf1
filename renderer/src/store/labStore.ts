// One store per window, fed by the lab host: the timeline from `getTimeline()`, then pushes as the lab changes.
// Main is the source of truth; this store mirrors it, sends every change back as a command (`runCommand`), and adds
// what only the window has: the playback clock and cursor, filters, selection, checkpoints, settings.
// Pushes that arrive while the timeline loads are kept and applied after it, so nothing is lost or doubled.

import { createStore, type StoreApi } from 'zustand/vanilla'
import type { CommandResult, LabApi, LabFileInfo, LabPush } from '../../../shared/api/contract'
import { MAX_HISTORY_PAGE } from '../../../shared/api/limits'
import type { CommandOp, LabCommand } from '../../../shared/lab/commands/schema'
import type { FaultInfo } from '../../../shared/lab/faults'
import type { MessageRef } from '../../../shared/lab/events'
import type { Scenario } from '../../../shared/scenarios'
import * as clockFns from '../playback/clock'
import { SHOW_ALL, isFiltering, nextIn, prevIn, visibleAtOrBefore, visibleSeqs, type EventFilter } from '../playback/filters'
import { nextScriptStep } from '../scenarios/lessonProgress'
import { MAX_CHECK_BATCH, NO_CHECKS, commandKey, rekeyChecks, type ChecksState } from './checks'
import { browserScheduler, type Scheduler } from './scheduler'
import { initialFollow, publishShownSteps, type FollowState, type WindowRole } from './follow'
import type { SharingStatus } from '../../../shared/api/sharing'
import { DEFAULT_SETTINGS, readSettings, type Settings, type SettingsStorage } from './settings'
import { appendEvents, fromTimeline, lastSeq, moveCursor, prependHistory, withFile, type TimelineModel } from './timelineModel'

export type LabStatus = 'connecting' | 'ready' | 'error'

export interface LastRun {
  command: LabCommand
  /** The host's answer (a refused command has `fault` set); null when the call itself failed. */
  result: CommandResult | null
  error: string | null
}

export interface Notice {
  id: number
  kind: 'ok' | 'error' | 'info'
  /** A UI string key with parameters (rendered in the chosen language)… */
  key?: string
  params?: Record<string, string | number>
  /** …or the lab's own message (a fault, an event). */
  message?: MessageRef
  fault?: FaultInfo
  /** A message from the host that has no catalog entry (transport errors). */
  text?: string
}

export interface Selection {
  component: string | null
  event: number | null
  /** What the side panel shows: the event list (with the selected event), the component, or the lesson. */
  tab: 'events' | 'component' | 'lesson'
}

export interface LoadedScenario {
  id: string
  /**
   * watch: the lesson's script ran in a new lab and the student steps through it; byHand: a new, empty lab the student
   * builds from the menus while the objectives tick.
   */
  mode: 'watch' | 'byHand'
  /** The command index of each step of the lesson (null when the step was not run). */
  commandIndex: (number | null)[]
  unexpected: { step: number; message: MessageRef }[]
}

/** Window-only state of menus and dialogs (kept here so keyboard shortcuts and clicks anywhere can open them). */
export interface UiState {
  /** The command form that is open: the op and the values it starts with. */
  dialog: { op: CommandOp; args: Record<string, unknown> } | null
  /** A component's context menu, at a point of the window. */
  menu: { id: string; x: number; y: number } | null
  help: boolean
  newLab: boolean
  /** Bumped to ask the graph to fit itself to the view. */
  fitRequest: number
  /** The "Share with the room" panel (presenter). */
  share: boolean
}

export interface LabActions {
  /** Subscribes to pushes and loads the timeline; returns the function that stops listening. */
  start(): () => void
  reload(): Promise<void>
  runCommand(command: LabCommand): Promise<CommandResult | null>
  /** Moves the cursor (paused, nothing in flight): the views everywhere are those after event `seq`. */
  setCursor(seq: number): void
  play(): void
  pause(): void
  togglePlay(): void
  stepForward(): void
  stepBack(): Promise<void>
  /** To the start of the history, paused. */
  reset(): Promise<void>
  /** To the live end, paused. */
  toEnd(): void
  setRate(rate: number): void
  setOverlap(overlap: number): void
  setFilter(filter: EventFilter): void
  selectComponent(id: string | null): void
  selectEvent(seq: number | null): void
  setInspectorTab(tab: Selection['tab']): void
  addCheckpoint(seq?: number): void
  removeCheckpoint(seq: number): void
  gotoCheckpoint(index: number): Promise<void>
  /** Fetches the stretch of history before the loaded one; false when there is none. */
  loadEarlier(): Promise<boolean>
  /** Asks the core, in one batch with the other asks of this moment, whether it would refuse these commands. */
  requestChecks(commands: LabCommand[]): void
  /** Undo: the lab itself goes back to the state after `seq` (later events are dropped). */
  rewindTo(seq: number): Promise<void>
  newLab(seed: number | null): Promise<void>
  saveLab(): Promise<LabFileInfo | null>
  openLab(): Promise<LabFileInfo | null>
  exportLab(): Promise<string | null>
  importLab(text: string): Promise<LabFileInfo | null>
  /** Raw bytes of a file of the live lab (hex), e.g. a whole core dump; null when it cannot be read. */
  readFile(componentId: string, path: string): Promise<string | null>
  /** The lesson in watch mode: a new seeded lab, the script run, the playback back at its start. */
  loadScenario(scenario: Scenario): Promise<void>
  /** The lesson by hand: a new lab with the lesson's seed and nothing run; the student acts from the menus. */
  startLessonByHand(scenario: Scenario): Promise<void>
  /** Plays the loaded lesson's next script step (from the cursor to that step's last event), then pauses. */
  nextLessonStep(): void
  closeScenario(): void
  setSettings(patch: Partial<Settings>): void
  notify(notice: Omit<Notice, 'id'>): void
  dismissNotice(id: number): void
  openDialog(op: CommandOp, args?: Record<string, unknown>): void
  closeDialog(): void
  openMenu(id: string, x: number, y: number): void
  closeMenu(): void
  setHelp(open: boolean): void
  setNewLabOpen(open: boolean): void
  requestFit(): void
  /** Viewer: go where the presenter's window is, and keep following it. */
  followPresenter(): void
  /** Viewer: stay here and look around (stepping through the history on one's own does this too). */
  stopFollowing(): void
  /** Presenter: share on one of the machine's addresses, or stop sharing (null). */
  setSharing(address: string | null): Promise<void>
  setShareOpen(open: boolean): void
}

export interface LabState {
  status: LabStatus
  error: string | null
  timeline: TimelineModel | null
  /** Commands sent and not answered yet. */
  running: number
  lastRun: LastRun | null
  clock: clockFns.ClockState
  filter: EventFilter
  /** Seqs of the loaded events the filter shows, ascending. */
  visible: number[]
  selection: Selection
  /** Seqs the presenter marked (digits 1–9 jump there). */
  checkpoints: number[]
  loadingHistory: boolean
  checks: ChecksState
  settings: Settings
  scenario: LoadedScenario | null
  /** A long action in progress (a UI string key), or null. */
  busy: string | null
  notices: Notice[]
  ui: UiState
  /** Follow along: presenter or viewer, and whether a viewer follows. */
  follow: FollowState
  /** The host's sharing (viewer URL, viewers connected); null when the host cannot share. */
  sharing: SharingStatus | null
  actions: LabActions
}

export type LabStore = StoreApi<LabState>

export interface LabStoreOptions {
  scheduler?: Scheduler
  settings?: SettingsStorage
  /** How many of the latest events the window loads at first (older ones on demand). */
  recent?: number
  /** The language before the user chose one (the system's). */
  defaultLanguage?: Settings['language']
  /** A viewer's window follows a presenter's and cannot change the lab (default: presenter). */
  role?: WindowRole
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

export const RECENT_EVENTS = 3000

export function createLabStore(api: LabApi, options: LabStoreOptions = {}): LabStore {
  const scheduler = options.scheduler ?? browserScheduler
  const recent = options.recent ?? RECENT_EVENTS
  const role = options.role ?? 'presenter'
  let generation = 0
  let loading = false
  let buffered: LabPush[] = []
  let timer: unknown = null
  /** While a lesson loads, its commands do not play one by one. */
  let bulk = 0
  let noticeId = 0
  let checkQueue = new Map<string, LabCommand>()
  let checkFlush: Promise<void> | null = null

  const store: LabStore = createStore<LabState>()((set, get) => {
    const ctxOf = (t: TimelineModel, visible: number[]): clockFns.ClockContext => ({
      cursor: t.cursor,
      start: t.baseSeq,
      end: lastSeq(t),
      next: (s) => nextIn(visible, s),
      prev: (s) => prevIn(visible, s)
    })

    /** Runs the clock: lands and sends off tokens, moves the cursor, sets the one timer for the next moment. */
    function advance(): void {
      if (timer !== null) scheduler.clearTimeout(timer)
      timer = null
      const s = get()
      const t = s.timeline
      if (!t) return
      const now = scheduler.now()
      const r = clockFns.tick(s.clock, now, ctxOf(t, s.visible))
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

    function setTimeline(timeline: TimelineModel, visible?: number[]): void {
      const s = get()
      const checks = rekeyChecks(s.checks, `${timeline.labId}:${lastSeq(timeline)}`)
      set({ timeline, visible: visible ?? visibleSeqs(timeline.events, s.filter), checks })
    }

    function notify(n: Omit<Notice, 'id'>): void {
      const notice = { ...n, id: ++noticeId }
      // Only the latest few: a burst of commands should not bury the graph.
      set((s) => ({ notices: [...s.notices.filter((x) => x.kind === 'error').slice(-1), ...s.notices.filter((x) => x.kind !== 'error').slice(-1), notice].slice(-3) }))
    }

    function applyPush(push: LabPush): void {
      if (push.type === 'sharing') {
        set((s) => ({ sharing: push.status, ui: push.open ? { ...s.ui, share: true } : s.ui }))
        return
      }
      if (push.type === 'closed') {
        if (role === 'viewer') set((s) => ({ follow: { ...s.follow, closed: { code: push.code, reason: push.reason } } }))
        return
      }
      if (push.type === 'shown') {
        set((s) => ({ follow: { ...s.follow, presenter: { labId: push.labId, seq: push.seq } } }))
        followPresenter()
        return
      }
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
      const next = appendEvents(t, push.events, push.command)
      if (!next) {
        void reload()
        return
      }
      const fresh = next.events.slice(t.events.length)
      const visible = isFiltering(s.filter) ? [...s.visible, ...visibleSeqs(fresh, s.filter)] : [...s.visible, ...fresh.map((e) => e.seq)]
      const following = t.cursor === end && s.clock.flights.length === 0
      setTimeline(next, visible)
      if (role === 'viewer' && s.follow.following) {
        followPresenter()
        return
      }
      if (bulk > 0 || !following || s.clock.playing) {
        if (s.clock.playing) advance()
        return
      }
      if (s.settings.autoPlay) withClock((c, now) => clockFns.playFrom(c, now, end))
      else seekTo(lastSeq(next))
    }

    /** A following viewer goes to the presenter's step once it has that step's events (they come with a push). */
    function followPresenter(): void {
      const s = get()
      const t = s.timeline
      const step = s.follow.presenter
      if (role !== 'viewer' || !s.follow.following || !step || !t || loading || step.labId !== t.labId) return
      if (step.seq > lastSeq(t)) return
      if (step.seq < t.baseSeq) {
        void loadEarlier().then((more) => more && followPresenter())
        return
      }
      if (t.cursor !== step.seq || s.clock.playing || s.clock.flights.length > 0) seekTo(step.seq)
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
        followPresenter()
      } catch (e) {
        if (gen !== generation) return
        loading = false
        set({ status: 'error', error: `The lab could not be loaded: ${messageOf(e)}` })
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
        notify({ kind: 'error', text: messageOf(e) })
        return false
      } finally {
        set({ loadingHistory: false })
      }
    }

    function flushChecks(): void {
      if (checkFlush) return
      checkFlush = Promise.resolve().then(async () => {
        const batch = [...checkQueue.values()]
        checkQueue = new Map()
        checkFlush = null
        const t = get().timeline
        if (!t || batch.length === 0) return
        const key = `${t.labId}:${lastSeq(t)}`
        for (let i = 0; i < batch.length; i += MAX_CHECK_BATCH) {
          const part = batch.slice(i, i + MAX_CHECK_BATCH)
          try {
            const answers = await api.checkCommands(part)
            const s = get()
            if (s.checks.key !== key) return
            const results = { ...s.checks.results }
            part.forEach((c, j) => (results[commandKey(c)] = answers[j] ?? null))
            set({ checks: { ...s.checks, results } })
          } catch (e) {
            notify({ kind: 'error', text: messageOf(e) })
            return
          }
        }
      })
    }

    async function call<T>(fn: () => Promise<T>): Promise<T | null> {
      try {
        return await fn()
      } catch (e) {
        notify({ kind: 'error', text: messageOf(e) })
        return null
      }
    }

    async function runOne(command: LabCommand): Promise<CommandResult | null> {
      set((s) => ({ running: s.running + 1 }))
      try {
        const result = await api.runCommand(command)
        set({ lastRun: { command, result, error: null } })
        return result
      } catch (e) {
        set({ lastRun: { command, result: null, error: messageOf(e) } })
        notify({ kind: 'error', text: messageOf(e) })
        return null
      } finally {
        set((s) => ({ running: s.running - 1 }))
      }
    }

    const actions: LabActions = {
      start() {
        const unsubscribe = api.subscribe(applyPush)
        void reload()
        let stopPublishing = () => {}
        if (role === 'presenter' && api.showStep) {
          const showStep = api.showStep.bind(api)
          const shown = () => {
            const t = get().timeline
            return t ? { labId: t.labId, seq: t.cursor } : null
          }
          stopPublishing = publishShownSteps(shown, (l) => store.subscribe(l), showStep, scheduler)
        }
        if (role === 'presenter' && api.getSharing) {
          api.getSharing().then(
            (sharing) => set({ sharing }),
            () => set({ sharing: null })
          )
        }
        return () => {
          unsubscribe()
          stopPublishing()
          generation++
          loading = false
          if (timer !== null) scheduler.clearTimeout(timer)
          timer = null
        }
      },
      reload,
      async runCommand(command) {
        const result = await runOne(command)
        if (!result) return null
        if (result.fault) notify({ kind: 'error', fault: result.fault })
        else notify({ kind: 'ok', key: 'notice.ran', params: { op: command.op, first: result.firstSeq, last: result.lastSeq } })
        const s = get()
        const t = s.timeline
        if (!t || bulk > 0 || result.lastSeq < result.firstSeq || lastSeq(t) < result.lastSeq) return result
        // The events play from where the command starts, even if the window was looking at an earlier step — unless
        // the playback is already running towards them (commands run in quick succession play one after another).
        const start = result.firstSeq - 1
        const alreadyPlaying = s.clock.playing && s.clock.stopAt === null && t.cursor <= start
        if (!s.settings.autoPlay) seekTo(lastSeq(t))
        else if (!alreadyPlaying) {
          set({ timeline: moveCursor(t, start) })
          withClock((c, now) => clockFns.playFrom(c, now, start))
        }
        return result
      },
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
        const r = clockFns.stepForward(s.clock, scheduler.now(), ctxOf(t, s.visible))
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
        const r = clockFns.stepBack(s.clock, scheduler.now(), ctxOf(t, s.visible))
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
      setFilter(filter) {
        const t = get().timeline
        set({ filter, visible: t ? visibleSeqs(t.events, filter) : [] })
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
      loadEarlier,
      requestChecks(commands) {
        const s = get()
        const t = s.timeline
        if (!t) return
        const key = `${t.labId}:${lastSeq(t)}`
        if (s.checks.key !== key) set({ checks: rekeyChecks(s.checks, key) })
        const results = get().checks.results
        for (const c of commands) {
          const k = commandKey(c)
          if (!(k in results) && !checkQueue.has(k)) checkQueue.set(k, c)
        }
        if (checkQueue.size) flushChecks()
      },
      async rewindTo(seq) {
        await call(() => api.rewind(seq))
      },
      async newLab(seed) {
        await call(() => api.newLab({ seed }))
        set({ scenario: null })
      },
      async saveLab() {
        return call(() => api.saveLab({}))
      },
      async openLab() {
        return call(() => api.openLab({}))
      },
      async exportLab() {
        return call(() => api.exportLab())
      },
      async importLab(text) {
        return call(() => api.importLab(text))
      },
      async readFile(componentId, path) {
        try {
          return await api.readFile(componentId, path)
        } catch {
          return null
        }
      },
      async loadScenario(scenario) {
        set({ busy: 'busy.scenario' })
        bulk++
        try {
          await api.newLab({ seed: scenario.script.seed ?? null })
          await reload()
          const commandIndex: (number | null)[] = []
          const unexpected: LoadedScenario['unexpected'] = []
          for (const [i, step] of scenario.script.steps.entries()) {
            const r = await runOne(step)
            commandIndex.push(r ? r.index : null)
            if (r?.fault && !scenario.refusedSteps.includes(i)) unexpected.push({ step: i, message: r.fault.message })
          }
          set((s) => ({ scenario: { id: scenario.id, mode: 'watch', commandIndex, unexpected }, selection: { ...s.selection, tab: 'lesson' } }))
        } catch (e) {
          notify({ kind: 'error', text: messageOf(e) })
        } finally {
          bulk--
          set({ busy: null })
        }
        // The lesson starts at the beginning, paused: the presenter plays it.
        const t = get().timeline
        if (t) seekTo(t.baseSeq)
      },
      async startLessonByHand(scenario) {
        set({ busy: 'busy.scenario' })
        try {
          // The lesson's seed, so a class doing it by hand sees the same key IDs as the script would make.
          await api.newLab({ seed: scenario.script.seed ?? null })
          await reload()
          const commandIndex = scenario.script.steps.map(() => null)
          set((s) => ({ scenario: { id: scenario.id, mode: 'byHand', commandIndex, unexpected: [] }, selection: { ...s.selection, tab: 'lesson' } }))
        } catch (e) {
          notify({ kind: 'error', text: messageOf(e) })
        } finally {
          set({ busy: null })
        }
      },
      nextLessonStep() {
        const s = get()
        const t = s.timeline
        if (!t || !s.scenario) return
        // While a step is still playing, another click goes on to the step after it.
        const from = s.clock.playing && s.clock.stopAt !== null ? Math.max(t.cursor, s.clock.stopAt) : t.cursor
        const next = nextScriptStep(s.scenario, t.commands, from)
        if (!next) return
        // The clock stops on a visible event; with the step's last events filtered out, it stops on the last shown one.
        const stop = visibleAtOrBefore(s.visible, next.command.lastSeq)
        if (stop === null || stop <= from) seekTo(next.command.lastSeq)
        else withClock((c, now) => clockFns.playUntil(c, now, stop))
      },
      closeScenario() {
        set((s) => ({ scenario: null, selection: { ...s.selection, tab: s.selection.tab === 'lesson' ? 'events' : s.selection.tab } }))
      },
      setSettings(patch) {
        const settings = { ...get().settings, ...patch }
        set({ settings })
        options.settings?.save(settings)
      },
      notify,
      dismissNotice(id) {
        set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
      },
      openDialog(op, args = {}) {
        set((s) => ({ ui: { ...s.ui, dialog: { op, args }, menu: null } }))
      },
      closeDialog() {
        set((s) => ({ ui: { ...s.ui, dialog: null } }))
      },
      openMenu(id, x, y) {
        set((s) => ({ ui: { ...s.ui, menu: { id, x, y } } }))
      },
      closeMenu() {
        set((s) => ({ ui: { ...s.ui, menu: null } }))
      },
      setHelp(open) {
        set((s) => ({ ui: { ...s.ui, help: open } }))
      },
      setNewLabOpen(open) {
        set((s) => ({ ui: { ...s.ui, newLab: open } }))
      },
      requestFit() {
        set((s) => ({ ui: { ...s.ui, fitRequest: s.ui.fitRequest + 1 } }))
      },
      followPresenter() {
        set((s) => ({ follow: { ...s.follow, following: true } }))
        followPresenter()
      },
      stopFollowing() {
        if (get().follow.following) set((s) => ({ follow: { ...s.follow, following: false } }))
      },
      async setSharing(address) {
        if (!api.setSharing) return
        const sharing = await call(() => api.setSharing!({ address }))
        if (sharing) set({ sharing })
      },
      setShareOpen(open) {
        set((s) => ({ ui: { ...s.ui, share: open } }))
      }
    }
    if (role === 'viewer') detachOnOwnSteps(actions)

    return {
      status: 'connecting',
      error: null,
      timeline: null,
      running: 0,
      lastRun: null,
      clock: clockFns.initialClock(0, scheduler.now()),
      filter: SHOW_ALL,
      visible: [],
      selection: { component: null, event: null, tab: 'events' },
      checkpoints: [],
      loadingHistory: false,
      checks: NO_CHECKS,
      settings: readSettings(options.settings?.load(), { ...DEFAULT_SETTINGS, language: options.defaultLanguage ?? DEFAULT_SETTINGS.language }),
      scenario: null,
      busy: null,
      notices: [],
      ui: { dialog: null, menu: null, help: false, newLab: false, fitRequest: 0, share: false },
      follow: initialFollow(role),
      sharing: null,
      actions
    }
  })
  return store
}

/** A viewer who steps, plays or jumps through the history on their own stops following the presenter. */
function detachOnOwnSteps(actions: LabActions): void {
  const own = ['setCursor', 'play', 'togglePlay', 'stepForward', 'stepBack', 'reset', 'toEnd', 'gotoCheckpoint', 'nextLessonStep'] as const
  for (const name of own) {
    const original = actions[name] as (...args: unknown[]) => unknown
    ;(actions as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      actions.stopFollowing()
      return original(...args)
    }
  }
  const selectEvent = actions.selectEvent
  actions.selectEvent = (seq) => {
    if (seq !== null) actions.stopFollowing()
    selectEvent(seq)
  }
}
