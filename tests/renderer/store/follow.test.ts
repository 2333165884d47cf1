import { describe, expect, it } from 'vitest'
import type { ShownStep } from '../../../shared/api/sharing'
import { publishShownSteps, SHOWN_INTERVAL_MS } from '../../../renderer/src/store/follow'
import { noticeText } from '../../../renderer/src/shell/noticeText'
import { createLabStore } from '../../../renderer/src/store/labStore'
import { FakeScheduler } from '../../helpers/fakeScheduler'
import { ScriptedLabApi } from '../../helpers/scriptedLabApi'

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('publishShownSteps (presenter)', () => {
  it('sends a changed step at once, then at most once per interval, always ending on the latest', async () => {
    const scheduler = new FakeScheduler()
    let step: ShownStep = { labId: 'a', seq: 0 }
    const listeners = new Set<() => void>()
    const sent: number[] = []
    const change = (seq: number) => {
      step = { labId: 'a', seq }
      for (const l of listeners) l()
    }
    publishShownSteps(
      () => step,
      (l) => (listeners.add(l), () => listeners.delete(l)),
      async (s) => void sent.push(s.seq),
      scheduler
    )
    expect(sent).toEqual([0])
    change(0)
    expect(sent).toEqual([0])
    scheduler.advance(SHOWN_INTERVAL_MS)
    change(1)
    change(2)
    change(3)
    expect(sent).toEqual([0, 1])
    scheduler.advance(SHOWN_INTERVAL_MS)
    expect(sent).toEqual([0, 1, 3])
  })

  it('stops for good when the host does not offer follow along', async () => {
    const scheduler = new FakeScheduler()
    const listeners = new Set<() => void>()
    let seq = 0
    let calls = 0
    publishShownSteps(
      () => ({ labId: 'a', seq }),
      (l) => (listeners.add(l), () => listeners.delete(l)),
      async () => {
        calls++
        throw new Error('showStep: this lab host does not offer it')
      },
      scheduler
    )
    await settle()
    expect(listeners.size).toBe(0)
    seq = 5
    scheduler.advance(SHOWN_INTERVAL_MS)
    expect(calls).toBe(1)
  })
})

describe('the store of a viewer window', () => {
  async function viewer() {
    const api = new ScriptedLabApi()
    for (const name of ['esx-01', 'esx-02', 'esx-03']) await api.runCommand({ op: 'host.add', name, cluster: 'c1' })
    const store = createLabStore(api, { scheduler: new FakeScheduler(), role: 'viewer' })
    store.getState().actions.start()
    await settle()
    return { api, store, end: api.events.length }
  }

  it('goes to the step the presenter shows, waits for steps it does not have yet, and never publishes', async () => {
    const { api, store, end } = await viewer()
    expect(store.getState().follow).toMatchObject({ role: 'viewer', following: true })
    api.emit({ type: 'shown', labId: api.labId, seq: 1 })
    expect(store.getState().timeline!.cursor).toBe(1)
    // A step beyond the viewer's events: it goes there once they arrive.
    api.emit({ type: 'shown', labId: api.labId, seq: end + 1 })
    expect(store.getState().timeline!.cursor).toBe(1)
    await api.runCommand({ op: 'host.add', name: 'esx-04', cluster: 'c1' })
    expect(store.getState().timeline!.cursor).toBe(end + 1)
    expect(api.calls.map((c) => c.method)).not.toContain('showStep')
  })

  it('stops following when the viewer steps on their own, and catches up on rejoining', async () => {
    const { api, store } = await viewer()
    api.emit({ type: 'shown', labId: api.labId, seq: 2 })
    store.getState().actions.stepBack()
    await settle()
    expect(store.getState().follow.following).toBe(false)
    const mine = store.getState().timeline!.cursor
    expect(mine).toBeLessThan(2)
    api.emit({ type: 'shown', labId: api.labId, seq: 3 })
    expect(store.getState().timeline!.cursor).toBe(mine)
    // Inspecting a component is not stepping: still where the viewer was.
    store.getState().actions.selectComponent('vcenter')
    expect(store.getState().timeline!.cursor).toBe(mine)
    store.getState().actions.followPresenter()
    expect(store.getState().follow.following).toBe(true)
    expect(store.getState().timeline!.cursor).toBe(3)
  })

  it('says why the connection closed', async () => {
    const { api, store } = await viewer()
    api.emit({ type: 'closed', code: 4000, reason: 'the presenter stopped sharing' })
    expect(store.getState().follow.closed).toEqual({ code: 4000, reason: 'the presenter stopped sharing' })
    // The viewer bar says it; no notice on top of it.
    expect(store.getState().notices).toEqual([])
  })
})

describe('the store of a presenter window', () => {
  it('tells at once, in the chosen language, that the connection to the lab host broke off', async () => {
    const api = new ScriptedLabApi()
    const store = createLabStore(api, { scheduler: new FakeScheduler(), defaultLanguage: 'de' })
    store.getState().actions.start()
    await settle()
    api.emit({ type: 'closed', code: 1006, reason: '' })
    const notice = store.getState().notices.at(-1)!
    expect(notice).toMatchObject({ kind: 'error', message: { id: 'labHost.connectionLost' } })
    expect(noticeText(notice, store.getState().settings.language)).toMatch(/^Die Verbindung zum Labor-Host wurde abgelehnt oder ist abgebrochen\./)
  })

  it('reports the step it shows to a host that offers follow along, and shows the sharing status', async () => {
    const api = new ScriptedLabApi()
    const shown: ShownStep[] = []
    const status = { viewerUrl: null, qrSvg: null, address: null, viewers: 0, maxViewers: 60, addresses: [] }
    Object.assign(api, { showStep: async (s: ShownStep) => void shown.push(s), getSharing: async () => status })
    const store = createLabStore(api, { scheduler: new FakeScheduler() })
    store.getState().actions.start()
    await settle()
    expect(shown).toEqual([{ labId: api.labId, seq: 0 }])
    expect(store.getState().sharing).toEqual(status)
    api.emit({ type: 'sharing', status: { ...status, viewers: 3 }, open: true })
    expect(store.getState().sharing?.viewers).toBe(3)
    expect(store.getState().sharePanel).toBe(true)
    // A presenter never follows anyone.
    api.emit({ type: 'shown', labId: api.labId, seq: 0 })
    expect(store.getState().follow.role).toBe('presenter')
  })
})
