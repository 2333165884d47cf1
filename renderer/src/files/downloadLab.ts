// The one way the window saves the lab as a file download (a browser has no file dialog): the host writes the lab
// file (fetched in parts, see ./receiveLabFile.ts), the window hands it to the browser under the lab's name, so the
// download is the same file the desktop saves and opens. Used by File → Save in a browser
// and by a viewer's "Download this lab".

import type { LabActions, LabState } from '../store/types'
import { downloadBlob } from './download'

export async function downloadLab(a: Pick<LabActions, 'exportLab' | 'notify'>, state: () => Pick<LabState, 'timeline'>): Promise<string | null> {
  const file = await a.exportLab()
  if (file === null) return null
  const name = state().timeline?.file.name ?? 'lab.kflab'
  downloadBlob(name.endsWith('.kflab') ? name : `${name}.kflab`, file)
  a.notify({ kind: 'ok', key: 'file.downloaded', params: { name } })
  return name
}
