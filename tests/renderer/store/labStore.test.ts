import { describe, expect, it } from 'vitest'
import { createLabStore } from '../../../renderer/src/store/labStore'
import { ScriptedLabApi } from '../../helpers/scriptedLabApi'

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('the window store', () => {
  it('loads the timeline when started', async () => {
    const api = new ScriptedLabApi()
    const store = createLabStore(api)
    expect(store.getState().status).toBe('connecting')
    const stop = store.getState().actions.start()
    await settle()
    expect(store.getState().status).toBe('ready')
    expect(Object.keys(store.getState().timeline!.views)).toEqual(['lab', 'vcenter'])
    stop()
    expect(api.listeners.size).toBe(0)
  })

  it('runs a command and mirrors the pushed events and the new component', async () => {
    const api = new ScriptedLabApi()
    const store = createLabStore(api)
    store.getState().actions.start()
    await settle()
    const result = await store.getState().actions.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    const s = store.getState()
    expect(result?.fault).toBeNull()
    expect(s.lastRun).toEqual({ command: { op: 'host.add', name: 'esx-01', cluster: 'c1' }, result, error: null })
    expect(s.timeline!.views['host:esx-01']).toEqual({ id: 'host:esx-01', kind: 'host', name: 'esx-01', cluster: 'c1' })
    expect(s.timeline!.events.map((e) => e.text)).toEqual(['ran host.add for esx-01'])
    expect(s.running).toBe(0)
  })

  it('keeps pushes that arrive while the timeline loads, without doubling events', async () => {
    const api = new ScriptedLabApi()
    let open!: () => void
    api.gate = new Promise((r) => (open = r))
    const store = createLabStore(api)
    store.getState().actions.start()
    // The host changes after the window asked for the timeline but before the answer came.
    await api.runCommand({ op: 'host.add', name: 'early', cluster: 'c1' })
    open()
    await settle()
    await settle()
    const t = store.getState().timeline!
    expect(t.events.map((e) => e.seq)).toEqual([1])
    expect(t.views['host:early']).toBeDefined()
  })

  it('reloads when the host says the history was replaced', async () => {
    const api = new ScriptedLabApi()
    const store = createLabStore(api)
    store.getState().actions.start()
    await settle()
    await store.getState().actions.runCommand({ op: 'host.add', name: 'a', cluster: 'c' })
    await api.newLab({})
    await settle()
    const t = store.getState().timeline!
    expect(t.labId).toBe('lab-2')
    expect(t.events).toEqual([])
    expect(api.calls.filter((c) => c.method === 'getTimeline')).toHaveLength(2)
  })

  it('shows a failed load and a failed command as messages', async () => {
    const api = new ScriptedLabApi()
    api.getTimeline = () => Promise.reject(new Error('the connection to the lab host closed'))
    api.runCommand = () => Promise.reject(new Error('runCommand: the host is gone'))
    const store = createLabStore(api)
    store.getState().actions.start()
    await settle()
    expect(store.getState().status).toBe('error')
    expect(store.getState().error).toBe('The lab could not be loaded: the connection to the lab host closed')
    expect(await store.getState().actions.runCommand({ op: 'vcenter.stop' })).toBeNull()
    expect(store.getState().lastRun?.error).toBe('runCommand: the host is gone')
  })

  it('updates the file info from file pushes and moves the cursor', async () => {
    const api = new ScriptedLabApi()
    const store = createLabStore(api)
    store.getState().actions.start()
    await settle()
    await store.getState().actions.runCommand({ op: 'host.add', name: 'a', cluster: 'c' })
    await api.saveLab({ path: '/labs/demo.kflab' })
    expect(store.getState().timeline!.file).toEqual({ path: '/labs/demo.kflab', name: 'demo.kflab', dirty: false })
    store.getState().actions.setCursor(0)
    expect(store.getState().timeline!.views['host:a']).toBeUndefined()
    store.getState().actions.setCursor(1)
    expect(store.getState().timeline!.views['host:a']).toBeDefined()
  })
})
