// The lab host: one lab, its file, and the LabApi the window talks to. The desktop main process and the test
// host both run this class; only how they reach the window differs (Electron IPC or a WebSocket).

import { randomUUID, webcrypto } from 'node:crypto'
import { basename } from 'node:path'
import { MAX_HISTORY_PAGE, MAX_WHOLE_EXPORT_BYTES, type CommandResult, type HistoryPage, type LabApi, type LabFileInfo, type LabExportStart, type LabImportStart, type LabPush, type Timeline, type TimelineOptions, type EventView, type FileWork } from '../../shared/api/contract'
import { commandView, entityViews, TimelineCache } from '../../shared/api/timeline'
import { toHex } from '../../shared/crypto/bytes'
import type { LabCommand } from '../../shared/lab/commands/schema'
import type { ExternalKmsConnector, LabDeps } from '../../shared/lab/context'
import type { FaultInfo } from '../../shared/lab/faults'
import { Lab } from '../../shared/lab/lab'
import { secureRandom, seededRandom } from '../../shared/lab/random'
import type { Writable } from 'node:stream'
import { LabFileError } from '../../shared/labFile/labFileError'
import { nodeDiskCipher } from '../crypto/nodeDiskCipher'
import { downloadWriteError, openError, saveError } from '../labFile/fileErrors'
import { buildLab, readLabBytes, readLabFile, writeLab, type ReadLab, type WriteLabOptions } from '../labFile/labFileIo'
import { tlsExternalKms } from '../kmip/externalKms'
import { persistedBytes } from '../../shared/lab/files/persisted'
import { PartedExports } from './partedExports'
import { PartedImports } from './partedImports'

export interface LabHostOptions {
  seed?: number | null
  /** Asked when a lab is saved or opened without a path (the desktop shows a file dialog). */
  choosePath?: (purpose: 'save' | 'open', suggested: string) => Promise<string | null>
  externalKms?: ExternalKmsConnector
}

// External KMSs are real KMIP servers over TLS unless the caller plugs in something else.
const defaultExternalKms = tlsExternalKms()

export function labDeps(seed: number | null, externalKms: ExternalKmsConnector = defaultExternalKms): LabDeps {
  return {
    random: seed === null ? secureRandom((buf) => webcrypto.getRandomValues(buf)) : seededRandom(seed),
    diskCipher: nodeDiskCipher,
    externalKms
  }
}

/** Reads the lab file at `path`; what the system refused is told naming the file (see ../labFile/fileErrors.ts). */
async function readLabPath(path: string): Promise<ReadLab> {
  try {
    return await readLabFile(path)
  } catch (e) {
    throw openError(path, e)
  }
}

export class LabHost implements LabApi {
  private lab!: Lab
  private labId = ''
  private file: LabFileInfo = { path: null, name: 'untitled.kflab', dirty: false }
  private cache = new TimelineCache()
  private readonly listeners = new Set<(push: LabPush) => void>()
  private unsubscribeLab: (() => void) | null = null
  /** Commands `undo` took back, the latest last; each undo takes back one command (or a few with no events). */
  private undone: LabCommand[][] = []
  private readonly imports = new PartedImports()
  private readonly exports = new PartedExports()
  /** Counts the pushes: the lab (or its file) changed since a download of the version before began. */
  private changes = 0

  private constructor(private readonly options: LabHostOptions) {}

  static async create(options: LabHostOptions = {}): Promise<LabHost> {
    const host = new LabHost(options)
    host.attach(await Lab.create(labDeps(options.seed ?? null, options.externalKms), { seed: options.seed ?? null }), null)
    return host
  }

  get current(): Lab {
    return this.lab
  }

  private attach(lab: Lab, path: string | null): void {
    this.unsubscribeLab?.()
    this.lab = lab
    this.labId = randomUUID()
    this.cache = new TimelineCache()
    this.file = { path, name: path ? basename(path) : 'untitled.kflab', dirty: false }
    this.undone = []
    this.unsubscribeLab = lab.subscribe((entries, record) => {
      this.file = { ...this.file, dirty: true }
      this.emit({ type: 'appended', labId: this.labId, events: entries.map((e) => this.cache.view(e)), command: commandView(record), undone: this.undone.length })
    })
  }

  private emit(push: LabPush): void {
    this.changes++
    for (const l of this.listeners) l(push)
  }

