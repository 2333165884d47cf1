// The one contract between the window and the lab host: commands go in; a timeline (base state + events with
// view patches) and pushes come out. The preload exposes exactly `LabApi`; the test host serves the same methods
// over a WebSocket. Every argument is checked against `labApiArgs` on the host side before anything runs.

import { z } from 'zod'
import type { LabEvent, MessageRef } from '../lab/events'
import type { FaultInfo } from '../lab/faults'
import type { CommandRecord } from '../lab/lab'
import type { LabCommand } from '../lab/commands/schema'
import type { ViewPatch, ViewValue } from '../lab/view'
import { MAX_HISTORY_PAGE } from './limits'
import type { ShownStep, SharingStatus } from './sharing'
import { languages, type Language } from '../i18n/message'

export type EntityViews = Record<string, ViewValue>

export interface EventView extends LabEvent {
  /** Turns the view before this event into the view after it (paths start with the entity id). */
  patches: ViewPatch[]
}

/** A command of the history as the window sees it: the lab's own record (what ran, its events, its fault). */
export type CommandView = CommandRecord

export interface LabFileInfo {
  /** Where the lab was last saved or opened from; null for a new lab. */
  path: string | null
  name: string
  dirty: boolean
}

/**
 * Everything the window needs to draw the lab and step through its history. A big lab's history (tens of thousands
 * of events, each with its patches) is too much to send at once: asked with `recent`, the timeline starts at the
 * views `recent` events before the end, and the window fetches older stretches with `getHistory` when it goes there.
 */
export interface Timeline {
  /** Changes whenever a different lab is loaded (new, open, recovered): the window starts over. */
  labId: string
  seed: number | null
  /** The first seq of the whole history (its views are the lab as created or opened); `getHistory` reaches back to it. */
  startSeq: number
  /** The entity views after event `baseSeq` (before the first event in `events`). */
  base: EntityViews
  baseSeq: number
  /** Every event after `baseSeq`, up to the end of the history. */
  events: EventView[]
  /** Every command of the history (they are small), including those before `baseSeq`. */
  commands: CommandView[]
  file: LabFileInfo
  /** How many commands `undo` took back that `redo` can restore (none once another command ran). */
  undone?: number
}

/** A stretch of the history: the views after `baseSeq` and the events up to `toSeq`. */
export interface HistoryPage {
  labId: string
  base: EntityViews
  baseSeq: number
  events: EventView[]
}

export interface TimelineOptions {
  /** Send only the last `recent` events (and the views before them); without it, the whole history. */
  recent?: number
}

export { MAX_HISTORY_PAGE } from './limits'

/** What the host does with a lab file while the window waits. */
export type FileWork = 'opening' | 'saving'

export type LabPush =
  | { type: 'appended'; labId: string; events: EventView[]; command: CommandView; undone?: number }
  /** The history was replaced or cut (new lab, open, rewind): fetch the timeline again. */
  | { type: 'reset'; labId: string }
  | { type: 'file'; labId: string; file: LabFileInfo }
  /**
   * A lab file is being read or written after the person chose it (a big lab takes seconds): the window says so
   * until `work` is null. Autosaves run unseen and send none.
   */
  | { type: 'fileWork'; labId: string; work: FileWork | null }
  /** To viewers: the step the presenter's window shows now. */
  | ({ type: 'shown' } & ShownStep)
  /** To the presenter: sharing started, stopped or its viewers changed; `open` asks the window to show it (menu). */
  | { type: 'sharing'; status: SharingStatus; open?: boolean }
  /** From the desktop app's native menu: what the window itself does (so its guards and dialogs apply). */
  | { type: 'menu'; item: MenuRequest }
  /** From the window's own WebSocket client, not the host: the connection closed (code and reason as the host sent). */
  | { type: 'closed'; code: number; reason: string }

/**
 * Native menu items the window carries out: switch presenter mode, and New and Open, which replace the lab and so go
 * through the window's question about unsaved changes.
 */
