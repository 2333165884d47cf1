// Lab files the window downloads in parts (the browser build's File → Save and a viewer's "Download this lab"):
// the host writes the lab once into a temporary file (0600, in a folder of its own) and hands it out a part at a
// time, so neither side holds the whole file in one message. Downloads of the same lab version (a room of viewers
// pressing Download at once) share one file; it is removed when the last of them finishes or is left idle.

import { randomBytes } from 'node:crypto'
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXPORT_PART_BYTES, type LabExportStart } from '../../shared/api/contract'
import { LabFileError } from '../../shared/labFile/labFileError'

/** Distinct lab versions being downloaded at once (each a file as big as the lab's). */
const MAX_OPEN_FILES = 4
/** Downloads at once, over all versions (a room of viewers). */
const MAX_OPEN_EXPORTS = 64
/** An export without a part asked for this long is dropped (its window was closed mid-way). */
const IDLE_MS = 5 * 60 * 1000

interface ExportFile {
  dir: string
  /** Resolves once the file is written and open for reading. */
  ready: Promise<{ fh: FileHandle; bytes: number }>
  users: Set<string>
}

interface Export {
  version: string
  idle: ReturnType<typeof setTimeout>
}

export class PartedExports {
  private readonly files = new Map<string, ExportFile>()
  private readonly exports = new Map<string, Export>()

  constructor(private readonly idleMs = IDLE_MS) {}

  /**
   * Starts a download of the lab at `version` (a key that changes whenever the lab does); `write` writes the lab
   * file to the path it is given, and runs once for all downloads of that version.
   */
  async begin(version: string, write: (path: string) => Promise<void>): Promise<LabExportStart> {
    if (this.exports.size >= MAX_OPEN_EXPORTS) throw new LabFileError('labFile.download.tooMany', { max: MAX_OPEN_EXPORTS })
    let file = this.files.get(version)
    if (!file) {
      if (this.files.size >= MAX_OPEN_FILES) throw new LabFileError('labFile.download.tooMany', { max: MAX_OPEN_FILES })
      file = this.writeFile(write)
      this.files.set(version, file)
    }
    const exportId = randomBytes(16).toString('hex')
    file.users.add(exportId)
    this.exports.set(exportId, { version, idle: this.idleTimer(exportId) })
    try {
      const { bytes } = await file.ready
      // Idle from when the file is there: writing a big lab may take longer than the pause allowed.
      this.touch(exportId)
      return { exportId, bytes, partBytes: EXPORT_PART_BYTES }
    } catch (e) {
      await this.finish(exportId)
      throw e
    }
  }

  /** Part `index` of the file as base64. */
  async part(exportId: string, index: number): Promise<string> {
    const ex = this.exports.get(exportId)
    const file = ex && this.files.get(ex.version)
    if (!ex || !file) throw new LabFileError('labFile.download.gone')
    this.touch(exportId)
    const { fh, bytes } = await file.ready
    const parts = Math.max(1, Math.ceil(bytes / EXPORT_PART_BYTES))
    if (index >= parts) throw new LabFileError('labFile.download.noSuchPart', { parts, index })
    const part = Buffer.allocUnsafe(Math.min(EXPORT_PART_BYTES, bytes - index * EXPORT_PART_BYTES))
    for (let got = 0; got < part.length; ) {
      const { bytesRead } = await fh.read(part, got, part.length - got, index * EXPORT_PART_BYTES + got)
      if (bytesRead === 0) throw new LabFileError('labFile.download.endedEarly')
      got += bytesRead
    }
    return part.toString('base64')
  }

  /** Ends a download (done or abandoned); the file goes with the last download of its version. */
  async finish(exportId: string): Promise<void> {
    const ex = this.exports.get(exportId)
    if (!ex) return
    this.exports.delete(exportId)
    clearTimeout(ex.idle)
    const file = this.files.get(ex.version)
    if (!file) return
    file.users.delete(exportId)
    if (file.users.size) return
    this.files.delete(ex.version)
    await file.ready.then(({ fh }) => fh.close()).catch(() => undefined)
    // No folder when even making it failed.
    if (file.dir) await rm(file.dir, { recursive: true, force: true })
  }

  /** Ends every download (the host shuts down). */
  async finishAll(): Promise<void> {
    await Promise.all([...this.exports.keys()].map((id) => this.finish(id)))
  }

  get open(): number {
    return this.exports.size
  }

  private writeFile(write: (path: string) => Promise<void>): ExportFile {
    const file: ExportFile = { dir: '', ready: Promise.resolve(null as never), users: new Set() }
    file.ready = (async () => {
      // The process id in the name tells whose a folder is (several hosts, or test processes, share the temp folder).
      file.dir = await mkdtemp(join(tmpdir(), `keyflow-export-${process.pid}-`))
      const path = join(file.dir, 'export.kflab')
      await write(path)
      const fh = await open(path, 'r')
      return { fh, bytes: (await fh.stat()).size }
    })()
    // A failed write is reported to each download that waits for it (see begin); not as an unhandled rejection.
    file.ready.catch(() => undefined)
    return file
  }

  private touch(exportId: string): void {
    const ex = this.exports.get(exportId)
    if (!ex) return
    clearTimeout(ex.idle)
    ex.idle = this.idleTimer(exportId)
  }

  private idleTimer(exportId: string): ReturnType<typeof setTimeout> {
    const t = setTimeout(() => void this.finish(exportId), this.idleMs)
    t.unref()
    return t
  }
}
