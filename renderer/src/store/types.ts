// The shape of the window's store, slice by slice. Each slice (store/slices/*) owns a part of the state and the
// actions over it; the store is their sum. Only types (and one error helper), so every slice and every hook can
// import this without a cycle.

import type { StoreApi } from 'zustand/vanilla'
import type { CommandResult, LabApi, LabFileInfo } from '../../../shared/api/contract'
import type { CommandOp, LabCommand } from '../../../shared/lab/commands/schema'
import type { FaultInfo } from '../../../shared/lab/faults'
import type { MessageRef } from '../../../shared/lab/events'
import type { Scenario } from '../../../shared/scenarios'
import type { InspectorTab } from '../inspectors/tabs'
import type { ClockState } from '../playback/clock'
import type { EventFilter } from '../playback/filters'
import type { Pace, StoryStep } from '../playback/story'
import type { LoadedScenario } from '../scenarios/lessonProgress'
import type { ChecksState } from './checks'
import type { FollowState, WindowRole } from './follow'
import type { SharingStatus } from '../../../shared/api/sharing'
import type { Scheduler } from './scheduler'
import type { Settings, SettingsStorage } from './settings'
import type { LoadedTimeline } from './loadedTimeline'
import type { StringKey } from '../i18n/strings'

/** What a long action shows while it runs: one of the window's `busy.*` strings. */
export type BusyKey = Extract<StringKey, `busy.${string}`>

export type { LoadedScenario } from '../scenarios/lessonProgress'

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
  key?: StringKey
  params?: Record<string, string | number>
  /** Parameters that are UI string keys themselves (a command's label), rendered in the chosen language too. */
  keyParams?: Record<string, StringKey>
  /** …or the lab's own message (a fault, an event, a lab file's problem). */
  message?: MessageRef
  /** Parameters of `key` that are the lab's own messages (why something failed), rendered in the chosen language too. */
  messageParams?: Record<string, MessageRef>
  fault?: FaultInfo
  /** A message from the host that has no sentence in the narration (transport errors). */
  text?: string
}

/** What a notice says, before it has its place in the list (a failed load is told the same way, without the list). */
export type NoticeBody = Omit<Notice, 'id'>

export interface Selection {
  component: string | null
  event: number | null
  /** What the side panel shows: the event list (with the selected event), the component, or the lesson. */
  tab: InspectorTab
}

/** Window-only state of menus and dialogs (kept here so keyboard shortcuts and clicks anywhere can open them). */
export interface UiState {
  /** The command form that is open: the op and the values it starts with. */
  dialog: { op: CommandOp; args: Record<string, unknown> } | null
  /** A component's context menu, at a point of the window. */
  menu: { id: string; x: number; y: number } | null
  help: boolean
  newLab: boolean
  /** The lab has unsaved changes and is about to be replaced: the window asks first (see UiActions.answerReplace). */
  replaceAsk: boolean
  /** Bumped to ask the graph to fit itself to the view. */
  fitRequest: number
}

// ---- timeline and playback: the lab's history as loaded, the cursor ("the step shown") and the clock ----

export interface TimelineSliceState {
  status: LabStatus
  /**
   * Why the lab could not be loaded, as the window tells it (app.loadFailed with the reason: a catalog message where
   * the error carries one, else the host's words); kept unrendered so it reads in the language chosen when shown.
   */
  error: NoticeBody | null
  /** The history and `timeline.cursor`, the one place that says which step the window shows. */
  timeline: LoadedTimeline | null
  clock: ClockState
  filter: EventFilter
  /** Story: one step per meaningful moment (the default); wire: every message. */
  pace: Pace
  /** The loaded events grouped into story steps (../playback/story), kept at both paces. */
  story: StoryStep[]
  /**
   * What the timeline shows and plays, ascending: the seqs of the loaded events the filter shows (wire), or the last
   * seq of each story step with a shown event (story).
   */
  visible: number[]
  selection: Selection
  /** Seqs the presenter marked (digits 1–9 jump there). */
  checkpoints: number[]
  loadingHistory: boolean
}

export interface TimelineActions {
  /** Subscribes to pushes and loads the timeline; returns the function that stops listening. */
  start(): () => void
  reload(): Promise<void>
  /** Moves the cursor (paused, nothing in flight): the views everywhere are those after event `seq`. */
  setCursor(seq: number): void
  play(): void
  pause(): void
  togglePlay(): void
  stepForward(): void
  stepBack(): Promise<void>
  /** To the end of the command in progress (the one of the token in the air, else the next event's), paused. */
  finishCommand(): void
  setPace(pace: Pace): void
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
}

// ---- commands: running them, taking them back, and the lab's file ----

export interface CommandSliceState {
  /** Commands sent and not answered yet. */
  running: number
  lastRun: LastRun | null
}

