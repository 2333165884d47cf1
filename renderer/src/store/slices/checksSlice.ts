// Command checks: every menu, form and context menu asks whether the core would refuse the commands it offers; the
// asks of one moment go to the host in one `checkCommands` call. The pure part (keys, stale answers) is ../checks.

import type { LabCommand } from '../../../../shared/lab/commands/schema'
import { MAX_CHECK_BATCH, NO_CHECKS, commandKey, rekeyChecks } from '../checks'
import { lastSeq, type LoadedTimeline } from '../loadedTimeline'
import { errorNotice } from '../errorNotice'
import { type ChecksActions, type ChecksSliceState, type SliceKit } from '../types'

const stateKey = (t: LoadedTimeline) => `${t.labId}:${lastSeq(t)}`

export interface ChecksSlice {
  state: ChecksSliceState
  actions: ChecksActions
  /** The checks for timeline `t` (when the lab moved on, the answers so far become stale ones), to set with it. */
  checksFor(t: LoadedTimeline): ChecksSliceState['checks']
}

export function createChecksSlice({ api, set, get }: SliceKit): ChecksSlice {
  let queue = new Map<string, LabCommand>()
  let flushing: Promise<void> | null = null

  function flush(): void {
    if (flushing) return
    flushing = Promise.resolve().then(async () => {
      const batch = [...queue.values()]
      queue = new Map()
      flushing = null
      const t = get().timeline
      if (!t || batch.length === 0) return
      const key = stateKey(t)
      for (let i = 0; i < batch.length; i += MAX_CHECK_BATCH) {
        const part = batch.slice(i, i + MAX_CHECK_BATCH)
        try {
          const answers = await api.checkCommands(part)
          const s = get()
          if (s.checks.key !== key) return
          const results = { ...s.checks.results }
          part.forEach((c, j) => (results[commandKey(c)] = answers[j] ?? null))
          set({ checks: { ...s.checks, results } })
        } catch (e) {
          get().actions.notify(errorNotice(e))
          return
        }
      }
    })
  }

  return {
    state: { checks: NO_CHECKS },
    checksFor(t) {
      return rekeyChecks(get().checks, stateKey(t))
    },
    actions: {
      requestChecks(commands) {
        const t = get().timeline
        if (!t) return
        const key = stateKey(t)
        if (get().checks.key !== key) set({ checks: rekeyChecks(get().checks, key) })
        const results = get().checks.results
        for (const c of commands) {
          const k = commandKey(c)
          if (!(k in results) && !queue.has(k)) queue.set(k, c)
        }
        if (queue.size) flush()
      }
    }
  }
}
