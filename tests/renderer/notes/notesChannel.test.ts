// The presenter's notes view follows the presenter's window over a BroadcastChannel: snapshots of a real lesson
// (the step now, the next, the lesson's notes with their objectives), sent on change and to a view that says hello.

import { describe, expect, it } from 'vitest'
import { scenarios } from '../../../shared/scenarios'
import { notesOf } from '../../../shared/scenarios/presenterNotes'
import { followNotes, isNotesPage, notesUrl, publishNotes, type NotesMessage, type NotesPort } from '../../../renderer/src/notes/notesChannel'
import { isNotesSnapshot, notesSnapshot, type NotesSnapshot } from '../../../renderer/src/notes/notesSnapshot'
import { createLabStore } from '../../../renderer/src/store/labStore'
import { FakeScheduler } from '../../helpers/fakeScheduler'
import { FLIGHT_MS } from '../../../renderer/src/playback/clock'
import { labHostWith } from '../../helpers/labHost'

const settle = () => new Promise((r) => setTimeout(r, 0))

/** Two ends of one channel, delivering synchronously (a BroadcastChannel never echoes to its sender). */
function channelPair(): [NotesPort, NotesPort] {
  const listeners: Set<(e: { data: unknown }) => void>[] = [new Set(), new Set()]
  const end = (me: number): NotesPort => ({
    postMessage: (m: NotesMessage) => {
      for (const l of listeners[1 - me]) l({ data: structuredClone(m) })
    },
    addEventListener: (_t, l) => void listeners[me].add(l),
    removeEventListener: (_t, l) => void listeners[me].delete(l)
  })
  return [end(0), end(1)]
}

const manualTimers = () => {
  const pending: (() => void)[] = []
  return { setTimeout: (f: () => void) => pending.push(f), clearTimeout: () => {}, flush: () => pending.splice(0).forEach((f) => f()) }
}

async function lessonStore() {
  const scenario = scenarios.find((s) => s.id === 'first-encrypted-vm')!
  const host = await labHostWith(7, [])
  const scheduler = new FakeScheduler()
  const store = createLabStore(host, { scheduler })
  store.getState().actions.start()
  await settle()
  await store.getState().actions.loadScenario(scenario)
  await settle()
  return { store, scenario, scheduler }
}

describe('the notes snapshot', () => {
  it('numbers the step it tells: while an event is in the air, that event, as the window’s step counter does', async () => {
    const { store, scheduler } = await lessonStore()
    store.getState().actions.stepForward()
    scheduler.advance(FLIGHT_MS / 2)
    const s = store.getState()
    expect(s.clock.flights).toHaveLength(1)
    const inAir = notesSnapshot(s)!
    expect(inAir.now?.seq).toBe(s.visible[0])
    expect(inAir.position.n).toBe(1)
    scheduler.advance(FLIGHT_MS)
    const landed = notesSnapshot(store.getState())!
    expect(store.getState().clock.flights).toHaveLength(0)
    expect(landed.now?.seq).toBe(inAir.now?.seq)
    expect(landed.position.n).toBe(1)
  })

  it('tells the step now and the next, the lesson, its next script step and every note with its objective', async () => {
    const { store, scenario } = await lessonStore()
    const atStart = notesSnapshot(store.getState())!
    expect(atStart.now).toBeNull()
    expect(atStart.position.n).toBe(0)
    expect(atStart.next?.text).toMatch(/kms-1/)
    expect(atStart.lesson?.title).toBe(scenario.title.en)
    expect(atStart.lesson?.script).toEqual({ n: 0, total: scenario.script.steps.length })
    expect(atStart.lesson?.nextCommand).toMatch(/^Add KMS server/)
    expect(atStart.lesson?.notes.map((n) => n.text)).toEqual(notesOf(scenario.id).map((n) => n.text.en))
    expect(atStart.lesson?.notes.every((n) => !n.done)).toBe(true)
    expect(isNotesSnapshot(atStart)).toBe(true)

    store.getState().actions.toEnd()
    store.getState().actions.setSettings({ language: 'de', presenter: true })
    const atEnd = notesSnapshot(store.getState())!
    expect(atEnd.next).toBeNull()
    expect(atEnd.now).not.toBeNull()
    expect(atEnd.position.n).toBe(atEnd.position.total)
    expect(atEnd.lang).toBe('de')
    expect(atEnd.presenter).toBe(true)
    expect(atEnd.lesson?.title).toBe(scenario.title.de)
    expect(atEnd.lesson?.nextCommand).toBeNull()
    expect(atEnd.lesson?.notes.every((n) => n.done)).toBe(true)
  })

  it('refuses what is not a snapshot', () => {
    for (const x of [null, 1, 'x', {}, { labId: 'a', lang: 'fr', presenter: true, now: null, next: null, position: { n: 0, total: 0 }, lesson: null }]) {
      expect(isNotesSnapshot(x)).toBe(false)
    }
  })
})

describe('the notes channel', () => {
  it('sends the snapshot on change (at most once per interval), not again when nothing changed, and at once to a view saying hello', async () => {
    const { store } = await lessonStore()
    const [presenterEnd, notesEnd] = channelPair()
    const timers = manualTimers()
    const stop = publishNotes(store, presenterEnd, timers)
    // Nobody listens yet: nothing is computed or sent.
    store.getState().actions.stepForward()
    timers.flush()
    store.getState().actions.reset()
    const seen: NotesSnapshot[] = []
    const unfollow = followNotes(notesEnd, (s) => seen.push(s))
    // Hello answered at once.
    expect(seen).toHaveLength(1)
    expect(seen[0].position.n).toBe(0)

    store.getState().actions.stepForward()
    store.getState().actions.toEnd()
    expect(seen).toHaveLength(1)
    timers.flush()
    expect(seen).toHaveLength(2)
    expect(seen[1].next).toBeNull()

    store.getState().actions.setSettings({ theme: 'dark' })
    timers.flush()
    expect(seen).toHaveLength(2)

    stop()
    unfollow()
    store.getState().actions.reset()
    timers.flush()
    expect(seen).toHaveLength(2)
  })

  it('lives at /notes of the same origin, with the presenter page’s token', () => {
    expect(notesUrl('http://127.0.0.1:4000/?token=abc&presenter=1')).toBe('http://127.0.0.1:4000/notes?token=abc')
    expect(isNotesPage({ pathname: '/notes' })).toBe(true)
    expect(isNotesPage({ pathname: '/' })).toBe(false)
  })
})

describe('a presenter window that opens after its notes view', () => {
  it('announces itself, and the notes view asks for the snapshot', async () => {
    const { store } = await lessonStore()
    const [presenterEnd, notesEnd] = channelPair()
    const seen: NotesSnapshot[] = []
    const unfollow = followNotes(notesEnd, (s) => seen.push(s))
    expect(seen).toHaveLength(0)
    const stop = publishNotes(store, presenterEnd, manualTimers())
    expect(seen).toHaveLength(1)
    stop()
    unfollow()
  })
})
