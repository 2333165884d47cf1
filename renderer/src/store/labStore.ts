// One store per window, fed by the lab host: the timeline from `getTimeline()`, then pushes as the lab changes.
// Main is the source of truth; this store mirrors it and sends every change back as a command (`runCommand`).
// Pushes that arrive while the timeline loads are kept and applied after it, so nothing is lost or doubled.

import { createStore, type StoreApi } from 'zustand/vanilla'
import type { CommandResult, LabApi, LabPush } from '../../../shared/api/contract'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import { appendEvents, fromTimeline, moveCursor, withFile, type TimelineModel } from './timelineModel'

export type LabStatus = 'connecting' | 'ready' | 'error'

export interface LastRun {
  command: LabCommand
  /** The host's answer (a refused command has `fault` set); null when the call itself failed. */
  result: CommandResult | null
  error: string | null
}

export interface LabActions {
  /** Subscribes to pushes and loads the timeline; returns the function that stops listening. */
  start(): () => void
  reload(): Promise<void>
  runCommand(command: LabCommand): Promise<CommandResult | null>
  setCursor(seq: number): void
}

export interface LabState {
  status: LabStatus
  error: string | null
  timeline: TimelineModel | null
  /** Commands sent and not answered yet. */
  running: number
  lastRun: LastRun | null
  actions: LabActions
}

export type LabStore = StoreApi<LabState>

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function createLabStore(api: LabApi): LabStore {
  let generation = 0
  let loading = false
  let buffered: LabPush[] = []

  return createStore<LabState>()((set, get) => {
    function applyPush(push: LabPush): void {
      const t = get().timeline
      if (loading || !t) {
        buffered.push(push)
        return
      }
      if (push.type === 'reset' || push.labId !== t.labId) {
        void reload()
        return
      }
      if (push.type === 'appended') set({ timeline: appendEvents(t, push.events, push.command) })
      else set({ timeline: withFile(t, push.file) })
    }

    async function reload(): Promise<void> {
      const gen = ++generation
      loading = true
      buffered = []
      try {
        const timeline = await api.getTimeline()
        if (gen !== generation) return
        loading = false
        set({ status: 'ready', error: null, timeline: fromTimeline(timeline) })
        const pending = buffered
        buffered = []
        for (const p of pending) applyPush(p)
      } catch (e) {
        if (gen !== generation) return
        loading = false
        set({ status: 'error', error: `The lab could not be loaded: ${messageOf(e)}` })
      }
    }

    const actions: LabActions = {
      start() {
        const unsubscribe = api.subscribe(applyPush)
        void reload()
        return () => {
          unsubscribe()
          generation++
          loading = false
        }
      },
      reload,
      async runCommand(command) {
        set((s) => ({ running: s.running + 1 }))
        try {
          const result = await api.runCommand(command)
          set({ lastRun: { command, result, error: null } })
          return result
        } catch (e) {
          set({ lastRun: { command, result: null, error: messageOf(e) } })
          return null
        } finally {
          set((s) => ({ running: s.running - 1 }))
        }
      },
      setCursor(seq) {
        const t = get().timeline
        if (t) set({ timeline: moveCursor(t, seq) })
      }
    }

    return { status: 'connecting', error: null, timeline: null, running: 0, lastRun: null, actions }
  })
}
