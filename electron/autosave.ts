// Autosave and crash recovery for the desktop app. After each change the lab is written (debounced, atomically) to
// the user data folder. A marker file says "a session is running"; a clean quit removes it. If the next start finds
// the marker still there, the last run ended uncleanly and its autosaved lab is offered back. No Electron imports:
// the main process passes the folder and shows the question, so this runs (and is tested) in plain Node.
//
// The main process must stay responsive: the lab is written a chunk at a time, yielding to the event loop between
// chunks (node/labFile), so no step blocks it for long however big the disks are. The write goes to a temporary
// file renamed over the autosave only when complete, so the previous autosave stays until the new one is whole.

import { rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { LabPush } from '../shared/api/contract'
import { PRIVATE_FILE_MODE } from '../node/host/atomicFile'

export const AUTOSAVE_FILE = 'autosave.kflab'
export const SESSION_MARKER = 'session.running'

export interface Recoverable {
  path: string
  savedAt: Date
}

/** The lab host as autosave sees it: its changes, and a way to write the lab to a path (atomically, in slices). */
export interface AutosaveSource {
  subscribe(listener: (push: LabPush) => void): () => void
  writeLab(path: string): Promise<void>
}

export interface AutosaveOptions {
  dir: string
  source: AutosaveSource
  delayMs?: number
  onError?: (error: unknown) => void
}

export class Autosave {
  readonly labPath: string
  readonly markerPath: string
  private timer: ReturnType<typeof setTimeout> | null = null
  private writing: Promise<void> = Promise.resolve()
  private unsubscribe: (() => void) | null = null

  constructor(private readonly options: AutosaveOptions) {
    this.labPath = join(options.dir, AUTOSAVE_FILE)
    this.markerPath = join(options.dir, SESSION_MARKER)
  }

  /** The lab autosaved by a session that did not end cleanly, if there is one. Call before `begin`. */
  async findRecoverable(): Promise<Recoverable | null> {
    try {
      await stat(this.markerPath)
    } catch {
      return null
    }
    try {
      const info = await stat(this.labPath)
      return info.isFile() ? { path: this.labPath, savedAt: info.mtime } : null
    } catch {
      return null
    }
  }

  /**
   * Keeps an autosave that could not be recovered under a new name (autosave-unrecovered-TIME.kflab), so the
   * session that starts now does not overwrite the only copy. Returns where it is.
   */
  async setAside(now = new Date()): Promise<string> {
    const kept = join(this.options.dir, `autosave-unrecovered-${now.toISOString().replace(/[:.]/g, '-')}.kflab`)
    await rename(this.labPath, kept)
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

  /** Writes the current lab now; saves never overlap, and a failed save is reported, not thrown. */
  saveNow(): Promise<void> {
    this.writing = this.writing.then(async () => {
      try {
        await this.options.source.writeLab(this.labPath)
      } catch (e) {
        this.options.onError?.(e)
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
    await rm(this.labPath, { force: true })
  }
}
