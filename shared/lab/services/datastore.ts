// Files on a datastore. Every write replaces the file record, so old versions stay in the history.

import type { CommandContext } from '../context'
import type { DatastoreComponent, DatastoreFile, VmComponent } from '../model'

export function datastoreOf(ctx: CommandContext, vm: VmComponent): DatastoreComponent {
  return ctx.tx.require(vm.datastore, 'datastore')
}

export function readFile(ds: DatastoreComponent, path: string): DatastoreFile {
  const f = ds.persisted.files[path]
  if (!f) throw new Error(`missing file [${ds.name}] ${path}`)
  return f
}

export function writeFiles(ctx: CommandContext, ds: DatastoreComponent, files: Record<string, DatastoreFile>, remove: string[] = []): DatastoreComponent {
  const current = ctx.tx.require(ds.id, 'datastore')
  return ctx.tx.update(current, (d) => {
    for (const p of remove) delete d.persisted.files[p]
    for (const [p, f] of Object.entries(files)) d.persisted.files[p] = f
  })
}

export function fileSize(f: DatastoreFile): number {
  return f.data ? f.data.length : new TextEncoder().encode(f.text ?? '').length
}
