// Reading and writing .kflab files on Node: one function writes a lab to a path (atomically, 0600) or to a stream;
// one opens a path (refusing FIFOs and devices, which would hang or never end); both stream, a chunk at a time.
// Format-1 files (bare JSON) are still read; every lab is opened offline (see shared/labFile/openOffline.ts).

import { constants, readSync, type Stats } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Writable } from 'node:stream'
import { fromUtf8 } from '../../shared/crypto/bytes'
import type { LabDeps } from '../../shared/lab/context'
import { StoredBytesChanged } from '../../shared/lab/files/storedBytesChanged'
import { Lab } from '../../shared/lab/lab'
import type { BlobSource } from '../../shared/labFile/blob'
import {
  containerBasesOf,
  isContainer,
  readLabContainer,
  writeLabContainer,
  type ByteSink,
  type ByteSource,
  type ContainerBase,
  type CopySource,
  type WrittenContainer
} from '../../shared/labFile/container'
import { labFileData, loadLabFile, parseLabFile } from '../../shared/labFile/kflab'
import { damagedError, LabFileError } from '../../shared/labFile/labFileError'
import { openOffline } from '../../shared/labFile/openOffline'
import type { LabFileData } from '../../shared/labFile/schema'
import { writeAtomic } from '../host/atomicFile'
import { nodeContainerCodec } from './codec'

/** Format-1 files are bare JSON held in memory whole; they were never written above this size. */
const MAX_V1_FILE_BYTES = 512 * 1024 * 1024

/**
 * Written bytes after which a flush to disk starts behind the writes. A save ends with an fsync (writeAtomic): left
 * to the end, it waits for the whole file to reach the disk after every byte is written; flushed as it goes, the
 * disk works while the next chunks are hashed and written, and big saves never pile up enough dirty pages for the
 * kernel to stall the writer.
 */
const FLUSH_BEHIND_BYTES = 32 * 1024 * 1024

interface FileSink extends ByteSink {
  /** Waits for the flush still running, and reports its failure. */
  settled(): Promise<void>
}

/** Writes into `fh` from `start` on (a file that starts as a copy of another holds its bytes before). */
function fileSink(fh: FileHandle, start = 0): FileSink {
  let position = start
  let unflushed = 0
  let flushing: Promise<void> | null = null
  let failure: unknown = null
  return {
    async write(...parts) {
      if (failure) throw failure
      // One call for a chunk's header and bytes; a short write (rare on regular files) is finished part by part.
      let { bytesWritten } = await fh.writev(parts, position)
      for (const part of parts) {
        const done = Math.min(bytesWritten, part.length)
        bytesWritten -= done
        unflushed += part.length
        for (let at = done; at < part.length; ) at += (await fh.write(part, at, part.length - at, position + at)).bytesWritten
        position += part.length
      }
      if (unflushed >= FLUSH_BEHIND_BYTES && !flushing) {
        unflushed = 0
        flushing = fh
          .datasync()
          .catch((e: unknown) => void (failure ??= e))
          .finally(() => (flushing = null))
      }
    },
    async settled() {
      await flushing
      if (failure) throw failure
    }
  }
}

function streamSink(stream: Writable): ByteSink {
  const writeOne = (bytes: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e)
      stream.once('error', onError)
      const flushed = stream.write(bytes, (e) => {
        stream.off('error', onError)
        if (e) reject(e)
        else if (flushed) resolve()
      })
      if (!flushed) stream.once('drain', () => resolve())
    })
  return {
    async write(...parts) {
      for (const part of parts) await writeOne(part)
    }
  }
}

const endedEarly = () => damagedError('labFile.damage.endedWhileRead')

/**
 * Disks stay in the file they were opened from (StoredBytes) where a saved file can replace it while it is open:
 * on POSIX systems the open file keeps its bytes after a rename over its name or a delete. On Windows the app keeps
 * no file open (a save over it could fail), so a lab opened there reads its disks into memory.
 */
const KEEP_DISKS_IN_FILE = process.platform !== 'win32'

/** Closes a lab file once no disk left in it is reachable (the lab, its history and its views are gone). */
const fileClosers = new FinalizationRegistry<FileHandle>((fh) => void fh.close().catch(() => undefined))

/**
 * Where the kernel can copy an open file from: its descriptor's own name on Linux (the very file that was opened,
 * even once a save has replaced or removed its name). Elsewhere a save writes every chunk itself.
 */
const OPEN_FILE_PATH = process.platform === 'linux' ? (fd: number) => `/proc/self/fd/${fd}` : null

/**
 * Whether a file is still as it was (`then`) and only its owner can read it: a kernel copy takes its bytes unchecked
 * (they are checked when a command reads them, as in the file itself) and keeps its mode until the save resets it.
 */
