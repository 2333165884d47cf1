import { describe, expect, it } from 'vitest'
import type { Timeline } from '../../../shared/api/contract'
import { TimelineCache, commandView } from '../../../shared/api/timeline'
import { scenarios } from '../../../shared/scenarios'
import { objectivesOf, type Objective } from '../../../shared/scenarios/objectives'
import { doneSelector, lessonStateAt, nextScriptStep, scriptStepStates } from '../../../renderer/src/scenarios/lessonProgress'
import type { LoadedScenario } from '../../../renderer/src/scenarios/lessonProgress'
import { fromTimeline, moveCursor, type LoadedTimeline } from '../../../renderer/src/store/loadedTimeline'
import { replayLesson } from '../../helpers/lessonReplay'

const first = scenarios.find((s) => s.id === 'first-encrypted-vm')!

/** The first lesson's lab as the host would send it to the window: views as created, then every event. */
async function windowOfFirstLesson(): Promise<{ model: LoadedTimeline; stepEnds: number[] }> {
  const { lab, states, stepEnds } = await replayLesson(first)
  const timeline: Timeline = {
    labId: 'lab-1',
    seed: first.script.seed!,
    startSeq: 0,
    base: states[0].views,
    baseSeq: 0,
    events: new TimelineCache().all(lab),
    commands: lab.commands.map(commandView),
    file: { path: null, name: 'untitled.kflab', dirty: false }
  }
  return { model: fromTimeline(timeline), stepEnds }
}

const watching: LoadedScenario = { id: first.id, mode: 'watch', commandIndex: first.script.steps.map((_, i) => i), unexpected: [] }

describe('a lesson in the window', () => {
  it('reads the lab at the cursor: views there, the events up to it, the commands finished by then', async () => {
    const { model, stepEnds } = await windowOfFirstLesson()
    const atCreate = lessonStateAt(moveCursor(model, stepEnds[5]))
    expect(atCreate.events).toHaveLength(stepEnds[5])
    expect(atCreate.commands.map((c) => c.op)).toEqual(first.script.steps.slice(0, 6).map((s) => s.op))
    expect(atCreate.views['vm:web-01']).toBeDefined()
    expect(lessonStateAt(moveCursor(model, 0))).toEqual({ views: model.base, events: [], commands: [] })
  })

  it('ticks the objectives at the cursor, and stepping back un-ticks them', async () => {
    const { model, stepEnds } = await windowOfFirstLesson()
    const select = doneSelector(objectivesOf(first.id))
    expect(select({ timeline: model })).toBe('1111111')
    expect(select({ timeline: moveCursor(model, stepEnds[5]) })).toBe('1110000')
    expect(select({ timeline: moveCursor(model, stepEnds[6]) })).toBe('1111110')
    expect(select({ timeline: moveCursor(model, 0) })).toBe('0000000')
    expect(select({ timeline: null })).toBe('0000000')
  })

  it('evaluates again only when the timeline changes', async () => {
    const { model } = await windowOfFirstLesson()
    let calls = 0
    const counted: Objective = { id: 'x', title: { en: 'x', de: 'x' }, hint: { en: 'x', de: 'x' }, ops: [], done: () => ++calls > 0 }
    const select = doneSelector([counted])
    select({ timeline: model })
    select({ timeline: model })
    expect(calls).toBe(1)
    select({ timeline: moveCursor(model, 3) })
    expect(calls).toBe(2)
  })

  it('knows where the script stands and which step comes next', async () => {
    const { model, stepEnds } = await windowOfFirstLesson()
    const at = (seq: number) => moveCursor(model, seq)
    expect(scriptStepStates(watching, model.commands, 0).every((s) => s === 'future')).toBe(true)
    const midEncrypt = stepEnds[5] + 10
    expect(scriptStepStates(watching, at(midEncrypt).commands, midEncrypt)).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'current', 'future'])
    expect(nextScriptStep(watching, model.commands, midEncrypt)).toMatchObject({ step: 6, command: { lastSeq: stepEnds[6] } })
    expect(nextScriptStep(watching, model.commands, stepEnds[7])).toBeNull()
    // by hand there is no script in the lab to step through
    const byHand: LoadedScenario = { ...watching, mode: 'byHand', commandIndex: watching.commandIndex.map(() => null) }
    expect(nextScriptStep(byHand, model.commands, 0)).toBeNull()
    expect(scriptStepStates(byHand, model.commands, 0).every((s) => s === 'future')).toBe(true)
  })
})
