import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Autosave, AUTOSAVE_FILE, SESSION_MARKER } from '../../electron/autosave'
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
  return { dir, api, exports: () => exports }
}

describe('Autosave', () => {
  it('has nothing to recover on a first start', async () => {
    const { dir, api } = setup()
    expect(await new Autosave({ dir, api }).findRecoverable()).toBeNull()
  })

  it('saves once after a burst of changes (debounced)', async () => {
    const { dir, api, exports } = setup()
    const a = new Autosave({ dir, api, delayMs: 30 })
    await a.begin()
    await api.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await api.runCommand({ op: 'host.add', name: 'esx-02', cluster: 'c1' })
    await api.rewind(1)
    expect(exports()).toBe(0)
    await wait(80)
    await a.end()
    expect(exports()).toBe(1)
    expect(JSON.parse(readFileSync(join(dir, AUTOSAVE_FILE), 'utf8'))).toEqual({ labId: 'lab-1', events: 2 })
  })

  it('does not save for file pushes (saving is not a change)', async () => {
    const { dir, api, exports } = setup()
    const a = new Autosave({ dir, api, delayMs: 10 })
    await a.begin()
    await api.saveLab({ path: join(dir, 'x.kflab') })
    await wait(40)
    expect(exports()).toBe(0)
    await a.end()
  })

  it('offers the autosaved lab after an unclean exit, and not after a clean one', async () => {
    const { dir, api } = setup()
    const crashed = new Autosave({ dir, api, delayMs: 5 })
    await crashed.begin()
    await api.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await wait(30)
    // No end(): the process "died" here.
    const next = new Autosave({ dir, api, delayMs: 5 })
    const found = await next.findRecoverable()
    expect(found?.path).toBe(join(dir, AUTOSAVE_FILE))
    expect(JSON.parse(found!.text)).toEqual({ labId: 'lab-1', events: 1 })
    expect(found!.savedAt).toBeInstanceOf(Date)

    await next.begin()
    await next.end()
    expect(existsSync(join(dir, SESSION_MARKER))).toBe(false)
    expect(await new Autosave({ dir, api }).findRecoverable()).toBeNull()
  })

  it('flushes a pending save on a clean end', async () => {
    const { dir, api, exports } = setup()
    const a = new Autosave({ dir, api, delayMs: 60_000 })
    await a.begin()
    await api.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await a.end()
    expect(exports()).toBe(1)
    expect(existsSync(join(dir, AUTOSAVE_FILE))).toBe(true)
  })

  it('reports a failed save instead of throwing', async () => {
    const { api } = setup()
    const errors: unknown[] = []
    const a = new Autosave({ dir: join(tmpdir(), 'kf-no-such-dir', String(Date.now())), api, onError: (e) => errors.push(e) })
    await a.saveNow()
    expect(errors).toHaveLength(1)
  })
})