function copyable(now: Stats, then: Stats): boolean {
  const unchanged = now.dev === then.dev && now.ino === then.ino && now.size === then.size && now.mtimeMs === then.mtimeMs
  return now.isFile() && unchanged && (now.mode & 0o077) === 0
}

function fileSource(fh: FileHandle, size: number, opened: Stats): ByteSource {
  const readInto = async (offset: number, target: Uint8Array) => {
    for (let got = 0; got < target.length; ) {
      const { bytesRead } = await fh.read(target, got, target.length - got, offset + got)
      if (bytesRead === 0) throw endedEarly()
      got += bytesRead
    }
  }
  const readIntoSync = (offset: number, target: Uint8Array) => {
    for (let got = 0; got < target.length; ) {
      const bytesRead = readSync(fh.fd, target, got, target.length - got, offset + got)
      if (bytesRead === 0) throw new StoredBytesChanged('labFile.changed.shorter')
      got += bytesRead
    }
  }
  return {
    size,
    readInto,
    readIntoSync: KEEP_DISKS_IN_FILE ? readIntoSync : undefined,
    async copySource() {
      if (!OPEN_FILE_PATH || !copyable(await fh.stat(), opened)) return null
      // The file stays open while the lab can reach it (fileClosers): nothing to give back after the copy.
      return { path: OPEN_FILE_PATH(fh.fd), done: async () => undefined }
    },
    async read(offset, length) {
      const out = new Uint8Array(length)
      await readInto(offset, out)
      return out
    }
  }
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  const read = async (offset: number, length: number) => {
    if (offset + length > bytes.length) throw damagedError('labFile.damage.endedEarly')
    return bytes.subarray(offset, offset + length)
  }
  const readIntoSync = (offset: number, target: Uint8Array) => {
    if (offset + target.length > bytes.length) throw damagedError('labFile.damage.endedEarly')
    target.set(bytes.subarray(offset, offset + target.length))
  }
  return { size: bytes.length, read, readIntoSync, readInto: async (offset, target) => readIntoSync(offset, target) }
}

/**
 * Files this process saved labs to, most recent last, as starts for later saves: the lab's disks in memory were
 * written there, so the next autosave copies that file in the kernel and writes only what changed, instead of every
 * disk again. A few paths (the user's file, the autosave, a download's temporary file); each is used only while it
 * is still the file that was written (see `copyable`), and nothing is held open between saves.
 */
const savedFiles = new Map<string, SavedFile>()
const SAVED_FILES_KEPT = 4

/** A file this process saved a lab to, as it was when written. */
interface SavedFile extends ContainerBase {
  stats: Stats
}

function rememberSaved(path: string, written: WrittenContainer, stats: Stats): void {
  savedFiles.delete(path)
  if (!OPEN_FILE_PATH || written.index.size === 0) return
  const openFilePath = OPEN_FILE_PATH
  const saved: SavedFile = {
    ...written,
    stats,
    async copySource() {
      let fh: FileHandle | null = null
      try {
        fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
        // Held open until the copy is made: the path the kernel copies from is this very file, checked here.
        if (copyable(await fh.stat(), stats)) {
          const checked = fh
          return { path: openFilePath(checked.fd), done: () => checked.close() }
        }
      } catch {
        // Gone or unreadable: as good as changed.
      }
      await fh?.close()
      // Not that file any more (a download's temporary file is removed, a file replaced): forgotten.
      if (savedFiles.get(path) === saved) savedFiles.delete(path)
      return null
    }
  }
  savedFiles.set(path, saved)
  for (const old of savedFiles.keys()) if (savedFiles.size > SAVED_FILES_KEPT) savedFiles.delete(old)
}

/** The first of `bases` whose file the kernel can copy now, with that copy's source. */
async function firstCopyable(bases: ContainerBase[]): Promise<{ base: ContainerBase; from: CopySource } | null> {
  for (const base of bases) {
    const from = await base.copySource()
    if (from) return { base, from }
  }
  return null
}

/** Writes `data` into `fh` as a container, after `base`'s bytes where the file holds them already. */
async function writeInto(fh: FileHandle, data: LabFileData, base?: ContainerBase): Promise<WrittenContainer> {
  const sink = fileSink(fh, base?.end)
  let written: WrittenContainer
  try {
    written = await writeLabContainer(data, sink, nodeContainerCodec, base)
  } finally {
    // Also after a failure: the file must not be closed (and removed) under a flush still running.
    await sink.settled().catch(() => undefined)
  }
  await sink.settled()
  return written
}

export interface WriteLabOptions {
  /**
   * Update the file at the target itself where this process wrote it and it is as written: its chunks stay where
   * they are, and only the chunks it lacks and a new index are written after them. Until that ends the file is not
   * whole: only for a writer that keeps another whole copy (the autosave writes the older of two files).
   */
  inPlace?: boolean
}