export interface CommandActions {
  runCommand(command: LabCommand): Promise<CommandResult | null>
  /** The lab itself goes back to the state after `seq` (later events are dropped). */
  rewindTo(seq: number): Promise<void>
  /** Takes back the last command (the host keeps it for `redo`). */
  undo(): Promise<void>
  /** Runs again the command taken back last, while no other command ran since. */
  redo(): Promise<void>
  newLab(seed: number | null): Promise<void>
  saveLab(): Promise<LabFileInfo | null>
  openLab(): Promise<LabFileInfo | null>
  /** The lab file as the host writes it, fetched in parts; null (and told) when that fails. */
  exportLab(): Promise<Blob | null>
  /** Sends a picked lab file to the host in parts and opens it; a failure is told with the file's name. */
  importLab(file: Blob, name: string): Promise<LabFileInfo | null>
  /** Raw bytes of a file of the live lab (hex), e.g. a whole core dump; null when it cannot be read. */
  readFile(componentId: string, path: string): Promise<string | null>
}

// ---- command checks: would the core accept this command now? ----

export interface ChecksSliceState {
  checks: ChecksState
}

export interface ChecksActions {
  /** Asks the core, in one batch with the other asks of this moment, whether it would refuse these commands. */
  requestChecks(commands: LabCommand[]): void
}

// ---- lessons ----

export interface LessonSliceState {
  scenario: LoadedScenario | null
}

export interface LessonActions {
  /** The lesson in watch mode: a new seeded lab, the script run, the playback back at its start. */
  loadScenario(scenario: Scenario): Promise<void>
  /** An example lab: the scenario's script run in a new lab, the window at its end, no lesson panel. */
  loadExample(scenario: Scenario): Promise<void>
  /** The lesson by hand: a new lab with the lesson's seed and nothing run; the student acts from the menus. */
  startLessonByHand(scenario: Scenario): Promise<void>
  /** Plays the loaded lesson's next script step (from the cursor to that step's last event), then pauses. */
  nextLessonStep(): void
  closeScenario(): void
}

// ---- dialogs, notices and settings: what only the window has ----

export interface UiSliceState {
  settings: Settings
  /** A long action in progress (a UI string key), or null. */
  busy: BusyKey | null
  notices: Notice[]
  ui: UiState
}

export interface UiActions {
  setSettings(patch: Partial<Settings>): void
  notify(notice: NoticeBody): void
  dismissNotice(id: number): void
  openDialog(op: CommandOp, args?: Record<string, unknown>): void
  closeDialog(): void
  openMenu(id: string, x: number, y: number): void
  closeMenu(): void
  setHelp(open: boolean): void
  setNewLabOpen(open: boolean): void
  requestFit(): void
  /** The answer to "replace the lab with unsaved changes?": save it first, discard the changes, or keep the lab. */
  answerReplace(choice: ReplaceChoice): void
}

export type ReplaceChoice = 'save' | 'discard' | 'cancel'

// ---- follow along: a viewer's window follows the presenter's; the presenter shares with the room ----

export interface FollowSliceState {
  /** Presenter or viewer, and whether a viewer follows. */
  follow: FollowState
  /** The host's sharing (viewer URL, viewers connected); null when the host cannot share. */
  sharing: SharingStatus | null
  /** The "Share with the room" panel is open (presenter). */
  sharePanel: boolean
}

export interface FollowActions {
  /** Viewer: go where the presenter's window is, and keep following it. */
  followPresenter(): void
  /** Viewer: stay here and look around (stepping through the history on one's own does this too). */
  stopFollowing(): void
  /** Presenter: share on one of the machine's addresses, or stop sharing (null). */
  setSharing(address: string | null): Promise<void>
  setSharePanel(open: boolean): void
}

export type LabActions = TimelineActions & CommandActions & ChecksActions & LessonActions & UiActions & FollowActions

export type LabState = TimelineSliceState & CommandSliceState & ChecksSliceState & LessonSliceState & UiSliceState & FollowSliceState & { actions: LabActions }

export type LabStore = StoreApi<LabState>

export interface LabStoreOptions {
  scheduler?: Scheduler
  settings?: SettingsStorage
  /** How many of the latest events the window loads at first (older ones on demand). */
  recent?: number
  /** The language before the user chose one (the system's). */
  defaultLanguage?: Settings['language']
  /** The timeline's level at start (story unless said). */
  pace?: Pace
  /** A viewer's window follows a presenter's and cannot change the lab (default: presenter). */
  role?: WindowRole
  /** The desktop app: its native menu follows the window's language (`LabApi.setMenuLanguage`). */
  nativeMenu?: boolean
}

/** What every slice is built with: the host, the store's own get/set, the clock's timers. */
export interface SliceKit {
  api: LabApi
  set: StoreApi<LabState>['setState']
  get: StoreApi<LabState>['getState']
  scheduler: Scheduler
  options: LabStoreOptions
}

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))
