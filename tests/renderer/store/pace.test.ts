// The store at story pace, undo/redo and the question before a lab with unsaved changes is replaced, against a real
// lab host (story steps need the lab's real events).

import { describe, expect, it } from 'vitest'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import { FLIGHT_MS } from '../../../renderer/src/playback/clock'
import { createLabStore } from '../../../renderer/src/store/labStore'
import { lastSeq } from '../../../renderer/src/store/loadedTimeline'
import { FakeScheduler } from '../../helpers/fakeScheduler'
import { trustedCommands } from '../../helpers/lab'
import { labHostWith } from '../../helpers/labHost'
import { ScriptedLabApi } from '../../helpers/scriptedLabApi'

const settle = () => new Promise((r) => setTimeout(r, 0))

const trusted: LabCommand[] = [...trustedCommands(), { op: 'vm.create', name: 'vm1', host: 'esx-01', diskMiB: 0.0625 }]

async function storeOn(api: Parameters<typeof createLabStore>[0]) {
  const scheduler = new FakeScheduler()
  const store = createLabStore(api, { scheduler })
  store.getState().actions.start()
  await settle()
  return { store, scheduler, actions: store.getState().actions }
}

describe('story pace', () => {
  it('plays Encrypt VM in at most 12 steps, landing on the state after each step, and wire pace shows every message', async () => {
    const host = await labHostWith(7, trusted)
    const { store, scheduler, actions } = await storeOn(host)
    expect(store.getState().pace).toBe('story')
    const result = (await actions.runCommand({ op: 'vm.encrypt', name: 'vm1' }))!
    await settle()
    const messages = result.lastSeq - result.firstSeq + 1
    const steps = store.getState().visible.filter((s) => s >= result.firstSeq)
    expect(messages).toBeGreaterThan(60)
    expect(steps.length).toBeLessThanOrEqual(12)
    expect(steps.at(-1)).toBe(result.lastSeq)
    // One token per step: the whole command has played after as many flights as steps.
    const landed: number[] = []
    for (let i = 0; i < steps.length; i++) {
      scheduler.advance(FLIGHT_MS)
      landed.push(store.getState().timeline!.cursor)
    }
    expect(landed).toEqual(steps)

    actions.setPace('wire')
    expect(store.getState().visible.filter((s) => s >= result.firstSeq)).toHaveLength(messages)
  })

  it('finishes the command in progress with one action, also while it plays', async () => {
    const host = await labHostWith(8, trusted)
    const { store, scheduler, actions } = await storeOn(host)
    actions.setPace('wire')
    const result = (await actions.runCommand({ op: 'vm.encrypt', name: 'vm1' }))!
    await settle()
    scheduler.advance(FLIGHT_MS * 2)
    expect(store.getState().clock.playing).toBe(true)
    actions.finishCommand()
    const s = store.getState()
    expect(s.timeline!.cursor).toBe(result.lastSeq)
    expect(s.clock.flights).toHaveLength(0)
  })
})

describe('undo and redo from the window', () => {
  it('takes back the last command and restores it while nothing new ran', async () => {
    const host = await labHostWith(9, trusted)
    const { store, actions } = await storeOn(host)
    const end = lastSeq(store.getState().timeline!)
    const before = store.getState().timeline!.commands.length
    await actions.undo()
    await settle()
    let t = store.getState().timeline!
    expect(t.commands).toHaveLength(before - 1)
    expect(t.undone).toBe(1)
    await actions.redo()
    await settle()
    t = store.getState().timeline!
    expect(t.commands).toHaveLength(before)
    expect(lastSeq(t)).toBe(end)
    expect(t.undone).toBe(0)
  })
})

describe('a lab with unsaved changes', () => {
  it('is not replaced without asking: keep, save first or discard', async () => {
    const api = new ScriptedLabApi()
    const { store, actions } = await storeOn(api)
    // Nothing to lose yet: no question.
    await actions.newLab(1)
    await settle()
    expect(api.calls.filter((c) => c.method === 'newLab')).toHaveLength(1)

    await actions.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await settle()
    expect(store.getState().timeline!.file.dirty).toBe(true)

    const kept = actions.newLab(2)
    await settle()
    expect(store.getState().ui.replaceAsk).toBe(true)
    actions.answerReplace('cancel')
    await kept
    expect(store.getState().ui.replaceAsk).toBe(false)
    expect(api.calls.filter((c) => c.method === 'newLab')).toHaveLength(1)

    // Saving failed (no file chosen): the question stays, and the lab stays until the person decides.
    const unsaved = actions.openLab()
    await settle()
    actions.answerReplace('save')
    await settle()
    await settle()
    expect(api.calls.at(-1)?.method).toBe('saveLab')
    expect(store.getState().ui.replaceAsk).toBe(true)
    actions.answerReplace('cancel')
    expect(await unsaved).toBeNull()
    expect(api.calls.filter((c) => c.method === 'openLab')).toHaveLength(0)

    api.file = { ...api.file, dirty: true }
    await actions.reload()
    const discarded = actions.newLab(3)
    await settle()
    actions.answerReplace('discard')
    await discarded
    expect(api.calls.filter((c) => c.method === 'newLab')).toHaveLength(2)
    expect(api.calls.filter((c) => c.method === 'saveLab')).toHaveLength(1)
  })
})