  subscribe(listener: (push: LabPush) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async getTimeline(options: TimelineOptions = {}): Promise<Timeline> {
    const end = this.lab.seq
    const baseSeq = options.recent === undefined ? 0 : Math.max(0, end - options.recent)
    return {
      labId: this.labId,
      seed: this.lab.meta.seed,
      startSeq: 0,
      base: entityViews(this.lab.entitiesAt(baseSeq)),
      baseSeq,
      events: this.eventViews(baseSeq, end),
      commands: this.lab.commands.map(commandView),
      file: this.file,
      undone: this.undone.length
    }
  }

  async getHistory(fromSeq: number, toSeq: number): Promise<HistoryPage> {
    const end = this.lab.seq
    if (fromSeq > toSeq || toSeq > end || toSeq - fromSeq > MAX_HISTORY_PAGE) {
      throw new RangeError(`no history from ${fromSeq} to ${toSeq} (the lab has ${end} events; at most ${MAX_HISTORY_PAGE} per call)`)
    }
    return { labId: this.labId, base: entityViews(this.lab.entitiesAt(fromSeq)), baseSeq: fromSeq, events: this.eventViews(fromSeq, toSeq) }
  }

  /** Events after `fromSeq` up to `toSeq`, each viewed once and kept. */
  private eventViews(fromSeq: number, toSeq: number): EventView[] {
    return this.lab.entries.slice(fromSeq, toSeq).map((e) => this.cache.view(e))
  }

  async runCommand(command: LabCommand): Promise<CommandResult> {
    // A new command starts a new future: what undo took back can no longer be restored.
    this.undone = []
    return this.run(command)
  }

  private async run(command: LabCommand): Promise<CommandResult> {
    const outcome = await this.lab.run(command)
    const record = this.lab.commands[outcome.index]
    return { index: outcome.index, firstSeq: record.firstSeq, lastSeq: record.lastSeq, fault: outcome.fault }
  }

  async checkCommands(commands: LabCommand[]): Promise<(FaultInfo | null)[]> {
    return commands.map((c) => this.lab.check(c))
  }

  async rewind(seq: number): Promise<void> {
    this.undone = []
    await this.cut(seq)
  }

  private async cut(seq: number): Promise<void> {
    await this.lab.rewind(seq)
    this.file = { ...this.file, dirty: true }
    this.emit({ type: 'reset', labId: this.labId })
  }

  async undo(): Promise<boolean> {
    const commands = this.lab.commands
    const last = commands[commands.length - 1]
    if (!last) return false
    // Rewinding to just before its first event drops it (and any command before it that left no event at all).
    const before = commands.map((c) => c.command)
    const seq = last.firstSeq - 1
    const kept = this.lab.commands.filter((c) => c.firstSeq <= seq).length
    this.undone.push(before.slice(kept))
    await this.cut(seq)
    return true
  }

  async redo(): Promise<CommandResult | null> {
    const group = this.undone.pop()
    if (!group) return null
    let result: CommandResult | null = null
    for (const command of group) result = await this.run(command)
    return result
  }

  async newLab(options: { seed?: number | null }): Promise<void> {
    const seed = options.seed ?? null
    this.attach(await Lab.create(labDeps(seed, this.options.externalKms), { seed }), null)
    this.emit({ type: 'reset', labId: this.labId })
  }

  async saveLab(options: { path?: string }): Promise<LabFileInfo> {
    const path = options.path ?? this.file.path ?? (await this.options.choosePath?.('save', this.file.name)) ?? null
    if (!path) throw new LabFileError('labFile.noFileChosen.save')
    await this.fileWork('saving', () => this.writeLab(path))
    this.file = { path, name: basename(path), dirty: false }
    this.emit({ type: 'file', labId: this.labId, file: this.file })
    return this.file
  }

  /** Writes the open lab as a .kflab file to a path or a stream (autosave, downloads); the lab stays as it is. */
  async writeLab(target: string | Writable, options?: WriteLabOptions): Promise<void> {
    try {
      await writeLab(this.lab, target, options)
    } catch (e) {
      // A failed save by path is told naming the file (and that the file there is as it was: saves are atomic). One
      // in place (the autosave's older file) is not whole after a failure, so it is passed on as it is.
      throw typeof target === 'string' && !options?.inPlace ? saveError(target, e) : e
    }
  }

  /** Whether the file at `path` is a whole lab file (its index and checksum are checked, its disks are not read). */
  async isWholeLabFile(path: string): Promise<boolean> {
    try {
      await (await readLabFile(path)).close()
      return true
    } catch {
      return false
    }
  }

  async openLab(options: { path?: string }): Promise<LabFileInfo> {
    const path = options.path ?? (await this.options.choosePath?.('open', this.file.name)) ?? null
    if (!path) throw new LabFileError('labFile.noFileChosen.open')
    return this.fileWork('opening', async () => this.load(await readLabPath(path), path))
  }

  /** Opens a lab file as an untitled lab (autosave recovery: saving must not go back to the autosave). */
  async recover(path: string): Promise<LabFileInfo> {
    return this.fileWork('opening', async () => this.load(await readLabPath(path), null))
  }

  /** Runs `work` on a lab file with the window told it is going on (and told when it ends, however it ends). */
  private async fileWork<T>(work: FileWork, run: () => Promise<T>): Promise<T> {
    const labId = this.labId
    this.emit({ type: 'fileWork', labId, work })
    try {
      return await run()
    } finally {
      this.emit({ type: 'fileWork', labId, work: null })
    }
  }

  /** The lab file as base64 in one reply, up to MAX_WHOLE_EXPORT_BYTES (the window downloads in parts). */
  async exportLab(): Promise<string> {
    const { exportId, bytes, partBytes } = await this.exportLabBegin()
    try {
      if (bytes > MAX_WHOLE_EXPORT_BYTES)
        throw new Error(`the lab file has ${Math.ceil(bytes / 1024 ** 2)} MiB, more than one reply carries (${MAX_WHOLE_EXPORT_BYTES / 1024 ** 2} MiB): download it in parts (exportLabBegin)`)
      // A part holds a multiple of 3 bytes: the parts' base64 strings joined are the file's.
      const parts: string[] = []
      for (let index = 0; index * partBytes < bytes; index++) parts.push(await this.exports.part(exportId, index))
      return parts.join('')
    } finally {
      await this.exports.finish(exportId)
    }
  }

  /** Starts a download of the lab file in parts; downloads while the lab is unchanged share one written file. */
  exportLabBegin(): Promise<LabExportStart> {
    const lab = this.lab
    return this.exports.begin(`${this.labId}:${this.changes}`, (path) =>
      writeLab(lab, path).catch((e: unknown) => {
        throw downloadWriteError(e)
      })
    )
  }

  exportLabPart(exportId: string, index: number): Promise<string> {
    return this.exports.part(exportId, index)
  }

  exportLabFinish(exportId: string): Promise<void> {
    return this.exports.finish(exportId)
  }

  /** A lab file from the window: base64 of its bytes, or a format-1 file's JSON text as it is. */
  async importLab(text: string): Promise<LabFileInfo> {
    const bytes = text.trimStart().startsWith('{') ? Buffer.from(text, 'utf8') : Buffer.from(text, 'base64')
    return this.load(await readLabBytes(bytes), null)
  }

  importLabBegin(options: { bytes: number }): Promise<LabImportStart> {
    return this.imports.begin(options.bytes)
  }

  importLabPart(importId: string, index: number, base64: string): Promise<void> {
    return this.imports.part(importId, index, base64)
  }

  /** Opens the file the parts make, as Open does (an untitled lab: the window's file is not a path here). */
  async importLabFinish(importId: string): Promise<LabFileInfo> {
    try {
      return await this.load(await readLabFile(await this.imports.complete(importId)), null)
    } finally {
      await this.imports.discard(importId)
    }
  }

  importLabCancel(importId: string): Promise<void> {
    return this.imports.discard(importId)
  }

  /** Checks and rebuilds first, offline; the open lab is replaced only when the file is entirely good. */
  private async load(read: ReadLab, path: string | null): Promise<LabFileInfo> {
    const lab = await buildLab(read, (seed) => labDeps(seed, this.options.externalKms))
    this.attach(lab, path)
    this.emit({ type: 'reset', labId: this.labId })
    return this.file
  }

  async readFile(componentId: string, path: string): Promise<string> {
    const entity = this.lab.component(componentId)
    if (!entity) throw new Error(`no component ${componentId}`)
    return toHex(persistedBytes(entity, path))
  }
}
