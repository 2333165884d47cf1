// A lab file that cannot be opened or saved is told naming the file, with the system's reason in the user's language
// (the window shows `messageRef`; the command line and logs the English `message`), and the open lab stays.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LabHost } from '../../../node/host/labHost'
import { autosaveError, downloadWriteError, openError, saveError } from '../../../node/labFile/fileErrors'
import { formatMessage } from '../../../shared/i18n/format'
import { StoredBytesChanged } from '../../../shared/lab/files/storedBytesChanged'
import { LabFileError } from '../../../shared/labFile/labFileError'
import { rejectionOf } from '../../helpers/rejection'

const dir = mkdtempSync(join(tmpdir(), 'kflab-errors-'))
const errno = (code: string) => Object.assign(new Error(`${code}: the system's own words`), { code })
const reasonOf = (e: LabFileError) => (e.messageRef.params.reason as { id: string }).id

const refusal = (work: Promise<unknown>) => rejectionOf(work, LabFileError)

describe('a lab file that cannot be opened or saved', () => {
  it('is told naming the file when it does not exist, in English and in German, and the open lab stays', async () => {
    const host = await LabHost.create({ seed: 1 })
    await host.runCommand({ op: 'host.add', name: 'esx-keep', cluster: 'c1' })
    const path = join(dir, 'gone.kflab')
    const e = await refusal(host.openLab({ path }))
    expect(e.messageRef).toEqual({ id: 'labFile.cannotOpen', params: { path, reason: { id: 'labFile.io.notFound', params: {} } } })
    expect(e.message).toBe(`The lab file ${path} cannot be opened. The file does not exist (any more): it may have been moved, renamed or deleted.`)
    expect(formatMessage(e.messageRef, 'de')).toBe(
      `Die Labordatei ${path} lässt sich nicht öffnen. Die Datei existiert nicht (mehr): Vielleicht wurde sie verschoben, umbenannt oder gelöscht.`
    )
    expect((e.cause as NodeJS.ErrnoException).code).toBe('ENOENT')
    expect(host.current.component('host:esx-keep')).toBeDefined()
  })

  it('refuses a FIFO and a folder as what they are, before reading anything', async () => {
    const fifo = join(dir, 'pipe.kflab')
    execFileSync('mkfifo', [fifo])
    const folder = join(dir, 'folder.kflab')
    mkdirSync(folder)
    const host = await LabHost.create({ seed: 1 })
    for (const path of [fifo, folder]) {
      const e = await refusal(host.openLab({ path }))
      expect(e.messageRef.id).toBe('labFile.notRegularFile')
      expect(formatMessage(e.messageRef, 'de')).toBe('Dies ist keine Labordatei: Geöffnet werden nur gewöhnliche Dateien (keine FIFOs, Geräte oder Ordner).')
    }
  })

  it('says why a save failed, naming the file, leaves no file and keeps the lab unsaved', async () => {
    const host = await LabHost.create({ seed: 1 })
    await host.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    const path = join(dir, 'no-such-folder', 'lab.kflab')
    const e = await refusal(host.saveLab({ path }))
    expect(e.messageRef).toEqual({ id: 'labFile.cannotSave', params: { path, reason: { id: 'labFile.io.folderMissing', params: {} } } })
    expect(formatMessage(e.messageRef, 'de')).toBe(
      `Das Labor konnte nicht als ${path} gespeichert werden. Der Ordner existiert nicht. Das geöffnete Labor bleibt unverändert, und keine Datei wurde überschrieben.`
    )
    expect(existsSync(path)).toBe(false)
    expect((await host.getTimeline()).file).toMatchObject({ path: null, dirty: true })

    // A folder where the file should go: the rename over it is refused.
    const folder = join(dir, 'taken.kflab')
    mkdirSync(folder)
    expect(reasonOf(await refusal(host.saveLab({ path: folder })))).toBe('labFile.io.isFolder')
  })

  it('says that no file was chosen when the file dialog was cancelled', async () => {
    const host = await LabHost.create({ seed: 1, choosePath: async () => null })
    expect((await refusal(host.saveLab({}))).messageRef.id).toBe('labFile.noFileChosen.save')
    expect((await refusal(host.openLab({}))).messageRef.id).toBe('labFile.noFileChosen.open')
  })

  it('tells each reason the system gives in words, and any other by its code', () => {
    const path = '/labs/a.kflab'
    const opened: [string, string][] = [
      ['ENOENT', 'labFile.io.notFound'],
      ['EACCES', 'labFile.io.noReadPermission'],
      ['EPERM', 'labFile.io.noReadPermission'],
      ['EISDIR', 'labFile.io.isFolder'],
      ['EIO', 'labFile.io.other']
    ]
    for (const [code, id] of opened) expect(reasonOf(openError(path, errno(code))), code).toBe(id)
    const saved: [string, string][] = [
      ['ENOENT', 'labFile.io.folderMissing'],
      ['EACCES', 'labFile.io.noWritePermission'],
      ['EPERM', 'labFile.io.noWritePermission'],
      ['ENOSPC', 'labFile.io.diskFull'],
      ['EDQUOT', 'labFile.io.diskFull'],
      ['EROFS', 'labFile.io.readOnly'],
      ['EISDIR', 'labFile.io.isFolder'],
      ['EXDEV', 'labFile.io.other']
    ]
    for (const [code, id] of saved) expect(reasonOf(saveError(path, errno(code))), code).toBe(id)
    expect(formatMessage(saveError(path, errno('ENOSPC')).messageRef, 'de')).toBe(
      'Das Labor konnte nicht als /labs/a.kflab gespeichert werden. Der Datenträger ist voll (oder Ihr Kontingent ist ausgeschöpft). Das geöffnete Labor bleibt unverändert, und keine Datei wurde überschrieben.'
    )
    expect(formatMessage(openError(path, errno('EIO')).messageRef, 'de')).toBe('Die Labordatei /labs/a.kflab lässt sich nicht öffnen. Das System meldet den Fehler EIO.')
    expect(formatMessage(autosaveError(errno('ENOSPC')).messageRef, 'de')).toBe(
      'Das Labor konnte nicht automatisch gesichert werden. Der Datenträger ist voll (oder Ihr Kontingent ist ausgeschöpft). Speichern Sie das Labor selbst, um Ihre letzten Änderungen zu sichern.'
    )
    expect(formatMessage(downloadWriteError(errno('ENOSPC')).messageRef, 'de')).toBe(
      'Die Labordatei für den Download konnte nicht geschrieben werden. Der Datenträger ist voll (oder Ihr Kontingent ist ausgeschöpft).'
    )
  })

  it('keeps what the lab file itself said: its problem passes as it is, a changed file is the reason a save failed', () => {
    const damaged = new LabFileError('labFile.notLabFile')
    expect(openError('/labs/a.kflab', damaged)).toBe(damaged)
    const changed = new StoredBytesChanged('labFile.changed.shorter')
    const e = saveError('/labs/a.kflab', changed)
    expect(e.messageRef.params.reason).toEqual(changed.messageRef)
    expect(formatMessage(e.messageRef, 'de')).toContain(
      'gespeichert werden. Die Labordatei wurde nach dem Öffnen auf dem Datenträger verändert: Die Datei ist jetzt kürzer. Das geöffnete Labor'
    )
    // Not an error of the system: its English words are quoted as such.
    expect(formatMessage(saveError('/labs/a.kflab', new Error('boom')).messageRef, 'de')).toContain('Ein unerwarteter Fehler ist aufgetreten (Meldung, englisch: „boom“).')
  })
})
