// The one way the window saves the lab as a file download (a browser has no file dialog): the host writes the lab
// file (`exportLab`), the window hands it to the browser under the lab's name. Used by File → Save in a browser
// and by a viewer's "Download this lab".

import type { LabActions, LabState } from '../store/types'
import { downloadText } from './download'

export async function downloadLab(a: Pick<LabActions, 'exportLab' | 'notify'>, state: () => Pick<LabState, 'timeline'>): Promise<string | null> {
  const text = await a.exportLab()
  if (text === null) return null
  const name = state().timeline?.file.name ?? 'lab.kflab'
  downloadText(name.endsWith('.kflab') ? name : `${name}.kflab`, text, 'application/json')
  a.notify({ kind: 'ok', key: 'file.downloaded', params: { name } })
  return name
}
