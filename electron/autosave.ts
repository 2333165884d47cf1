// Autosave and crash recovery for the desktop app. After each change the lab is written (debounced) to the user data
// folder. A marker file says "a session is running"; a clean quit removes it. If the next start finds the marker
// still there, the last run ended uncleanly and its autosaved lab is offered back. No Electron imports: the main
// process passes the folder and shows the question, so this runs (and is tested) in plain Node.
//
// The main process must stay responsive: the lab is written a chunk at a time, yielding to the event loop between
// chunks (node/labFile), so no step blocks it for long however big the disks are. There are two autosave files, and
// each save writes the older one, so the previous autosave stays whole until the new one is complete. The older
// file is updated in place where the host can (it keeps that file's disk chunks and writes only what changed since:
// with big disks, an autosave after a change writes megabytes instead of gigabytes); otherwise it is replaced
// atomically. Recovery offers the newest file that is whole.

import { rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { LabPush } from '../shared/api/contract'
import { PRIVATE_FILE_MODE } from '../node/host/atomicFile'

export const AUTOSAVE_FILE = 'autosave.kflab'
/** The second autosave file: saves alternate between the two. */
export const AUTOSAVE_FILE_2 = 'autosave-2.kflab'
export const SESSION_MARKER = 'session.running'

export interface Recoverable {
  path: string
  savedAt: Date
}

/** The lab host as autosave sees it: its changes, and a way to write the lab to a path (in slices). */
export interface AutosaveSource {
  subscribe(listener: (push: LabPush) => void): () => void
  /** Writes the lab to `path`: atomically, or with `inPlace` into that file itself where the host can. */
  writeLab(path: string, options?: { inPlace?: boolean }): Promise<void>
  /** Whether the file at `path` is whole (a save into it was not cut short); without it, every file counts as whole. */
  isWholeLabFile?(path: string): Promise<boolean>
}

export interface AutosaveOptions {
  dir: string
  source: AutosaveSource
  delayMs?: number
  /**
   * A save failed; `first`: the first failure since the last save that worked (the person is told once, not at every
   * change while the disk stays full).
   */
  onError?: (error: unknown, first: boolean) => void
}

export class Autosave {
  /** The two autosave files; `labPath` is the one the last save completed. */
  readonly labPaths: readonly [string, string]
  readonly markerPath: string
  /** Which of `labPaths` the next save writes (the older). */
  private next = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private writing: Promise<void> = Promise.resolve()
  private unsubscribe: (() => void) | null = null
  private failing = false

  constructor(private readonly options: AutosaveOptions) {
    this.labPaths = [join(options.dir, AUTOSAVE_FILE), join(options.dir, AUTOSAVE_FILE_2)]
    this.markerPath = join(options.dir, SESSION_MARKER)
  }

  /** The autosave the last completed save wrote (before any, the one the first save will write). */
  get labPath(): string {
    return this.labPaths[1 - this.next]
  }

  /**
   * The lab autosaved by a session that did not end cleanly, if there is one: the newest autosave file that is
   * whole (a crash in the middle of a save leaves the other one whole), else the newest. Call before `begin`.
   */
  async findRecoverable(): Promise<Recoverable | null> {
    try {
      await stat(this.markerPath)
    } catch {
      return null
    }
    const found: (Recoverable & { mtimeMs: number })[] = []
    for (const path of this.labPaths) {
      const info = await stat(path).catch(() => null)
      if (info?.isFile()) found.push({ path, savedAt: info.mtime, mtimeMs: info.mtimeMs })
    }
    found.sort((a, b) => b.mtimeMs - a.mtimeMs)
    const isWhole = async (path: string) => (await this.options.source.isWholeLabFile?.(path)) ?? true
    let offered = found[0]
    for (const file of found)
      if (await isWhole(file.path)) {
        offered = file
        break
      }
    return offered ? { path: offered.path, savedAt: offered.savedAt } : null
  }

  /**
   * Keeps an autosave that could not be recovered (`path`) under a new name (autosave-unrecovered-TIME.kflab), so
   * the session that starts now does not overwrite the only copy. Returns where it is.
   */
  async setAside(path: string, now = new Date()): Promise<string> {
    const kept = join(this.options.dir, `autosave-unrecovered-${now.toISOString().replace(/[:.]/g, '-')}.kflab`)
    await rename(path, kept)
    return kept
  }

  /**
   * Marks the session as running, saves the lab as it is now (so a crash never offers a lab from an older session),
   * and saves after every change from now on.
   */
  async begin(): Promise<void> {
    await writeFile(this.markerPath, `${process.pid} ${new Date().toISOString()}\n`, { mode: PRIVATE_FILE_MODE })
    await this.saveNow()
    this.unsubscribe?.()
    this.unsubscribe = this.options.source.subscribe((push) => {
      if (push.type !== 'file') this.schedule()
    })
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.saveNow()
    }, this.options.delayMs ?? 1000)
  }

  /**
   * Writes the current lab now, into the older autosave file; saves never overlap, and a failed save is reported,
   * not thrown (the next save writes the same file again: the other one is the whole one).
   */
  saveNow(): Promise<void> {
    this.writing = this.writing.then(async () => {
      try {
        await this.options.source.writeLab(this.labPaths[this.next], { inPlace: true })
        this.next = 1 - this.next
        this.failing = false
      } catch (e) {
        const first = !this.failing
        this.failing = true
        this.options.onError?.(e, first)
      }
    })
    return this.writing
  }

  /**
   * A clean end: stops listening and removes the marker and the autosave. Closing cleanly means the user already
   * chose to save or to discard, so there is nothing to recover next time.
   */
  async end(): Promise<void> {
    this.unsubscribe?.()
    this.unsubscribe = null
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    await this.writing
    await rm(this.markerPath, { force: true })
    for (const path of this.labPaths) await rm(path, { force: true })
  }
}
