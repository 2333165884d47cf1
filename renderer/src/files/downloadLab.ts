// The one way the window saves the lab as a file download (a browser has no file dialog): the host writes the lab
// file (`exportLab`, base64 over the wire), the window hands its bytes to the browser under the lab's name, so the
// download is the same file the desktop saves and opens. Used by File → Save in a browser
// and by a viewer's "Download this lab".

import type { LabActions, LabState } from '../store/types'
import { fromBase64 } from '../../../shared/crypto/bytes'
import { downloadBytes } from './download'

export async function downloadLab(a: Pick<LabActions, 'exportLab' | 'notify'>, state: () => Pick<LabState, 'timeline'>): Promise<string | null> {
  const text = await a.exportLab()
  if (text === null) return null
  const name = state().timeline?.file.name ?? 'lab.kflab'
  downloadBytes(name.endsWith('.kflab') ? name : `${name}.kflab`, fromBase64(text))
  a.notify({ kind: 'ok', key: 'file.downloaded', params: { name } })
  return name
}
