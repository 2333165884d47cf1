// Replays a built-in lesson's script and rebuilds what the window would show at every step: the views the host
// sends (base views, then each event's patches applied, exactly as the window's timeline does), the events up to
// the step and the commands the lab accepted by then.

import { nodeDiskCipher } from '../../node/crypto/nodeDiskCipher'
import type { EntityViews } from '../../shared/api/contract'
import { eventView } from '../../shared/api/timeline'
import { Lab } from '../../shared/lab/lab'
import { seededRandom } from '../../shared/lab/random'
import { applyPatches, project } from '../../shared/lab/view'
import type { LabCommand } from '../../shared/lab/commands/schema'
import type { Scenario } from '../../shared/scenarios'
import type { LessonState } from '../../shared/scenarios/lessonState'

export interface LessonReplay {
  lab: Lab
  /** The state at every seq: `states[seq]` is the lab after event `seq` (`states[0]`: as created). */
  states: LessonState[]
  /** The seq each step of the script ends at. */
  stepEnds: number[]
}

export async function replayLesson(s: Scenario): Promise<LessonReplay> {
  const lab = await Lab.create({ random: seededRandom(s.script.seed!), diskCipher: nodeDiskCipher }, { seed: s.script.seed! })
  let views: EntityViews = Object.fromEntries([...lab.entities()].map(([id, e]) => [id, project(e)]))
  const stepEnds: number[] = []
  for (const [i, step] of s.script.steps.entries()) {
    await lab.run(step, { step: i })
    stepEnds.push(lab.seq)
  }
  const states: LessonState[] = [{ views, events: [], commands: [] }]
  for (const entry of lab.entries) {
    views = applyPatches(views, eventView(entry).patches)
    const seq = entry.event.seq
    states.push({
      views,
      events: lab.entries.slice(0, seq).map((e) => e.event),
      commands: lab.commands.filter((c) => !c.fault && c.lastSeq <= seq).map((c) => c.command)
    })
  }
  return { lab, states, stepEnds }
}

/** The same for any commands (a student's own way through a lesson); refused commands are kept as the lab keeps them. */
export async function replayCommands(commands: LabCommand[], seed: number): Promise<LessonReplay> {
  return replayLesson({ id: 'by-hand', title: { en: '', de: '' }, lesson: { en: '', de: '' }, script: { seed, steps: commands }, refusedSteps: [] })
}