/**
 * Writes into the file at `path` in place (see WriteLabOptions.inPlace), where this process saved it last, it is
 * unchanged since, and at least half of it is still in use; false (nothing written) otherwise.
 */
async function updateInPlace(data: LabFileData, path: string): Promise<boolean> {
  const saved = savedFiles.get(path)
  if (!saved || !containerBasesOf(data, [saved]).includes(saved)) return false
  let fh: FileHandle
  try {
    fh = await open(path, 'r+')
  } catch {
    return false
  }
  try {
    if (!copyable(await fh.stat(), saved.stats)) return false
    // From here on the file is no longer the one saved: cut at the end of its chunks (its old index goes).
    savedFiles.delete(path)
    await fh.truncate(saved.end)
    const written = await writeInto(fh, data, saved)
    await fh.sync()
    rememberSaved(path, written, await fh.stat())
  } finally {
    await fh.close()
  }
  return true
}

/** Writes a lab (or its file data) as a .kflab container: to `target` atomically with mode 0600, or into a stream. */
export async function writeLab(lab: Lab | LabFileData, target: string | Writable, options: WriteLabOptions = {}): Promise<void> {
  const data = lab instanceof Lab ? labFileData(lab) : lab
  if (typeof target !== 'string') return void (await writeLabContainer(data, streamSink(target), nodeContainerCodec))
  if (options.inPlace && (await updateInPlace(data, resolve(target)))) return
  // The new file starts as a copy of one that holds most of the lab's disks (the file they were opened from, or the
  // last one saved), made by the kernel like `cp`; only what it lacks is written after it.
  const start = await firstCopyable(containerBasesOf(data, savedFiles.values()))
  let written: WrittenContainer | undefined
  let stats: Stats
  try {
    stats = await writeAtomic(
      target,
      async (fh) => void (written = await writeInto(fh, data, start?.base)),
      start ? { path: start.from.path, length: start.base.end } : undefined
    )
  } finally {
    await start?.from.done()
  }
  rememberSaved(resolve(target), written!, stats)
}

/** A lab file in memory (tests, small imports). */
export async function labBytes(lab: Lab | LabFileData): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  const data = lab instanceof Lab ? labFileData(lab) : lab
  await writeLabContainer(data, { write: async (...b) => void parts.push(...b.map((p) => Uint8Array.from(p))) }, nodeContainerCodec)
  return Buffer.concat(parts)
}

export interface ReadLab {
  data: LabFileData
  blobs: BlobSource | undefined
  /**
   * Done with the file: call once the lab is built. It closes now, or, where the lab left disks in it, once they are
   * unreachable.
   */
  close(): Promise<void>
}

async function readFrom(source: ByteSource, close: () => Promise<void>): Promise<ReadLab> {
  const head = await source.read(0, Math.min(16, source.size))
  if (isContainer(head)) {
    const { data, blobs } = await readLabContainer(source, nodeContainerCodec)
    return { data, blobs, close }
  }
  if (source.size > MAX_V1_FILE_BYTES) throw new LabFileError('labFile.tooLarge')
  const data = parseLabFile(fromUtf8(await source.read(0, source.size)))
  return { data, blobs: undefined, close }
}

/** Opens and checks a lab file by path; refuses anything but a regular file. */
export async function readLabFile(path: string): Promise<ReadLab> {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused right after.
  const fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const info = await fh.stat()
    if (!info.isFile()) throw new LabFileError('labFile.notRegularFile')
    const source = fileSource(fh, info.size, info)
    const read = await readFrom(source, () => fh.close())
    return {
      ...read,
      // Disks left in the file read it through `source`: the file closes once that is unreachable.
      close: async () => (read.blobs?.keepsFile() ? void fileClosers.register(source, fh) : fh.close())
    }
  } catch (e) {
    await fh.close()
    throw e
  }
}

export function readLabBytes(bytes: Uint8Array): Promise<ReadLab> {
  return readFrom(bytesSource(bytes), async () => undefined)
}

/** Builds the lab a read file describes, offline (no KMS is contacted), and closes the file. */
export async function buildLab(read: ReadLab, depsFor: (seed: number | null) => LabDeps): Promise<Lab> {
  try {
    return await openOffline(depsFor, (offlineDeps) => loadLabFile(read.data, offlineDeps, read.blobs))
  } finally {
    await read.close()
  }
}

export async function openLabPath(path: string, depsFor: (seed: number | null) => LabDeps): Promise<Lab> {
  return buildLab(await readLabFile(path), depsFor)
}

export async function openLabBytes(bytes: Uint8Array, depsFor: (seed: number | null) => LabDeps): Promise<Lab> {
  return buildLab(await readLabBytes(bytes), depsFor)
}
