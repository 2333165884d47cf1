// A loaded lesson seen from the window: the lab state its objectives read at the cursor, which objectives are done,
// and where its script is. Plain TypeScript over the loaded timeline, so the checklist and the "next step" button
// follow the same cursor as the graph and the inspectors — stepping back un-ticks what had not happened yet.

import type { CommandView } from '../../../shared/api/contract'
import { evaluateObjectives, type Objective } from '../../../shared/scenarios/objectives'
import type { LessonState } from '../../../shared/scenarios/lessonState'
import type { MessageRef } from '../../../shared/lab/events'
import type { LoadedTimeline } from '../store/loadedTimeline'

export interface LoadedScenario {
  id: string
  /**
   * watch: the lesson's script ran in a new lab and the student steps through it; byHand: a new, empty lab the student
   * builds from the menus while the objectives tick.
   */
  mode: 'watch' | 'byHand'
  /** The command index of each step of the lesson (null when the step was not run). */
  commandIndex: (number | null)[]
  unexpected: { step: number; message: MessageRef }[]
}

/**
 * The lab at the cursor as the objectives read it. Only the loaded events count (a lesson's history is small enough
 * to be loaded whole); commands are all sent, so a VM's guest data is known however far back it was created.
 */
export function lessonStateAt(t: Pick<LoadedTimeline, 'views' | 'events' | 'commands' | 'cursor' | 'baseSeq'>): LessonState {
  return {
    views: t.views,
    events: t.events.slice(0, Math.max(0, t.cursor - t.baseSeq)),
    commands: t.commands.filter((c) => c && !c.fault && c.lastSeq <= t.cursor).map((c) => c.command)
  }
}

/**
 * A store selector: which objectives are done at the cursor, as a string of 1s and 0s (a stable value, so the
 * panel re-renders only when a tick changes). It evaluates again only when the timeline changes.
 */
export function doneSelector(objectives: readonly Objective[]): (s: { timeline: LoadedTimeline | null }) => string {
  let seen: LoadedTimeline | null | undefined
  let flags = ''
  return (s) => {
    if (s.timeline !== seen) {
      seen = s.timeline
      flags = (s.timeline ? evaluateObjectives(objectives, lessonStateAt(s.timeline)) : objectives.map(() => false)).map((d) => (d ? '1' : '0')).join('')
    }
    return flags
  }
}

export type StepState = 'done' | 'current' | 'future'

/** Where each script step stands against the cursor (future: not reached, or not run at all). */
export function scriptStepStates(loaded: LoadedScenario, commands: readonly CommandView[], cursor: number): StepState[] {
  return loaded.commandIndex.map((index) => {
    const c = index === null ? undefined : commands[index]
    return !c ? 'future' : cursor >= c.lastSeq ? 'done' : cursor >= c.firstSeq ? 'current' : 'future'
  })
}

/** The first script step the cursor has not passed the end of, with its command; null when the script is through. */
export function nextScriptStep(loaded: LoadedScenario, commands: readonly CommandView[], cursor: number): { step: number; command: CommandView } | null {
  for (const [step, index] of loaded.commandIndex.entries()) {
    const command = index === null ? undefined : commands[index]
    if (command && command.lastSeq > cursor) return { step, command }
  }
  return null
}
