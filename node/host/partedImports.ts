// Lab files the window sends in parts (the browser build's import): each import is a temporary file (0600, in a
// folder of its own) that its parts are written into at their place, so parts may arrive in any order and the file
// never sits in memory. Once every part is there, the host opens the file with the same code as Open. An import that
// is finished, cancelled, fails or is left idle is removed with its folder.

import { randomBytes } from 'node:crypto'
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IMPORT_PART_BYTES, type LabImportStart } from '../../shared/api/contract'
import { LabFileError } from '../../shared/labFile/labFileError'
import { PRIVATE_FILE_MODE } from './atomicFile'

/** Imports open at once: a window sends one file at a time; a few more cover windows of other connections. */
const MAX_OPEN_IMPORTS = 4
/** An import without a part for this long is dropped (its window was closed mid-way). */
const IDLE_MS = 5 * 60 * 1000

interface Import {
  dir: string
  path: string
  fh: FileHandle
  bytes: number
  parts: number
  received: Uint8Array
  receivedCount: number
  idle: ReturnType<typeof setTimeout>
}

export class PartedImports {
  private readonly imports = new Map<string, Import>()

  constructor(private readonly idleMs = IDLE_MS) {}

  async begin(bytes: number): Promise<LabImportStart> {
    if (this.imports.size >= MAX_OPEN_IMPORTS) throw new LabFileError('labFile.import.tooMany', { max: MAX_OPEN_IMPORTS })
    const dir = await mkdtemp(join(tmpdir(), 'keyflow-import-'))
    const path = join(dir, 'import.kflab')
    const fh = await open(path, 'wx', PRIVATE_FILE_MODE)
    const importId = randomBytes(16).toString('hex')
    const parts = Math.ceil(bytes / IMPORT_PART_BYTES)
    this.imports.set(importId, { dir, path, fh, bytes, parts, received: new Uint8Array(parts), receivedCount: 0, idle: this.idleTimer(importId) })
    return { importId, partBytes: IMPORT_PART_BYTES }
  }

  async part(importId: string, index: number, base64: string): Promise<void> {
    const im = this.get(importId)
    if (index >= im.parts) throw new LabFileError('labFile.import.noSuchPart', { parts: im.parts, index })
    const bytes = Buffer.from(base64, 'base64')
    const want = index === im.parts - 1 ? im.bytes - index * IMPORT_PART_BYTES : IMPORT_PART_BYTES
    if (bytes.length !== want) throw new LabFileError('labFile.import.badPart', { index, bytes: bytes.length, want })
    clearTimeout(im.idle)
    im.idle = this.idleTimer(importId)
    for (let at = 0; at < bytes.length; ) at += (await im.fh.write(bytes, at, bytes.length - at, index * IMPORT_PART_BYTES + at)).bytesWritten
    if (!im.received[index]) {
      im.received[index] = 1
      im.receivedCount++
    }
  }

  /** The complete file's path, to be opened and then `discard`ed; refuses an import with parts missing. */
  async complete(importId: string): Promise<string> {
    const im = this.get(importId)
    if (im.receivedCount !== im.parts) throw new LabFileError('labFile.import.incomplete', { missing: im.parts - im.receivedCount, parts: im.parts })
    clearTimeout(im.idle)
    return im.path
  }

  async discard(importId: string): Promise<void> {
    const im = this.imports.get(importId)
    if (!im) return
    this.imports.delete(importId)
    clearTimeout(im.idle)
    await im.fh.close().catch(() => undefined)
    await rm(im.dir, { recursive: true, force: true })
  }

  /** Removes every import (the host shuts down). */
  async discardAll(): Promise<void> {
    await Promise.all([...this.imports.keys()].map((id) => this.discard(id)))
  }

  get open(): number {
    return this.imports.size
  }

  private get(importId: string): Import {
    const im = this.imports.get(importId)
    if (!im) throw new LabFileError('labFile.import.gone')
    return im
  }

  private idleTimer(importId: string): ReturnType<typeof setTimeout> {
    const t = setTimeout(() => void this.discard(importId), this.idleMs)
    t.unref()
    return t
  }
}
