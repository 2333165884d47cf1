// Files on a datastore, one item each: writing a file replaces only that file's record, so old versions stay in
// the history and a datastore with thousands of files costs nothing per write.

import type { CommandContext } from '../context'
import type { DatastoreFile, DatastoreRecord, VmComponent } from '../model'

export function datastoreOf(ctx: CommandContext, vm: VmComponent): DatastoreRecord {
  return ctx.tx.require(vm.datastore, 'datastore')
}

export function readFile(ctx: CommandContext, ds: DatastoreRecord, path: string): DatastoreFile {
  const f = ctx.tx.item(ds.id, 'persisted.files', path)
  if (!f) throw new Error(`missing file [${ds.name}] ${path}`)
  return f
}

export function writeFiles(ctx: CommandContext, ds: DatastoreRecord, files: Record<string, DatastoreFile>, remove: string[] = []): void {
  for (const p of remove) ctx.tx.setItem(ds.id, 'persisted.files', p, undefined)
  for (const [p, f] of Object.entries(files)) ctx.tx.setItem(ds.id, 'persisted.files', p, f)
}
