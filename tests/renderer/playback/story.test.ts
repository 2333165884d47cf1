import { describe, expect, it } from 'vitest'
import type { LabEvent } from '../../../shared/lab/events'
import { scenarios } from '../../../shared/scenarios'
import { extendStory, storySeqs, storyStepOf, storySteps, type StoryStep } from '../../../renderer/src/playback/story'
import { replayLesson } from '../../helpers/lessonReplay'

async function lessonEvents(id: string): Promise<{ events: LabEvent[]; byCommand: Map<number, LabEvent[]> }> {
  const scenario = scenarios.find((s) => s.id === id)!
  const { lab } = await replayLesson(scenario)
  const events = lab.entries.map((e) => e.event)
  const byCommand = new Map<number, LabEvent[]>()
  for (const e of events) byCommand.set(e.command, [...(byCommand.get(e.command) ?? []), e])
  return { events, byCommand }
}

const messageOf = (events: readonly LabEvent[], seq: number) => events.find((e) => e.seq === seq)!.message.id

describe('story steps', () => {
  it('tells Encrypt VM in at most 12 steps, each KMS conversation headed by its key request', async () => {
    const { events, byCommand } = await lessonEvents('first-encrypted-vm')
    const encrypt = [...byCommand.values()].find((es) => es[0].message.id === 'vm.encrypt.start')!
    expect(encrypt.length).toBeGreaterThan(90)
    const steps = storySteps(encrypt)
    expect(steps.length).toBeLessThanOrEqual(12)
    expect(steps.length).toBeGreaterThanOrEqual(6)
    const headlines = steps.map((s) => messageOf(events, s.headline))
    // The three key requests, never the attribute chatter.
    expect(headlines.filter((m) => m === 'kmip.req.Create')).toHaveLength(3)
    expect(headlines.some((m) => m.includes('GetAttributes') || m.includes('AddAttribute'))).toBe(false)
    // The KEK reaches both hosts in one step; the disk rewrite is a step of its own.
    const kek = steps.find((s) => messageOf(events, s.headline) === 'vcenter.push.kek')!
    expect(events.filter((e) => e.seq >= kek.first && e.seq <= kek.last && e.message.id === 'vcenter.push.kek')).toHaveLength(2)
    expect(headlines).toContain('vm.disk.encrypted')
  })

  it('covers every event once, in order, never across commands', async () => {
    const { events } = await lessonEvents('first-encrypted-vm')
    const steps = storySteps(events)
    expect(steps[0].first).toBe(events[0].seq)
    expect(steps.at(-1)!.last).toBe(events.at(-1)!.seq)
    for (const [i, s] of steps.entries()) {
      expect(s.first).toBeLessThanOrEqual(s.last)
      expect(s.headline).toBeGreaterThanOrEqual(s.first)
      expect(s.headline).toBeLessThanOrEqual(s.last)
      if (i > 0) expect(s.first).toBe(steps[i - 1].last + 1)
      expect(events.filter((e) => e.seq >= s.first && e.seq <= s.last).every((e) => e.command === s.command)).toBe(true)
    }
    expect(steps.length).toBeLessThan(events.length / 4)
  })

  it('extends the same way as grouping everything at once, also when a command arrives in two pushes', async () => {
    const { events } = await lessonEvents('first-encrypted-vm')
    let steps: StoryStep[] = []
    let loaded = 0
    // Pushes that cut a command in the middle of a KMS conversation.
    for (const cut of [5, 30, 31, 60, events.length]) {
      steps = extendStory(steps, events.slice(0, cut), events[0].seq - 1, loaded)
      loaded = cut
    }
    expect(steps).toEqual(storySteps(events))
  })

  it('finds the step of a seq, and plays the end of each step with something shown', () => {
    const steps: StoryStep[] = [
      { command: 0, first: 1, last: 3, headline: 2 },
      { command: 0, first: 4, last: 4, headline: 4 },
      { command: 1, first: 5, last: 9, headline: 5 }
    ]
    expect(storyStepOf(steps, 1)).toBe(steps[0])
    expect(storyStepOf(steps, 3)).toBe(steps[0])
    expect(storyStepOf(steps, 7)).toBe(steps[2])
    expect(storyStepOf(steps, 10)).toBeNull()
    expect(storyStepOf(steps, 0)).toBeNull()
    expect(storySeqs(steps, [1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([3, 4, 9])
    // A filter that hides step 2 entirely hides it from the story too.
    expect(storySeqs(steps, [2, 8])).toEqual([3, 9])
  })
})
