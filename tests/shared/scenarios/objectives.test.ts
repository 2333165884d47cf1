import { describe, expect, it } from 'vitest'
import { scenarios } from '../../../shared/scenarios'
import { evaluateObjectives, lessonObjectives, objectivesOf } from '../../../shared/scenarios/objectives'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import { trustedCommands } from '../../helpers/lab'
import { replayCommands, replayLesson } from '../../helpers/lessonReplay'

const marks = (done: boolean[]) => done.map((d) => (d ? 'x' : '.')).join('')

describe('lesson objectives', () => {
  it('exist for every built-in lesson, with unique ids and titles and hints in English and German', () => {
    expect(Object.keys(lessonObjectives).sort()).toEqual(scenarios.map((s) => s.id).sort())
    for (const s of scenarios) {
      const objectives = objectivesOf(s.id)
      expect(objectives.length, s.id).toBeGreaterThanOrEqual(3)
      expect(new Set(objectives.map((o) => o.id)).size, s.id).toBe(objectives.length)
      for (const o of objectives)
        for (const text of [o.title.en, o.title.de, o.hint.en, o.hint.de]) expect(text.trim(), `${s.id}/${o.id}`).not.toBe('')
    }
    expect(objectivesOf('no-such-lesson')).toEqual([])
  })

  it.each(scenarios.map((s) => [s.id, s] as const))('%s: none is done in a fresh lab, so each can fail', async (_id, s) => {
    const { states } = await replayLesson(s)
    expect(marks(evaluateObjectives(objectivesOf(s.id), states[0]))).toBe(marks(objectivesOf(s.id).map(() => false)))
  })

  it.each(scenarios.map((s) => [s.id, s] as const))('%s: its own script ticks them in order, and all by the end', async (_id, s) => {
    const objectives = objectivesOf(s.id)
    const { states, stepEnds } = await replayLesson(s)
    // At every event the window can show, the ticked ones are a prefix of the list: none ticks ahead of another.
    for (const [seq, state] of states.entries()) {
      const done = evaluateObjectives(objectives, state)
      const open = done.indexOf(false)
      expect(open === -1 || done.slice(open).every((d) => !d), `${s.id} at event ${seq}: ${marks(done)}`).toBe(true)
    }
    // Step by step the count never falls back, every objective is reached by some step, and all are done at the end.
    const counts = stepEnds.map((seq) => evaluateObjectives(objectives, states[seq]).filter(Boolean).length)
    for (let i = 1; i < counts.length; i++) expect(counts[i], `${s.id} step ${i}`).toBeGreaterThanOrEqual(counts[i - 1])
    expect(counts.at(-1)).toBe(objectives.length)
    expect(counts.slice(0, -1).every((c) => c < objectives.length), `${s.id}: the last step still matters`).toBe(true)
  })

  it('look for what the lesson teaches, not the script’s names: the first lesson done by hand with other names and trust mode', async () => {
    const byHand: LabCommand[] = [
      { op: 'kms.add', name: 'kms-a', provider: 'corp-kms' },
      { op: 'provider.add', name: 'corp-kms' },
      { op: 'provider.trust', provider: 'corp-kms', mode: 'csr' },
      { op: 'host.add', name: 'esx-11', cluster: 'prod' },
      { op: 'host.add', name: 'esx-12', cluster: 'prod' },
      { op: 'vm.create', name: 'vm-01', host: 'esx-12', guestData: 'payroll data of vm-01' },
      { op: 'vm.encrypt', name: 'vm-01' },
      { op: 'vm.powerOn', name: 'vm-01' }
    ]
    const { states, stepEnds } = await replayCommands(byHand, 7)
    const done = stepEnds.map((seq) => marks(evaluateObjectives(objectivesOf('first-encrypted-vm'), states[seq])))
    expect(done).toEqual(['.......', 'x......', 'xx.....', 'xx.....', 'xx.....', 'xxx....', 'xxxxxx.', 'xxxxxxx'])
  })

  it('stay open when the student skips what they check: one host only, and a VM never encrypted', async () => {
    const { states, stepEnds } = await replayCommands(
      [
        { op: 'kms.add', name: 'kms-1', provider: 'kp' },
        { op: 'provider.add', name: 'kp' },
        { op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' },
        { op: 'host.add', name: 'esx-01', cluster: 'c1' },
        { op: 'vm.create', name: 'vm-01', host: 'esx-01', guestData: 'secret' },
        { op: 'vm.powerOn', name: 'vm-01' }
      ],
      3
    )
    const end = states[stepEnds.at(-1)!]
    expect(marks(evaluateObjectives(objectivesOf('first-encrypted-vm'), end))).toBe('xx.....')
    // the attacker's view needs an encrypted VM beside the plain one
    expect(marks(evaluateObjectives(objectivesOf('attackers-view'), end))).toBe('x......')
  })

  it('ticks “Fault Tolerance of an encrypted VM is encrypted” only after Fault Tolerance’s own refusal, not vMotion’s', async () => {
    const setup: LabCommand[] = [
      ...trustedCommands(),
      { op: 'vm.create', name: 'vm-01', host: 'esx-01', encrypt: true },
      { op: 'vm.setMigrateEncryption', name: 'vm-01', migrateEncryption: 'disabled' },
      { op: 'vm.powerOn', name: 'vm-01' }
    ]
    const turnOn: LabCommand = { op: 'vm.turnOnFaultTolerance', name: 'vm-01', host: 'esx-02' }
    const at = objectivesOf('vmotion-settings').findIndex((o) => o.id === 'encryptedFt')
    expect(at).toBeGreaterThanOrEqual(0)
    const onlyVmotionRefused = await replayCommands([...setup, turnOn], 3)
    expect(evaluateObjectives(objectivesOf('vmotion-settings'), onlyVmotionRefused.states[onlyVmotionRefused.stepEnds.at(-1)!])[at]).toBe(false)
    const ftRefused = await replayCommands([...setup, { op: 'vm.setFtEncryption', name: 'vm-01', ftEncryptionMode: 'disabled' }, turnOn], 3)
    expect(evaluateObjectives(objectivesOf('vmotion-settings'), ftRefused.states[ftRefused.stepEnds.at(-1)!])[at]).toBe(true)
  })
})