export type MenuRequest = 'presenter' | 'newLab' | 'openLab'

export interface CommandResult {
  index: number
  firstSeq: number
  lastSeq: number
  fault: FaultInfo | null
}

export interface CheckpointInfo {
  name: string
  seq: number
}

export interface LabApi {
  getTimeline(options?: TimelineOptions): Promise<Timeline>
  /** The views after `fromSeq` and the events after it up to `toSeq` (at most MAX_HISTORY_PAGE of them). */
  getHistory(fromSeq: number, toSeq: number): Promise<HistoryPage>
  runCommand(command: LabCommand): Promise<CommandResult>
  /** For each command: null if the core would accept it now, otherwise the fault it would raise. */
  checkCommands(commands: LabCommand[]): Promise<(FaultInfo | null)[]>
  /** Goes back to the state right after event `seq`; later events are dropped. */
  rewind(seq: number): Promise<void>
  /**
   * Takes back the last command (a rewind to just before it) and keeps it, so `redo` can run it again; false when
   * there is no command to take back.
   */
  undo(): Promise<boolean>
  /**
   * Runs again the command `undo` took back last, while no other command ran since (running one, rewinding or
   * replacing the lab forgets what was taken back); null when there is nothing to restore.
   */
  redo(): Promise<CommandResult | null>
  newLab(options: { seed?: number | null }): Promise<void>
  /** Saves atomically; without a path the host asks where (desktop) or uses the lab's current file. */
  saveLab(options: { path?: string }): Promise<LabFileInfo>
  openLab(options: { path?: string }): Promise<LabFileInfo>
  /**
   * The lab file as text (base64, for export) and back. A lab file over MAX_WHOLE_EXPORT_BYTES is refused here:
   * it comes in parts (exportLabBegin) instead of one huge reply.
   */
  exportLab(): Promise<string>
  importLab(text: string): Promise<LabFileInfo>
  /**
   * A lab file sent in parts (the browser build's import, whatever the file's size, in calls of the usual size):
   * begin with its size, send each part (index i holds bytes i·partBytes onwards, base64), then finish, which opens
   * it as Open does. Until finish succeeds the open lab is unchanged; cancel drops the parts sent.
   */
  importLabBegin(options: { bytes: number }): Promise<LabImportStart>
  importLabPart(importId: string, index: number, base64: string): Promise<void>
  importLabFinish(importId: string): Promise<LabFileInfo>
  importLabCancel(importId: string): Promise<void>
  /**
   * The lab file in parts (the browser build's download, whatever the file's size, in replies of the usual size):
   * begin has the host write the file as it is now and gives its size, each part (index i holds bytes i·partBytes
   * onwards) comes back as base64, and finish lets the host drop its copy (also when the download is abandoned; an
   * export left idle is dropped by the host).
   */
  exportLabBegin(): Promise<LabExportStart>
  exportLabPart(exportId: string, index: number): Promise<string>
  exportLabFinish(exportId: string): Promise<void>
  /** Raw bytes of a file on a component's persisted surface (core dumps, disks) for export, hex encoded. */
  readFile(componentId: string, path: string): Promise<string>
  subscribe(listener: (push: LabPush) => void): () => void
  /**
   * Follow along (hosts that can share the window with a room; the lab host itself has none of these). The
   * presenter's window reports the step it shows; viewers receive it as a `shown` push.
   */
  showStep?(step: ShownStep): Promise<void>
  getSharing?(): Promise<SharingStatus>
  /** Starts sharing on one of `SharingStatus.addresses` (or moves there), or stops it with null. */
  setSharing?(options: { address: string | null }): Promise<SharingStatus>
  /** The desktop app: the window's language, which its native menu follows (other hosts have no menu and lack it). */
  setMenuLanguage?(options: { language: Language }): Promise<void>
}

export type LabApiMethod = Exclude<keyof LabApi, 'subscribe'>

export interface LabImportStart {
  importId: string
  /** Every part but the last holds exactly this many bytes. */
  partBytes: number
}

