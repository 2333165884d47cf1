import { describe, expect, it } from 'vitest'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import type { FaultInfo } from '../../../shared/lab/faults'
import type { Scenario } from '../../../shared/scenarios'
import { LabApiError } from '../../../shared/api/client'
import { connectionClosedError } from '../../../renderer/src/api/wsLabApi'
import { FLIGHT_MS } from '../../../renderer/src/playback/clock'
import { SHOW_ALL } from '../../../renderer/src/playback/filters'
import { noticeText } from '../../../renderer/src/shell/noticeText'
import { checkFor } from '../../../renderer/src/store/checks'
import { createLabStore, type LabStoreOptions } from '../../../renderer/src/store/labStore'
import type { Settings } from '../../../renderer/src/store/settings'
import { FakeScheduler } from '../../helpers/fakeScheduler'
import { ScriptedLabApi } from '../../helpers/scriptedLabApi'

const settle = () => new Promise((r) => setTimeout(r, 0))

async function started(api = new ScriptedLabApi(), options: LabStoreOptions = {}) {
  const scheduler = new FakeScheduler()
  const store = createLabStore(api, { scheduler, ...options })
  const stop = store.getState().actions.start()
  await settle()
  return { api, store, scheduler, stop, actions: store.getState().actions }
}

const addHost = (name: string): LabCommand => ({ op: 'host.add', name, cluster: 'c1' })

