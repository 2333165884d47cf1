// Commands: every change of the lab goes to the host as a command; its events come back as pushes (../timelineSlice)
// and play from where the command starts. Also the calls that replace or take back the lab (rewind, new, open).

import type { CommandResult } from '../../../../shared/api/contract'
import type { LabCommand } from '../../../../shared/lab/commands/schema'
import { receiveLabFile } from '../../files/receiveLabFile'
import { sendLabFile } from '../../files/sendLabFile'
import { lastSeq } from '../loadedTimeline'
import { errorNotice, failureNotice } from '../errorNotice'
import { messageOf, type CommandActions, type CommandSliceState, type SliceKit } from '../types'
import type { TimelineSlice } from './timelineSlice'
import type { UiSlice } from './uiSlice'

export interface CommandSlice {
  state: CommandSliceState
  actions: CommandActions
  /** Sends one command and records the answer, without notices or playback (a lesson's script runs this way). */
  runOne(command: LabCommand): Promise<CommandResult | null>
}

export function createCommandSlice(
  { api, set, get }: SliceKit,
  timeline: Pick<TimelineSlice, 'playFrom' | 'inBulk'>,
  ui: Pick<UiSlice, 'mayReplace'>
): CommandSlice {
  const notifyError = (e: unknown) => get().actions.notify(errorNotice(e))

  async function call<T>(fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn()
    } catch (e) {
      notifyError(e)
      return null
    }
  }

  async function runOne(command: LabCommand): Promise<CommandResult | null> {
    set((s) => ({ running: s.running + 1 }))
    try {
      const result = await api.runCommand(command)
      set({ lastRun: { command, result, error: null } })
      return result
    } catch (e) {
      set({ lastRun: { command, result: null, error: messageOf(e) } })
      notifyError(e)
      return null
    } finally {
      set((s) => ({ running: s.running - 1 }))
    }
  }

  const actions: CommandActions = {
    async runCommand(command) {
      const result = await runOne(command)
      if (!result) return null
      const { notify } = get().actions
      if (result.fault) notify({ kind: 'error', fault: result.fault })
      else notify({ kind: 'ok', key: 'notice.ran', params: { first: result.firstSeq, last: result.lastSeq }, keyParams: { op: `op.${command.op}` } })
      const s = get()
      const t = s.timeline
      if (!t || timeline.inBulk() || result.lastSeq < result.firstSeq || lastSeq(t) < result.lastSeq) return result
      // The events play from where the command starts, even if the window was looking at an earlier step — unless
      // the playback is already running towards them (commands run in quick succession play one after another).
      const start = result.firstSeq - 1
      const alreadyPlaying = s.clock.playing && s.clock.stopAt === null && t.cursor <= start
      if (!s.settings.autoPlay) s.actions.setCursor(lastSeq(t))
      else if (!alreadyPlaying) timeline.playFrom(start)
      return result
    },
    async rewindTo(seq) {
      await call(() => api.rewind(seq))
    },
    async undo() {
      const s = get()
      if (!s.timeline || s.timeline.commands.length === 0) return
      const done = await call(() => api.undo())
      if (done) s.actions.notify({ kind: 'info', key: 'notice.undone' })
    },
    async redo() {
      const t = get().timeline
      if (!t?.undone) return
      const result = await call(() => api.redo())
      if (!result) return
      const { notify } = get().actions
      if (result.fault) notify({ kind: 'error', fault: result.fault })
      else notify({ kind: 'info', key: 'notice.redone' })
    },
    async newLab(seed) {
      if (!(await ui.mayReplace())) return
      await call(() => api.newLab({ seed }))
      set({ scenario: null })
    },
    async saveLab() {
      return call(() => api.saveLab({}))
    },
    async openLab() {
      if (!(await ui.mayReplace())) return null
      return call(() => api.openLab({}))
    },
    async exportLab() {
      set({ busy: 'busy.downloading' })
      try {
        return await receiveLabFile(api)
      } catch (e) {
        get().actions.notify(failureNotice('file.downloadFailed', e))
        return null
      } finally {
        set({ busy: null })
      }
    },
    async importLab(file, name) {
      if (!(await ui.mayReplace())) return null
      set({ busy: 'busy.opening' })
      try {
        return await sendLabFile(api, file)
      } catch (e) {
        get().actions.notify(failureNotice('file.importFailed', e, { name }))
        return null
      } finally {
        set({ busy: null })
      }
    },
    async readFile(componentId, path) {
      try {
        return await api.readFile(componentId, path)
      } catch {
        return null
      }
    }
  }

  return { state: { running: 0, lastRun: null }, actions, runOne }
}
