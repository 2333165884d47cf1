import { describe, expect, it } from 'vitest'
import type { LabPush } from '../../../shared/api/contract'
import { labHostWith } from '../../helpers/labHost'

const trusted = [
  { op: 'kms.add', name: 'kms-1', provider: 'kp' },
  { op: 'provider.add', name: 'kp' },
  { op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' },
  { op: 'host.add', name: 'esx-01', cluster: 'c1' },
  { op: 'vm.create', name: 'vm1', host: 'esx-01', diskMiB: 0.0625 }
] as const

describe('undo and redo on the lab host', () => {
  it('takes back the last command with a rewind, and redo runs it again while nothing new ran', async () => {
    const pushes: LabPush[] = []
    const host = await labHostWith(3, [...trusted, { op: 'vm.encrypt', name: 'vm1' }], (h) => h.subscribe((p) => pushes.push(p)))
    const before = await host.getTimeline()
    const encrypt = before.commands.at(-1)!
    expect(encrypt.command.op).toBe('vm.encrypt')
    expect(before.undone).toBe(0)

    pushes.length = 0
    expect(await host.undo()).toBe(true)
    const undone = await host.getTimeline()
    expect(pushes).toEqual([{ type: 'reset', labId: before.labId }])
    expect(undone.commands.map((c) => c.command.op)).toEqual(trusted.map((c) => c.op))
    expect(undone.events.at(-1)!.seq).toBe(encrypt.firstSeq - 1)
    expect(undone.undone).toBe(1)
    expect(undone.file.dirty).toBe(true)

    const redone = await host.redo()
    expect(redone).toMatchObject({ index: encrypt.index, firstSeq: encrypt.firstSeq, fault: null })
    const after = await host.getTimeline()
    expect(after.commands.at(-1)!.command).toEqual(encrypt.command)
    expect(after.events.length).toBe(before.events.length)
    expect(after.undone).toBe(0)
    // The push of the restored command says nothing more can be restored.
    expect(pushes.filter((p) => p.type === 'appended').map((p) => (p as { undone?: number }).undone)).toEqual([0])
    expect(await host.redo()).toBeNull()
  })

  it('undoes several commands in turn and restores them in order', async () => {
    const host = await labHostWith(4, [...trusted])
    expect(await host.undo()).toBe(true)
    expect(await host.undo()).toBe(true)
    expect((await host.getTimeline()).undone).toBe(2)
    expect((await host.getTimeline()).commands.map((c) => c.command.op)).toEqual(['kms.add', 'provider.add', 'provider.trust'])
    await host.redo()
    await host.redo()
    expect((await host.getTimeline()).commands.map((c) => c.command.op)).toEqual(trusted.map((c) => c.op))
  })

  it('forgets what was taken back once another command runs, the lab is rewound or replaced', async () => {
    const host = await labHostWith(5, [...trusted])
    await host.undo()
    await host.runCommand({ op: 'host.add', name: 'esx-02', cluster: 'c1' })
    expect((await host.getTimeline()).undone).toBe(0)
    expect(await host.redo()).toBeNull()

    await host.undo()
    await host.rewind(1)
    expect(await host.redo()).toBeNull()

    await host.undo()
    await host.newLab({ seed: 1 })
    expect(await host.redo()).toBeNull()
    // Nothing to take back in an empty lab.
    expect(await host.undo()).toBe(false)
  })

  it('takes back a refused command too', async () => {
    const host = await labHostWith(6, [...trusted])
    const refused = await host.runCommand({ op: 'vm.powerOn', name: 'nope' })
    expect(refused.fault).not.toBeNull()
    await host.undo()
    expect((await host.getTimeline()).commands).toHaveLength(trusted.length)
  })
})