describe('the window store', () => {
  it('loads a recent window of the timeline when started, and stops listening when stopped', async () => {
    const api = new ScriptedLabApi()
    const store = createLabStore(api, { scheduler: new FakeScheduler(), recent: 500 })
    expect(store.getState().status).toBe('connecting')
    const stop = store.getState().actions.start()
    await settle()
    expect(store.getState().status).toBe('ready')
    expect(api.calls).toEqual([{ method: 'getTimeline', args: [{ recent: 500 }] }])
    expect(Object.keys(store.getState().timeline!.views)).toEqual(['lab', 'vcenter'])
    stop()
    expect(api.listeners.size).toBe(0)
  })

  it('plays a new command from where it starts: the state changes as each token lands', async () => {
    const { store, scheduler, actions } = await started()
    const result = await actions.runCommand(addHost('esx-01'))
    expect(result?.fault).toBeNull()
    let s = store.getState()
    expect(s.lastRun).toEqual({ command: addHost('esx-01'), result, error: null })
    expect(s.timeline!.live['host:esx-01']).toBeDefined()
    // in flight: not there yet
    expect(s.clock.flights.map((f) => f.seq)).toEqual([1])
    expect(s.timeline!.views['host:esx-01']).toBeUndefined()
    scheduler.advance(FLIGHT_MS)
    s = store.getState()
    expect(s.timeline!.cursor).toBe(1)
    expect(s.timeline!.views['host:esx-01']).toEqual({ id: 'host:esx-01', kind: 'host', name: 'esx-01', cluster: 'c1' })
    expect(s.clock.playing).toBe(false)
    expect(s.running).toBe(0)
    expect(s.notices.at(-1)).toMatchObject({ kind: 'ok', key: 'notice.ran', params: { first: 1, last: 1 }, keyParams: { op: 'op.host.add' } })
  })

  it('plays commands run in quick succession one after the other, and jumps to a new command when paused in the past', async () => {
    const { store, scheduler, actions } = await started()
    await actions.runCommand(addHost('a'))
    await actions.runCommand(addHost('b'))
    // still on the first: the second waits its turn
    expect(store.getState().clock.flights.map((f) => f.seq)).toEqual([1])
    scheduler.advance(FLIGHT_MS)
    expect(store.getState().timeline!.cursor).toBe(1)
    expect(store.getState().clock.flights.map((f) => f.seq)).toEqual([2])
    scheduler.advance(FLIGHT_MS)
    expect(store.getState().timeline!.cursor).toBe(2)
    // looking at the start, paused: a new command plays from where it starts
    actions.setCursor(0)
    await actions.runCommand(addHost('c'))
    expect(store.getState().timeline!.cursor).toBe(2)
    expect(store.getState().clock.flights.map((f) => f.seq)).toEqual([3])
  })

  it('jumps to the end instead when new commands are not to be played', async () => {
    const { store, actions } = await started()
    actions.setSettings({ autoPlay: false })
    await actions.runCommand(addHost('esx-01'))
    expect(store.getState().timeline!.cursor).toBe(1)
    expect(store.getState().clock.flights).toEqual([])
  })

  it('steps back and forth, restoring the earlier state and the later one', async () => {
    const { store, scheduler, actions } = await started()
    actions.setSettings({ autoPlay: false })
    await actions.runCommand(addHost('a'))
    await actions.runCommand(addHost('b'))
    expect(store.getState().timeline!.cursor).toBe(2)
    await actions.stepBack()
    expect(store.getState().timeline!.views['host:b']).toBeUndefined()
    expect(store.getState().timeline!.views['host:a']).toBeDefined()
    await actions.stepBack()
    expect(store.getState().timeline!.views['host:a']).toBeUndefined()
    actions.stepForward()
    scheduler.advance(FLIGHT_MS)
    expect(store.getState().timeline!.views['host:a']).toBeDefined()
    expect(store.getState().timeline!.views['host:b']).toBeUndefined()
    actions.toEnd()
    expect(store.getState().timeline!.views['host:b']).toBeDefined()
    await actions.reset()
    expect(store.getState().timeline!.cursor).toBe(0)
  })

  it('fetches older history when stepping back past the loaded window', async () => {
    const api = new ScriptedLabApi()
    for (const n of ['a', 'b', 'c']) await api.runCommand(addHost(n))
    const { store, actions } = await started(api, { recent: 1 })
    expect(store.getState().timeline!.baseSeq).toBe(2)
    await actions.stepBack()
    expect(store.getState().timeline!.cursor).toBe(2)
    await actions.stepBack()
    const t = store.getState().timeline!
    expect(api.calls.filter((c) => c.method === 'getHistory')).toEqual([{ method: 'getHistory', args: [0, 2] }])
    expect(t.baseSeq).toBe(0)
    expect(t.cursor).toBe(1)
    expect(Object.keys(t.views).filter((k) => k.startsWith('host:'))).toEqual(['host:a'])
  })

  it('plays only the events the filter shows', async () => {
    const { store, scheduler, actions } = await started()
    actions.setSettings({ autoPlay: false })
    for (const n of ['a', 'b', 'c']) await actions.runCommand(addHost(n))
    await actions.reset()
    actions.setFilter({ ...SHOW_ALL, components: ['host:c'] })
    expect(store.getState().visible).toEqual([3])
    actions.play()
    scheduler.advance(FLIGHT_MS)
    // the hidden events landed with the visible one
    expect(store.getState().timeline!.cursor).toBe(3)
    expect(store.getState().clock.playing).toBe(false)
  })

  it('asks the core about many commands in one batch and keeps the answers until the lab changes', async () => {
    const api = new ScriptedLabApi()
    const batches: LabCommand[][] = []
    api.checkCommands = async (commands) => {
      batches.push(commands)
      return commands.map((c): FaultInfo | null => (c.op === 'vm.powerOn' ? { fault: 'NotFound', message: { id: 'fault.notFound', params: {} }, text: 'no such VM' } : null))
    }
    const { store, actions } = await started(api)
    const on: LabCommand = { op: 'vm.powerOn', name: 'x' }
    actions.requestChecks([on, addHost('a')])
    actions.requestChecks([addHost('a'), { op: 'vcenter.stop' }])
    await settle()
    expect(batches).toHaveLength(1)
    expect(batches[0]).toHaveLength(3)
    expect(checkFor(store.getState().checks, on)).toMatchObject({ known: true, result: { fault: 'NotFound' } })
    // the lab moves on: the answer is stale (still shown) until asked again
    actions.setSettings({ autoPlay: false })
    await actions.runCommand(addHost('b'))
    actions.requestChecks([on])
    expect(checkFor(store.getState().checks, on)).toMatchObject({ known: false, result: { fault: 'NotFound' } })
    await settle()
    expect(batches).toHaveLength(2)
    expect(checkFor(store.getState().checks, on).known).toBe(true)
  })

  it('keeps pushes that arrive while the timeline loads, without doubling events', async () => {
    const api = new ScriptedLabApi()
    let open!: () => void
    api.gate = new Promise((r) => (open = r))
    const store = createLabStore(api, { scheduler: new FakeScheduler() })
    store.getState().actions.start()
    // The host changes after the window asked for the timeline but before the answer came.
    await api.runCommand(addHost('early'))
    open()
    await settle()
    await settle()
    const t = store.getState().timeline!
    expect(t.events.map((e) => e.seq)).toEqual([1])
    expect(t.live['host:early']).toBeDefined()
  })

  it('reloads when the host says the history was replaced, and forgets the old selection', async () => {
    const { api, store, actions } = await started()
    await actions.runCommand(addHost('a'))
    actions.selectComponent('host:a')
    await api.newLab({})
    await settle()
    const s = store.getState()
    expect(s.timeline!.labId).toBe('lab-2')
    expect(s.timeline!.events).toEqual([])
    expect(s.selection.component).toBeNull()
    expect(api.calls.filter((c) => c.method === 'getTimeline')).toHaveLength(2)
  })

  it('shows a failed load and a failed command as messages', async () => {
    const api = new ScriptedLabApi()
    api.getTimeline = () => Promise.reject(new Error('getTimeline: the host is gone'))
    api.runCommand = () => Promise.reject(new Error('runCommand: the host is gone'))
    const { store, actions } = await started(api)
    expect(store.getState().status).toBe('error')
    expect(noticeText(store.getState().error!, 'en')).toBe('The lab could not be loaded. getTimeline: the host is gone.')
    expect(await actions.runCommand({ op: 'vcenter.stop' })).toBeNull()
    expect(store.getState().lastRun?.error).toBe('runCommand: the host is gone')
    expect(store.getState().notices.at(-1)).toMatchObject({ kind: 'error', text: 'runCommand: the host is gone' })
  })

  it('tells a lost connection in the language chosen when it is shown, for a load and for a command', async () => {
    const api = new ScriptedLabApi()
    const lost = () => Promise.reject(new LabApiError(connectionClosedError(1006)))
    api.getTimeline = lost
    api.runCommand = lost
    const { store, actions } = await started(api, { defaultLanguage: 'de' })
    const shown = () => noticeText(store.getState().error!, store.getState().settings.language)
    expect(shown()).toBe(
      'Das Labor konnte nicht geladen werden. Die Verbindung zum Labor-Host wurde abgelehnt oder ist abgebrochen. Prüfen Sie, ob der Labor-Host läuft, und laden Sie die Seite dann neu.'
    )
    actions.setSettings({ language: 'en' })
    expect(shown()).toBe(
      'The lab could not be loaded. The connection to the lab host was refused or broke off. Check that the lab host is running, then reload the page.'
    )
    expect(await actions.runCommand({ op: 'vcenter.stop' })).toBeNull()
    const notice = store.getState().notices.at(-1)!
    expect(notice).toMatchObject({ kind: 'error', message: { id: 'labHost.connectionLost' } })
    expect(noticeText(notice, 'de')).toMatch(/^Die Verbindung zum Labor-Host wurde abgelehnt/)
    // Every call is refused alike: the window says it once, not once per click.
    expect(await actions.runCommand({ op: 'vcenter.start' })).toBeNull()
    expect(store.getState().notices.filter((n) => n.message?.id === 'labHost.connectionLost')).toHaveLength(1)
    expect(store.getState().notices.at(-1)!.id).toBeGreaterThan(notice.id)
  })

  it('tells a history with gaps from the host as the window’s own sentence, not as a programmer’s', async () => {
    const api = new ScriptedLabApi()
    await api.runCommand(addHost('a'))
    const whole = await api.getTimeline()
    expect(whole.events.length).toBeGreaterThan(0)
    api.getTimeline = () => Promise.resolve({ ...whole, events: whole.events.map((e) => ({ ...e, seq: e.seq + 1 })) })
    const { store } = await started(api, { defaultLanguage: 'de' })
    expect(noticeText(store.getState().error!, 'de')).toBe(
      'Das Labor konnte nicht geladen werden. Der Labor-Host hat einen Verlauf mit Lücken zwischen den Ereignissen gesendet. Laden Sie die Seite neu.'
    )
  })

  it('updates the file info from file pushes, and selecting an event moves the cursor there', async () => {
    const { api, store, actions } = await started()
    actions.setSettings({ autoPlay: false })
    await actions.runCommand(addHost('a'))
    await api.saveLab({ path: '/labs/demo.kflab' })
    expect(store.getState().timeline!.file).toEqual({ path: '/labs/demo.kflab', name: 'demo.kflab', dirty: false })
    actions.setCursor(0)
    expect(store.getState().timeline!.views['host:a']).toBeUndefined()
    actions.selectEvent(1)
    expect(store.getState().timeline!.views['host:a']).toBeDefined()
    expect(store.getState().selection).toEqual({ component: null, event: 1, tab: 'events' })
  })

  it('says what the host does with a chosen lab file while it works, in the busy status', async () => {
    const { api, store } = await started()
    const { labId } = store.getState().timeline!
    api.emit({ type: 'fileWork', labId, work: 'opening' })
    expect(store.getState().busy).toBe('busy.opening')
    api.emit({ type: 'fileWork', labId, work: null })
    expect(store.getState().busy).toBeNull()
    api.emit({ type: 'fileWork', labId, work: 'saving' })
    expect(store.getState().busy).toBe('busy.saving')
    // The timeline takes no notice of it.
    expect(store.getState().timeline!.labId).toBe(labId)
  })

  it('loads a lesson: a seeded new lab, every step run, then back at the start, paused', async () => {
    const { api, store, actions } = await started()
    const lesson: Scenario = {
      id: 'demo',
      title: { en: 'Demo', de: 'Demo' },
      lesson: { en: 'x', de: 'x' },
      script: { seed: 42, steps: [addHost('a'), addHost('b')] },
      refusedSteps: []
    }
    await actions.loadScenario(lesson)
    const s = store.getState()
    expect(api.calls.find((c) => c.method === 'newLab')).toEqual({ method: 'newLab', args: [{ seed: 42 }] })
    expect(s.scenario).toEqual({ id: 'demo', mode: 'watch', commandIndex: [0, 1], unexpected: [] })
    expect(s.timeline!.cursor).toBe(0)
    expect(s.clock.playing).toBe(false)
    expect(s.busy).toBeNull()
  })

  const threeSteps: Scenario = {
    id: 'demo',
    title: { en: 'Demo', de: 'Demo' },
    lesson: { en: 'x', de: 'x' },
    script: { seed: 42, steps: [addHost('a'), addHost('b'), addHost('c')] },
    refusedSteps: []
  }

  it('starts a lesson by hand: a new lab with the lesson’s seed, nothing run, the lesson tab open', async () => {
    const { api, store, actions } = await started()
    await actions.runCommand(addHost('old'))
    // The lab has an unsaved change: the window asks first, and the person lets it go.
    const starting = actions.startLessonByHand(threeSteps)
    await settle()
    expect(store.getState().ui.replaceAsk).toBe(true)
    actions.answerReplace('discard')
    await starting
    const s = store.getState()
    expect(api.calls.filter((c) => c.method === 'newLab')).toEqual([{ method: 'newLab', args: [{ seed: 42 }] }])
    expect(api.calls.filter((c) => c.method === 'runCommand')).toHaveLength(1)
    expect(s.scenario).toEqual({ id: 'demo', mode: 'byHand', commandIndex: [null, null, null], unexpected: [] })
    expect(s.selection.tab).toBe('lesson')
    expect(s.timeline!.events).toEqual([])
    expect(s.busy).toBeNull()
    // the script is not there to step through
    actions.nextLessonStep()
    expect(store.getState().clock.playing).toBe(false)
    expect(store.getState().timeline!.cursor).toBe(0)
  })

  it('plays the next script step and pauses at its end; a click while one plays goes on to the one after', async () => {
    const { store, scheduler, actions } = await started()
    await actions.loadScenario(threeSteps)
    actions.nextLessonStep()
    expect(store.getState().clock.playing).toBe(true)
    scheduler.advance(FLIGHT_MS)
    expect(store.getState().timeline!.cursor).toBe(1)
    expect(store.getState().clock.playing).toBe(false)
    actions.nextLessonStep()
    actions.nextLessonStep()
    scheduler.advance(10 * FLIGHT_MS)
    expect(store.getState().timeline!.cursor).toBe(3)
    expect(store.getState().clock.playing).toBe(false)
    // through the script: nothing more to play
    actions.nextLessonStep()
    expect(store.getState().clock.playing).toBe(false)
  })

  it('jumps to the end of the next step when the filter hides all its events', async () => {
    const { store, actions } = await started()
    await actions.loadScenario(threeSteps)
    actions.setFilter({ ...SHOW_ALL, groups: SHOW_ALL.groups.filter((g) => g !== 'states') })
    actions.nextLessonStep()
    expect(store.getState().timeline!.cursor).toBe(1)
    expect(store.getState().clock.playing).toBe(false)
  })

  it('keeps settings in its storage and ignores values it does not know', async () => {
    let saved: Settings | null = null
    const { store, actions } = await started(new ScriptedLabApi(), {
      settings: { load: () => ({ language: 'de', theme: 'neon', presenter: true }), save: (s) => (saved = s) }
    })
    expect(store.getState().settings).toMatchObject({ language: 'de', theme: 'system', presenter: true })
    actions.setSettings({ theme: 'dark' })
    expect(saved).toMatchObject({ language: 'de', theme: 'dark' })
  })

  it('marks checkpoints and jumps to them', async () => {
    const { store, actions } = await started()
    actions.setSettings({ autoPlay: false })
    await actions.runCommand(addHost('a'))
    await actions.runCommand(addHost('b'))
    actions.addCheckpoint(1)
    actions.addCheckpoint()
    expect(store.getState().checkpoints).toEqual([1, 2])
    await actions.gotoCheckpoint(0)
    expect(store.getState().timeline!.cursor).toBe(1)
    actions.removeCheckpoint(1)
    expect(store.getState().checkpoints).toEqual([2])
  })
})
