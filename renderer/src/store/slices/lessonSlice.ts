// Lessons: a lesson's script run in a new lab (watch) or a new lab the student builds (by hand), and "next step".
// Where the script stands against the cursor is the pure ../../scenarios/lessonProgress.

import * as clockFns from '../../playback/clock'
import { visibleAtOrBefore } from '../../playback/filters'
import { nextScriptStep, type LoadedScenario } from '../../scenarios/lessonProgress'
import type { Scenario } from '../../../../shared/scenarios'
import { errorNotice } from '../errorNotice'
import { type LessonActions, type LessonSliceState, type SliceKit } from '../types'
import type { CommandSlice } from './commandSlice'
import type { TimelineSlice } from './timelineSlice'
import type { UiSlice } from './uiSlice'

export function createLessonSlice(
  { api, set, get }: SliceKit,
  timeline: Pick<TimelineSlice, 'withClock' | 'bulk'>,
  commands: Pick<CommandSlice, 'runOne'>,
  ui: Pick<UiSlice, 'mayReplace'>
): { state: LessonSliceState; actions: LessonActions } {
  const notifyError = (e: unknown) => get().actions.notify(errorNotice(e))
  const toStart = () => {
    const t = get().timeline
    if (t) get().actions.setCursor(t.baseSeq)
  }

  /** A new lab with the scenario's seed and its script run; null when the user kept the open lab or it failed. */
  const runInNewLab = async (scenario: Scenario): Promise<Pick<LoadedScenario, 'commandIndex' | 'unexpected'> | null> => {
    if (!(await ui.mayReplace())) return null
    set({ busy: 'busy.scenario' })
    timeline.bulk(1)
    try {
      await api.newLab({ seed: scenario.script.seed ?? null })
      await get().actions.reload()
      const commandIndex: (number | null)[] = []
      const unexpected: LoadedScenario['unexpected'] = []
      for (const [i, step] of scenario.script.steps.entries()) {
        const r = await commands.runOne(step)
        commandIndex.push(r ? r.index : null)
        if (r?.fault && !scenario.refusedSteps.includes(i)) unexpected.push({ step: i, message: r.fault.message })
      }
      return { commandIndex, unexpected }
    } catch (e) {
      notifyError(e)
      return null
    } finally {
      timeline.bulk(-1)
      set({ busy: null })
    }
  }

  const actions: LessonActions = {
    async loadScenario(scenario) {
      const loaded = await runInNewLab(scenario)
      if (!loaded) return
      set((s) => ({ scenario: { id: scenario.id, mode: 'watch', ...loaded }, selection: { ...s.selection, tab: 'lesson' } }))
      // The lesson starts at the beginning, paused: the presenter plays it.
      toStart()
    },
    async loadExample(scenario) {
      // A finished lab to look around in: the script run, the window at its end, no lesson panel.
      if (!(await runInNewLab(scenario))) return
      set({ scenario: null })
      get().actions.toEnd()
    },
    async startLessonByHand(scenario) {
      if (!(await ui.mayReplace())) return
      set({ busy: 'busy.scenario' })
      try {
        // The lesson's seed, so a class doing it by hand sees the same key IDs as the script would make.
        await api.newLab({ seed: scenario.script.seed ?? null })
        await get().actions.reload()
        const commandIndex = scenario.script.steps.map(() => null)
        set((s) => ({ scenario: { id: scenario.id, mode: 'byHand', commandIndex, unexpected: [] }, selection: { ...s.selection, tab: 'lesson' } }))
      } catch (e) {
        notifyError(e)
      } finally {
        set({ busy: null })
      }
    },
    nextLessonStep() {
      const s = get()
      const t = s.timeline
      if (!t || !s.scenario) return
      // While a step is still playing, another click goes on to the step after it.
      const from = s.clock.playing && s.clock.stopAt !== null ? Math.max(t.cursor, s.clock.stopAt) : t.cursor
      const next = nextScriptStep(s.scenario, t.commands, from)
      if (!next) return
      // The clock stops on a visible event; with the step's last events filtered out, it stops on the last shown one.
      const stop = visibleAtOrBefore(s.visible, next.command.lastSeq)
      if (stop === null || stop <= from) s.actions.setCursor(next.command.lastSeq)
      else timeline.withClock((c, now) => clockFns.playUntil(c, now, stop))
    },
    closeScenario() {
      set((s) => ({ scenario: null, selection: { ...s.selection, tab: s.selection.tab === 'lesson' ? 'events' : s.selection.tab } }))
    }
  }

  return { state: { scenario: null }, actions }
}
