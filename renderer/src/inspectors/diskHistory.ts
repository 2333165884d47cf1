// A VM's first (boot) disk as the views show it (its `-flat.vmdk` on the datastore), and the disk as it was before
// its last rewrite — so the inspector can put the clear sectors beside the encrypted ones (or the other way round).

import type { EntityViews } from '../../../shared/api/contract'
import type { BytesView } from '../../../shared/lab/view'
import { type LoadedTimeline, viewsAt } from '../store/loadedTimeline'
import { viewOfKind } from '../../../shared/lab/readView'

export interface DiskPreview {
  path: string
  datastore: string
  data: BytesView
}

export function diskOf(views: EntityViews, vmId: string): DiskPreview | null {
  const vm = viewOfKind(views[vmId], 'vm')
  const path = vm?.disks?.[0]?.flat
  const datastore = vm?.datastore
  if (!path || !datastore) return null
  const data = viewOfKind(views[datastore], 'datastore')?.persisted?.files?.[path]?.data
  return data ? { path, datastore, data } : null
}

/** The VM's folder on the datastore ("hr-01/"), from its .vmx path. */
export function vmFolder(views: EntityViews, vmId: string): string | null {
  const vmx = viewOfKind(views[vmId], 'vm')?.files?.vmx
  const i = vmx?.lastIndexOf('/') ?? -1
  return vmx && i > 0 ? vmx.slice(0, i + 1) : null
}

/**
 * The step just before the VM's disk last changed to what it is at the cursor, with the disk then; null when the
 * disk never changed in the loaded history (or the VM did not have one before).
 */
export function diskBeforeLastRewrite(m: LoadedTimeline, vmId: string): { seq: number; disk: DiskPreview } | null {
  const now = diskOf(m.views, vmId)
  const folder = vmFolder(m.views, vmId)
  const name = viewOfKind(m.views[vmId], 'vm')?.name
  if (!now || !folder || !name) return null
  // The boot disk's files only (vm-flat.vmdk, vm_1-flat.vmdk ...), not those of further disks (vm-disk1-flat.vmdk).
  const isBootFlat = (file: string) => file.startsWith(folder) && /^(_\d+)?-flat\.vmdk$/.test(file.slice(folder.length + name.length)) && file.slice(folder.length).startsWith(name)
  for (let i = m.cursor - m.baseSeq - 1; i >= 0; i--) {
    const e = m.events[i]
    const touches = e.patches.some((p) => {
      const [owner, surface, collection, file] = p.path
      return typeof owner === 'string' && owner.startsWith('datastore:') && surface === 'persisted' && collection === 'files' && typeof file === 'string' && isBootFlat(file)
    })
    if (!touches) continue
    const before = diskOf(viewsAt(m, e.seq - 1), vmId)
    if (!before) return null
    if (before.data.hex !== now.data.hex || before.path !== now.path) return { seq: e.seq - 1, disk: before }
  }
  return null
}
