import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Autosave, AUTOSAVE_FILE, AUTOSAVE_FILE_2, SESSION_MARKER, type AutosaveSource } from '../../electron/autosave'
import { writeFileAtomic } from '../../node/host/atomicFile'
import { ScriptedLabApi } from '../helpers/scriptedLabApi'

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'kf-autosave-'))
  const api = new ScriptedLabApi()
  let exports = 0
  const exportLab = api.exportLab.bind(api)
  api.exportLab = () => {
    exports++
    return exportLab()
  }
  /** The lab in the autosave file the last save completed. */
  const saved = (a: Autosave) => JSON.parse(readFileSync(a.labPath, 'utf8')) as unknown
  // The scripted API stands for the lab host: its "lab file" is the JSON of its export, whole when it parses.
  const source: AutosaveSource = {
    subscribe: (l) => api.subscribe(l),
    writeLab: async (path) => writeFileAtomic(path, await api.exportLab()),
    isWholeLabFile: async (path) => {
      try {
        JSON.parse(readFileSync(path, 'utf8'))
        return true
      } catch {
        return false
      }
    }
  }
  return { dir, api, source, exports: () => exports, saved }
}

describe('Autosave', () => {
  it('has nothing to recover on a first start', async () => {
    const { dir, source } = setup()
    expect(await new Autosave({ dir, source }).findRecoverable()).toBeNull()
  })

  it('saves the lab as it is when the session begins', async () => {
    const { dir, source, exports, saved } = setup()
    const a = new Autosave({ dir, source })
    await a.begin()
    expect(exports()).toBe(1)
    expect(saved(a)).toEqual({ labId: 'lab-1', events: 0 })
    expect(existsSync(join(dir, SESSION_MARKER))).toBe(true)
  })

  it('saves once after a burst of changes (debounced)', async () => {
    const { dir, api, source, exports, saved } = setup()
    const a = new Autosave({ dir, source, delayMs: 30 })
    await a.begin()
    await api.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await api.runCommand({ op: 'host.add', name: 'esx-02', cluster: 'c1' })
    await api.rewind(1)
    expect(exports()).toBe(1)
    await wait(80)
    expect(exports()).toBe(2)
    expect(saved(a)).toEqual({ labId: 'lab-1', events: 2 })
  })

  it('does not save for file pushes (saving is not a change)', async () => {
    const { dir, api, source, exports } = setup()
    const a = new Autosave({ dir, source, delayMs: 10 })
    await a.begin()
    await api.saveLab({ path: join(dir, 'x.kflab') })
    await wait(40)
    expect(exports()).toBe(1)
    await a.end()
  })

  it('offers the autosaved lab after an unclean exit', async () => {
    const { dir, api, source } = setup()
    const crashed = new Autosave({ dir, source, delayMs: 5 })
    await crashed.begin()
    await api.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await wait(30)
    // No end(): the process "died" here.
    const found = await new Autosave({ dir, source }).findRecoverable()
    expect(found?.path).toBe(crashed.labPath)
    expect(JSON.parse(readFileSync(found!.path, 'utf8'))).toEqual({ labId: 'lab-1', events: 1 })
    expect(found!.savedAt).toBeInstanceOf(Date)
  })

  it('offers nothing after a clean end, and keeps no copy of the lab', async () => {
    const { dir, api, source } = setup()
    const a = new Autosave({ dir, source, delayMs: 60_000 })
    await a.begin()
    await api.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await a.end()
    expect(existsSync(join(dir, SESSION_MARKER))).toBe(false)
    expect(existsSync(join(dir, AUTOSAVE_FILE))).toBe(false)
    expect(existsSync(join(dir, AUTOSAVE_FILE_2))).toBe(false)
    expect(await new Autosave({ dir, source }).findRecoverable()).toBeNull()
  })

  it('does not offer an older session’s lab after a crash right at the start', async () => {
    const { dir, api, source } = setup()
    const first = new Autosave({ dir, source, delayMs: 5 })
    await first.begin()
    await api.runCommand({ op: 'host.add', name: 'old', cluster: 'c1' })
    await wait(30)
    // The next session recovers nothing, starts a new lab and crashes before any change.
    await api.newLab({})
    await new Autosave({ dir, source, delayMs: 5 }).begin()
    const found = await new Autosave({ dir, source }).findRecoverable()
    expect(JSON.parse(readFileSync(found!.path, 'utf8'))).toEqual({ labId: 'lab-2', events: 0 })
  })

  it('writes the older of its two files each time, so a save cut short leaves the previous one whole, and that one is offered', async () => {
    const { dir, api, source, saved } = setup()
    const written: string[] = []
    const a = new Autosave({ dir, source: { ...source, writeLab: (path, options) => (written.push(path), source.writeLab(path, options)) }, delayMs: 60_000 })
    await a.begin()
    await api.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await a.saveNow()
    await api.runCommand({ op: 'host.add', name: 'esx-02', cluster: 'c1' })
    await a.saveNow()
    expect(written).toEqual([AUTOSAVE_FILE, AUTOSAVE_FILE_2, AUTOSAVE_FILE].map((f) => join(dir, f)))
    expect(saved(a)).toEqual({ labId: 'lab-1', events: 2 })
    // The next save writes autosave-2 and "crashes" half-way: autosave.kflab, the previous one, is offered.
    writeFileSync(join(dir, AUTOSAVE_FILE_2), '{"labId": "lab-1", "ev')
    const found = await new Autosave({ dir, source }).findRecoverable()
    expect(found?.path).toBe(join(dir, AUTOSAVE_FILE))
    expect(JSON.parse(readFileSync(found!.path, 'utf8'))).toEqual({ labId: 'lab-1', events: 2 })
  })

  it('after a failed save writes the same file again: the other one is the only whole one', async () => {
    const { dir, source } = setup()
    const written: string[] = []
    let fail = false
    const a = new Autosave({
      dir,
      source: { ...source, writeLab: (path, options) => (written.push(path), fail ? Promise.reject(new Error('disk full')) : source.writeLab(path, options)) },
      onError: () => undefined
    })
    await a.begin()
    fail = true
    await a.saveNow()
    fail = false
    await a.saveNow()
    expect(written).toEqual([AUTOSAVE_FILE, AUTOSAVE_FILE_2, AUTOSAVE_FILE_2].map((f) => join(dir, f)))
  })

  it('reports a failed save instead of throwing', async () => {
    const { source } = setup()
    const errors: unknown[] = []
    const a = new Autosave({ dir: join(tmpdir(), 'kf-no-such-dir', String(Date.now())), source, onError: (e) => errors.push(e) })
    await a.saveNow()
    expect(errors).toHaveLength(1)
  })

  it('says which failure is the first since a save worked, so the person is warned once and again after a recovery', async () => {
    const { dir, source } = setup()
    let fail = false
    const firsts: boolean[] = []
    const a = new Autosave({
      dir,
      source: { ...source, writeLab: (path, options) => (fail ? Promise.reject(new Error('ENOSPC')) : source.writeLab(path, options)) },
      onError: (_e, first) => firsts.push(first)
    })
    await a.begin()
    fail = true
    await a.saveNow()
    await a.saveNow()
    fail = false
    await a.saveNow()
    fail = true
    await a.saveNow()
    expect(firsts).toEqual([true, false, true])
  })
})
