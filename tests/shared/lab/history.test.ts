import { describe, expect, it } from 'vitest'
import { encryptedVmLab, get, ok, run } from '../../helpers/lab'

describe('history: every event’s before and after state', () => {
  it('entitiesAt gives the state right after any event, and replaying forwards or backwards agrees', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' }, { op: 'host.reboot', name: 'esx-01' })
    const final = lab.entities()
    for (const seq of [0, 1, Math.floor(lab.seq / 3), Math.floor(lab.seq / 2), lab.seq - 1, lab.seq]) {
      const s = lab.entitiesAt(seq)
      // walking the changes of the next event forwards must land on the state after it
      if (seq < lab.seq) for (const c of lab.entries[seq].changes) expect(s.read(c.id)).toBe(c.before)
    }
    const atEnd = lab.entitiesAt(lab.seq)
    for (const [id, e] of final) expect(atEnd.assembled().get(id)).toEqual(e)
    expect(() => lab.entitiesAt(lab.seq + 1)).toThrow(RangeError)
  })

  it('the state before the encryption shows a clear disk and an incapable host; after it, the encrypted one', async () => {
    const lab = await encryptedVmLab()
    const encrypt = lab.commands.find((c) => c.command.op === 'vm.encrypt')!
    const before = lab.entitiesAt(encrypt.firstSeq - 1)
    const vm = before.get('vm:vm1')
    expect(vm?.kind === 'vm' && vm.keyId).toBeNull()
    const host = before.get('host:esx-01')
    expect(host?.kind === 'host' && host.cryptoState).toBe('incapable')
    const after = lab.entitiesAt(encrypt.lastSeq)
    const vmAfter = after.get('vm:vm1')
    expect(vmAfter?.kind === 'vm' && vmAfter.cryptoState).toBe('unlocked')
  })

  it('rewind goes back to an earlier event: later events and commands are gone, and the lab goes on from there', async () => {
    const lab = await encryptedVmLab()
    const encrypt = lab.commands.find((c) => c.command.op === 'vm.encrypt')!
    const keyBefore = get(lab, 'vm', 'vm1').keyId
    await lab.rewind(encrypt.firstSeq - 1)
    expect(lab.seq).toBe(encrypt.firstSeq - 1)
    expect(lab.commands.at(-1)!.command.op).toBe('vm.create')
    expect(get(lab, 'vm', 'vm1').keyId).toBeNull()
    expect(get(lab, 'host', 'esx-01').cryptoState).toBe('incapable')
    // the seeded generator rewound too: encrypting again gives the very same key
    await ok(lab, { op: 'vm.encrypt', name: 'vm1' })
    expect(get(lab, 'vm', 'vm1').keyId).toBe(keyBefore)
  })

  it('a refused command leaves exactly one fault event and no change', async () => {
    const lab = await encryptedVmLab()
    const seq = lab.seq
    const [out] = await run(lab, { op: 'vm.encrypt', name: 'vm1' })
    expect(out.fault?.fault).toBe('InvalidVmConfig')
    expect(lab.seq).toBe(seq + 1)
    expect(lab.entries.at(-1)!.event.kind).toBe('fault')
    expect(lab.entries.at(-1)!.changes.filter((c) => c.id !== 'lab')).toEqual([])
  })

  it('an invalid command is refused with the reason and the place', async () => {
    const lab = await encryptedVmLab()
    const [out] = await run(lab, { op: 'vm.create', name: 'bad name!', host: 'esx-01' } as never)
    expect(out.fault?.fault).toBe('InvalidArgument')
    expect(out.fault?.text).toMatch(/at name/)
    const [unknown] = await run(lab, { op: 'vm.explode', name: 'vm1' } as never)
    expect(unknown.fault?.fault).toBe('InvalidArgument')
  })

  it('check() tells the window which commands the core would refuse, without changing anything', async () => {
    const lab = await encryptedVmLab()
    const seq = lab.seq
    expect(lab.check({ op: 'vm.powerOn', name: 'vm1' })).toBeNull()
    expect(lab.check({ op: 'vm.encrypt', name: 'vm1' })?.fault).toBe('InvalidVmConfig')
    expect(lab.check({ op: 'vm.unlock', name: 'vm1' })?.fault).toBe('InvalidVmState')
    expect(lab.check({ op: 'vm.powerOn', name: 'nope' })?.fault).toBe('NotFound')
    expect(lab.seq).toBe(seq)
  })

  it('commands run one at a time, in order, even when sent together', async () => {
    const lab = await encryptedVmLab()
    const outs = await Promise.all([
      lab.run({ op: 'vm.powerOn', name: 'vm1' }),
      lab.run({ op: 'vm.powerOff', name: 'vm1' }),
      lab.run({ op: 'vm.powerOn', name: 'vm1' })
    ])
    expect(outs.map((o) => o.fault)).toEqual([null, null, null])
    expect(get(lab, 'vm', 'vm1').power).toBe('poweredOn')
    expect(outs[1].events[0].seq).toBeGreaterThan(outs[0].events.at(-1)!.seq)
  })
})
