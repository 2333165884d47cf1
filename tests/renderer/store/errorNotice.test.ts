// A failure the host reports with a catalog message is shown in the window's language: the store keeps the message
// (not its English words), and the notice renders it in German when the window is German, nested reasons included.
// Where the host sends only text, the notice shows that text as before.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LabHost } from '../../../node/host/labHost'
import { createLabApiClient, LabApiError } from '../../../shared/api/client'
import type { LabApi } from '../../../shared/api/contract'
import { dispatch } from '../../../shared/api/dispatch'
import { CONTAINER_MAGIC } from '../../../shared/labFile/container'
import { noticeText } from '../../../renderer/src/shell/noticeText'
import { errorNotice, failureNotice } from '../../../renderer/src/store/errorNotice'
import { createLabStore } from '../../../renderer/src/store/labStore'
import { FakeScheduler } from '../../helpers/fakeScheduler'
import { ScriptedLabApi } from '../../helpers/scriptedLabApi'

const settle = () => new Promise((r) => setTimeout(r, 0))
const dir = mkdtempSync(join(tmpdir(), 'kflab-notice-'))

/** The window's store in German, talking to a real lab host through the same dispatch the transports use. */
async function germanWindow(choosePath: (purpose: 'save' | 'open') => string | null) {
  const host = await LabHost.create({ seed: 1, choosePath: async (purpose) => choosePath(purpose) })
  const api = createLabApiClient((method, args) => dispatch(host, method, args), (listener) => host.subscribe(listener))
  return started(api)
}

async function started(api: LabApi) {
  const store = createLabStore(api, { scheduler: new FakeScheduler() })
  store.getState().actions.start()
  await settle()
  store.getState().actions.setSettings({ language: 'de' })
  const lastNotice = () => store.getState().notices.at(-1)!
  return { actions: store.getState().actions, lastNotice }
}

describe('notices about failures', () => {
  it('say a damaged lab file in German, with its name and that the open lab stays', async () => {
    const { actions, lastNotice } = await germanWindow(() => null)
    const broken = new Blob([Buffer.concat([CONTAINER_MAGIC, Uint8Array.of(0, 0, 0, 2), Buffer.from('and no more')])])
    expect(await actions.importLab(broken, 'kaputt.kflab')).toBeNull()
    expect(lastNotice()).toMatchObject({ kind: 'error', key: 'file.importFailed', messageParams: { reason: { id: 'labFile.damaged' } } })
    expect(noticeText(lastNotice(), 'de')).toBe(
      'kaputt.kflab konnte nicht geöffnet werden. Die Labordatei ist beschädigt: Die Datei ist abgeschnitten (keine Endmarke) und wurde nicht vollständig geschrieben. Das geöffnete Labor bleibt unverändert.'
    )
    // The same notice in English once the window is switched: the store keeps the message, not its words.
    expect(noticeText(lastNotice(), 'en')).toBe(
      'kaputt.kflab could not be opened. The lab file is damaged: it is cut short (no end marker): it was not written completely. The open lab is unchanged.'
    )
  })

  it('say a lab file that vanished, and a save the system refused, in German, naming the file', async () => {
    const missing = join(dir, 'weg.kflab')
    const unwritable = join(dir, 'kein-ordner', 'labor.kflab')
    const { actions, lastNotice } = await germanWindow((purpose) => (purpose === 'open' ? missing : unwritable))
    expect(await actions.openLab()).toBeNull()
    expect(noticeText(lastNotice(), 'de')).toBe(
      `Die Labordatei ${missing} lässt sich nicht öffnen. Die Datei existiert nicht (mehr): Vielleicht wurde sie verschoben, umbenannt oder gelöscht.`
    )
    expect(await actions.saveLab()).toBeNull()
    expect(noticeText(lastNotice(), 'de')).toBe(
      `Das Labor konnte nicht als ${unwritable} gespeichert werden. Der Ordner existiert nicht. Das geöffnete Labor bleibt unverändert, und keine Datei wurde überschrieben.`
    )
  })

  it('say a failed download in German', async () => {
    const api = new ScriptedLabApi()
    api.exportLabBegin = () => Promise.reject(new LabApiError({ message: 'exportLabBegin: …', message_ref: { id: 'labFile.download.tooMany', params: { max: 64 } } }))
    const { actions, lastNotice } = await started(api)
    expect(await actions.exportLab()).toBeNull()
    expect(noticeText(lastNotice(), 'de')).toBe(
      'Das Labor konnte nicht heruntergeladen werden. Es laufen zu viele Downloads gleichzeitig (64): Warten Sie, bis einer fertig ist, und versuchen Sie es dann erneut.'
    )
  })

  it('show the host’s text as it is where it sends no catalog message', () => {
    const plain = new LabApiError({ message: 'importLabFinish: the connection closed' })
    expect(errorNotice(plain)).toEqual({ kind: 'error', text: 'importLabFinish: the connection closed' })
    const failed = failureNotice('file.importFailed', plain, { name: 'a.kflab' })
    expect(noticeText(failed, 'de')).toBe(
      'a.kflab konnte nicht geöffnet werden. importLabFinish: the connection closed. Das geöffnete Labor bleibt unverändert.'
    )
    // A message id this window does not know (a host of another version) falls back to the text too.
    const unknown = new LabApiError({ message: 'openLab: something new', message_ref: JSON.parse('{"id":"labFile.fromTheFuture","params":{}}') })
    expect(errorNotice(unknown)).toEqual({ kind: 'error', text: 'openLab: something new' })
  })
})
