// How the presenter's window and its notes view talk: a BroadcastChannel of the app's origin (another tab of the
// browser build, the desktop app's second window — both the same origin and session). A notes view says hello (when
// it opens, and when a presenter's window announces itself); from then on the presenter's window sends a snapshot
// whenever what the notes show changes (at most every PUBLISH_EVERY_MS while it plays). Without a notes view it
// computes nothing. Nothing here reaches the lab host.

import { isNotesSnapshot, notesSnapshot, type NotesSnapshot } from './notesSnapshot'
import type { LabState } from '../store/types'

export const NOTES_CHANNEL = 'keyflow-lab:presenter-notes'
export const PUBLISH_EVERY_MS = 200

export type NotesMessage = { type: 'snapshot'; snapshot: NotesSnapshot } | { type: 'hello' } | { type: 'ready' }

export interface NotesPort {
  postMessage(message: NotesMessage): void
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void
  removeEventListener(type: 'message', listener: (e: { data: unknown }) => void): void
}

interface Timers {
  setTimeout(f: () => void, ms: number): unknown
  clearTimeout(id: unknown): void
}

const browserTimers: Timers = { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) }

/** The presenter's side: sends the snapshot on change and to every notes view that says hello. Returns the stop. */
export function publishNotes(
  store: { getState(): LabState; subscribe(listener: () => void): () => void },
  port: NotesPort,
  timers: Timers = browserTimers
): () => void {
  let sent = ''
  let timer: unknown = null
  let heard = false
  const send = (always: boolean) => {
    timer = null
    const snapshot = notesSnapshot(store.getState())
    if (!snapshot) return
    const text = JSON.stringify(snapshot)
    if (!always && text === sent) return
    sent = text
    port.postMessage({ type: 'snapshot', snapshot })
  }
  const changed = () => {
    if (heard && timer === null) timer = timers.setTimeout(() => send(false), PUBLISH_EVERY_MS)
  }
  const onMessage = (e: { data: unknown }) => {
    if ((e.data as NotesMessage | null)?.type !== 'hello') return
    heard = true
    send(true)
  }
  port.addEventListener('message', onMessage)
  const unsubscribe = store.subscribe(changed)
  // A notes view opened before this window (or before it reloaded) says hello again.
  port.postMessage({ type: 'ready' })
  return () => {
    unsubscribe()
    port.removeEventListener('message', onMessage)
    if (timer !== null) timers.clearTimeout(timer)
  }
}

/** The notes view's side: asks for the current snapshot and hears every later one. Returns the stop. */
export function followNotes(port: NotesPort, onSnapshot: (s: NotesSnapshot) => void): () => void {
  const onMessage = (e: { data: unknown }) => {
    const m = e.data as NotesMessage | null
    if (m?.type === 'snapshot' && isNotesSnapshot(m.snapshot)) onSnapshot(m.snapshot)
    else if (m?.type === 'ready') port.postMessage({ type: 'hello' })
  }
  port.addEventListener('message', onMessage)
  port.postMessage({ type: 'hello' })
  return () => port.removeEventListener('message', onMessage)
}

/** The page's notes channel, or null where the browser has none. */
export function openNotesPort(): (NotesPort & { close(): void }) | null {
  return typeof BroadcastChannel === 'function' ? (new BroadcastChannel(NOTES_CHANNEL) as unknown as NotesPort & { close(): void }) : null
}

/** The notes view lives at /notes of the window's own origin (the browser build's other tab, the desktop's window). */
export const NOTES_PATH = '/notes'

export function isNotesPage(location: Pick<Location, 'pathname'>): boolean {
  return location.pathname === NOTES_PATH
}

/** The address of the notes view for a presenter page: the same origin and query (its token), at /notes. */
export function notesUrl(pageUrl: string): string {
  const u = new URL(pageUrl)
  u.pathname = NOTES_PATH
  u.searchParams.delete('presenter')
  u.hash = ''
  return u.href
}