export interface LabExportStart {
  exportId: string
  /** The file's size. */
  bytes: number
  /** Every part but the last holds exactly this many bytes. */
  partBytes: number
}

/** Raw bytes per import part: as base64 (960 KiB) inside a call it stays under the wire's 1 MiB per call. */
export const IMPORT_PART_BYTES = 720 * 1024
/** The largest lab file an import takes (20 VMs of 256 MiB make about 5 GiB). */
export const MAX_IMPORT_BYTES = 16 * 1024 ** 3
/** Raw bytes per export part: as base64 (960 KiB), a reply stays under 1 MiB like a call. */
export const EXPORT_PART_BYTES = IMPORT_PART_BYTES
/** The largest lab file exportLab gives in one reply: as base64 (64 MiB) it is as big as the wire's largest message. */
export const MAX_WHOLE_EXPORT_BYTES = 48 * 1024 * 1024
/** Imports and exports are named by 16 random bytes in hex. */
const transferId = z.string().regex(/^[0-9a-f]{32}$/)
const importId = transferId

const anyCommand = z.looseObject({ op: z.string().max(64) })
const pathArg = z.string().min(1).max(4096)

/** Host-side validation of every call's arguments (the core then validates commands against its own schema). */
export const labApiArgs = {
  getTimeline: z.union([z.tuple([]), z.tuple([z.object({ recent: z.number().int().min(1).max(1_000_000).optional() }).strict()])]),
  getHistory: z
    .tuple([z.number().int().min(0), z.number().int().min(0)])
    .refine(([from, to]) => to >= from && to - from <= MAX_HISTORY_PAGE, `toSeq must be from fromSeq to fromSeq + ${MAX_HISTORY_PAGE}`),
  runCommand: z.tuple([anyCommand]),
  checkCommands: z.tuple([z.array(anyCommand).max(500)]),
  rewind: z.tuple([z.number().int().min(0)]),
  undo: z.tuple([]),
  redo: z.tuple([]),
  newLab: z.tuple([z.object({ seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional() }).strict()]),
  saveLab: z.tuple([z.object({ path: pathArg.optional() }).strict()]),
  openLab: z.tuple([z.object({ path: pathArg.optional() }).strict()]),
  exportLab: z.tuple([]),
  importLab: z.tuple([z.string().max(512 * 1024 * 1024)]),
  importLabBegin: z.tuple([z.object({ bytes: z.number().int().min(1).max(MAX_IMPORT_BYTES) }).strict()]),
  importLabPart: z.tuple([importId, z.number().int().min(0).max(MAX_IMPORT_BYTES / IMPORT_PART_BYTES), z.string().max(Math.ceil(IMPORT_PART_BYTES / 3) * 4)]),
  importLabFinish: z.tuple([importId]),
  importLabCancel: z.tuple([importId]),
  exportLabBegin: z.tuple([]),
  exportLabPart: z.tuple([transferId, z.number().int().min(0).max(MAX_IMPORT_BYTES / EXPORT_PART_BYTES)]),
  exportLabFinish: z.tuple([transferId]),
  readFile: z.tuple([z.string().min(1).max(256), pathArg]),
  showStep: z.tuple([z.object({ labId: z.string().min(1).max(128), seq: z.number().int().min(0) }).strict()]),
  getSharing: z.tuple([]),
  setSharing: z.tuple([z.object({ address: z.string().min(1).max(64).nullable() }).strict()]),
  setMenuLanguage: z.tuple([z.object({ language: z.enum(languages) }).strict()])
} satisfies Record<LabApiMethod, z.ZodType>

export const labApiMethods = Object.keys(labApiArgs) as LabApiMethod[]

/** IPC channel names: one per method, plus the push channel. */
export const channel = (method: LabApiMethod) => `lab:${method}`
export const PUSH_CHANNEL = 'lab:push'

/** A rejected call: the message is safe to show; `fault` is set when the lab refused for a domain reason. */
export interface ApiError {
  message: string
  message_ref?: MessageRef
}
