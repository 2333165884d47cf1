// One store per window, fed by the lab host: the timeline from `getTimeline()`, then pushes as the lab changes.
// Main is the source of truth; this store mirrors it, sends every change back as a command (`runCommand`), and adds
// what only the window has: the playback clock and cursor, filters, selection, checkpoints, settings.
//
// The store is the sum of its slices (./slices), each a thin layer over a pure module, as xyflow's store sits over
// @xyflow/system: timeline and playback (loadedTimeline, playback/clock), commands, command checks (checks), lessons
// (scenarios/lessonProgress), dialogs, notices and settings, and follow along (./follow). The state's shape is in
// ./types.

import { createStore } from 'zustand/vanilla'
import type { LabApi } from '../../../shared/api/contract'
import { browserScheduler } from './scheduler'
import { createChecksSlice } from './slices/checksSlice'
import { createCommandSlice } from './slices/commandSlice'
import { createFollowSlice } from './slices/followSlice'
import { createLessonSlice } from './slices/lessonSlice'
import { createTimelineSlice } from './slices/timelineSlice'
import { createUiSlice } from './slices/uiSlice'
import type { LabState, LabStore, LabStoreOptions } from './types'

export type * from './types'
export { RECENT_EVENTS } from './slices/timelineSlice'

export function createLabStore(api: LabApi, options: LabStoreOptions = {}): LabStore {
  return createStore<LabState>()((set, get, store) => {
    const kit = { api, set, get, scheduler: options.scheduler ?? browserScheduler, options }
    const ui = createUiSlice(kit)
    const checks = createChecksSlice(kit)
    const timeline = createTimelineSlice(kit, checks)
    const commands = createCommandSlice(kit, timeline, ui)
    const lessons = createLessonSlice(kit, timeline, commands, ui)
    const follow = createFollowSlice(kit, store)
    const start = () => {
      const stopTimeline = timeline.actions.start()
      const stopFollow = follow.start()
      const stopUi = ui.start()
      return () => {
        stopUi()
        stopFollow()
        stopTimeline()
      }
    }
    return {
      ...ui.state,
      ...checks.state,
      ...timeline.state,
      ...commands.state,
      ...lessons.state,
      ...follow.state,
      actions: follow.detachOnOwnSteps({ ...ui.actions, ...checks.actions, ...timeline.actions, ...commands.actions, ...lessons.actions, ...follow.actions, start })
    }
  })
}
