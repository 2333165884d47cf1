// Files on a datastore, one item each: writing a file replaces only that file's record, so old versions stay in
// the history and a datastore with thousands of files costs nothing per write.

import type { CommandContext } from '../context'
import { fault } from '../faults'
import { bytesOf } from '../files/storedBytes'
import { StoredBytesChanged } from '../files/storedBytesChanged'
import type { DatastoreFile, DatastoreRecord, VmComponent } from '../model'

export function datastoreOf(ctx: CommandContext, vm: VmComponent): DatastoreRecord {
  return ctx.tx.require(vm.datastore, 'datastore')
}

export function readFile(ctx: CommandContext, ds: DatastoreRecord, path: string): DatastoreFile {
  const f = ctx.tx.item(ds.id, 'persisted.files', path)
  if (!f) throw new Error(`missing file [${ds.name}] ${path}`)
  return f
}

/**
 * The bytes [start, end) of a data file (a disk, the NVRAM, a snapshot): in memory, or read now from the lab file
 * the lab was opened from. Null for a text file.
 */
export function readBytes(ctx: CommandContext, ds: DatastoreRecord, path: string, start?: number, end?: number): Uint8Array | null {
  const { data } = readFile(ctx, ds, path)
  try {
    return data ? bytesOf(data, start, end) : null
  } catch (e) {
    // The command is refused and the lab stays as it was (its transaction is rolled back).
    if (e instanceof StoredBytesChanged) throw fault('CannotAccessFile', 'fault.fileChangedOnDisk', { datastore: ds.name, path })
    throw e
  }
}

export function writeFiles(ctx: CommandContext, ds: DatastoreRecord, files: Record<string, DatastoreFile>, remove: string[] = []): void {
  for (const p of remove) ctx.tx.setItem(ds.id, 'persisted.files', p, undefined)
  for (const [p, f] of Object.entries(files)) ctx.tx.setItem(ds.id, 'persisted.files', p, f)
}
