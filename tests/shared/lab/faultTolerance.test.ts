// Fault Tolerance (docs/vsphere-facts.md#f-ft): the encrypted-FT mode (Required for encrypted VMs), the refusals of
// Turn on Fault Tolerance with their vSphere reasons, the secondary host's KEK, and FT logging encrypted per mode.

import { describe, expect, it } from 'vitest'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import type { Lab } from '../../../shared/lab/lab'
import { toHex, utf8 } from '../../../shared/crypto/bytes'
import { encryptedVmLab, get, newLab, ok, run, trustedLab } from '../../helpers/lab'

const turnOn = (host = 'esx-02'): LabCommand => ({ op: 'vm.turnOnFaultTolerance', name: 'vm1', host })

async function refusal(lab: Lab, command: LabCommand) {
  const [out] = await run(lab, command)
  expect(out.fault).toBeDefined()
  expect(get(lab, 'vm', 'vm1').ftSecondary).toBeUndefined()
  return out.fault!
}

async function runningVm(mode?: 'disabled' | 'opportunistic' | 'required'): Promise<Lab> {
  const lab = await trustedLab()
  await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'ft memory secret' })
  if (mode) await ok(lab, { op: 'vm.setFtEncryption', name: 'vm1', ftEncryptionMode: mode })
  await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
  return lab
}

describe('encrypted Fault Tolerance mode', () => {
  it('is Opportunistic for a new VM and Required for an encrypted one, which cannot lower it', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' })
    expect(get(lab, 'vm', 'vm1').ftEncryptionMode).toBeUndefined()
    expect((await refusal(lab, { op: 'vm.setFtEncryption', name: 'vm1', ftEncryptionMode: 'opportunistic' })).fault).toBe('InvalidArgument')
    await ok(lab, { op: 'vm.setFtEncryption', name: 'vm1', ftEncryptionMode: 'disabled' })
    expect(get(lab, 'vm', 'vm1').ftEncryptionMode).toBe('disabled')

    const encrypted = await encryptedVmLab()
    for (const mode of ['disabled', 'opportunistic'] as const) {
      const fault = await refusal(encrypted, { op: 'vm.setFtEncryption', name: 'vm1', ftEncryptionMode: mode })
      expect(fault.fault).toBe('InvalidVmConfig')
      expect(fault.text).toMatch(/is encrypted: .* Required/)
    }
    expect((await refusal(encrypted, { op: 'vm.setFtEncryption', name: 'vm1', ftEncryptionMode: 'required' })).fault).toBe('InvalidArgument')
  })
})

describe('Turn on Fault Tolerance: refusals', () => {
  it('refuses the primary host itself, a host of another cluster and a host in maintenance mode', async () => {
    const lab = await trustedLab({ hosts: ['esx-01', 'esx-02'] })
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'host.add', name: 'esx-03', cluster: 'c2' }, { op: 'host.enterMaintenanceMode', name: 'esx-02' })
    const same = await refusal(lab, turnOn('esx-01'))
    expect(same.text).toMatch(/another host/)
    const other = await refusal(lab, turnOn('esx-03'))
    expect(other.text).toMatch(/not in cluster c1/)
    const inactive = await refusal(lab, turnOn('esx-02'))
    expect(inactive.text).toMatch(/maintenance mode .*hostInactive.*exit maintenance mode/)
  })

  it('refuses a second secondary (moreThanOneSecondary) until Fault Tolerance is turned off', async () => {
    const lab = await trustedLab({ hosts: ['esx-01', 'esx-02', 'esx-03'] })
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, turnOn('esx-02'))
    expect(get(lab, 'vm', 'vm1').ftSecondary).toEqual({ host: 'esx-02' })
    const [out] = await run(lab, turnOn('esx-03'))
    expect(out.fault?.text).toMatch(/moreThanOneSecondary.*turn off Fault Tolerance/)
    expect(get(lab, 'vm', 'vm1').ftSecondary).toEqual({ host: 'esx-02' })
    await ok(lab, { op: 'vm.turnOffFaultTolerance', name: 'vm1' }, turnOn('esx-03'))
    expect(get(lab, 'vm', 'vm1').ftSecondary).toEqual({ host: 'esx-03' })
  })

  it('refuses a VM with snapshots (hasSnapshots), and Turn off when FT is not on', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.snapshot', name: 'vm1' })
    expect((await refusal(lab, turnOn())).text).toMatch(/1 snapshot .*hasSnapshots.*delete its snapshots/)
    expect((await refusal(lab, { op: 'vm.turnOffFaultTolerance', name: 'vm1' })).text).toMatch(/not turned on/)
  })
})

describe('Fault Tolerance of an encrypted VM', () => {
  it('gives the secondary host the KEK from the KMS (standard provider), and FT logging is encrypted', async () => {
    const lab = await encryptedVmLab({ hosts: ['esx-01'] })
    await ok(lab, { op: 'host.add', name: 'esx-02', cluster: 'c1' }, { op: 'vm.powerOn', name: 'vm1' })
    const kek = get(lab, 'vm', 'vm1').keyId!
    expect(get(lab, 'host', 'esx-02').memory.keyCache[kek]).toBeUndefined()
    const [out] = await ok(lab, turnOn())
    const ids = out.events.map((e) => e.message.id)
    expect(ids).toContain('ft.kek.secondary')
    expect(out.events.some((e) => e.message.id === 'vcenter.push.kek' && e.to === 'host:esx-02')).toBe(true)
    expect(get(lab, 'host', 'esx-02').memory.keyCache[kek]?.keyType).toBe('kek')
    const log = out.events.find((e) => e.message.id === 'ft.log.encrypted')!
    expect(log.payload?.encrypted).toBe(true)
    expect(log.detail?.join('\n')).not.toContain(Buffer.from(utf8('top secret payroll')).toString('hex'))
  })

  it('with a Native Key Provider, the secondary derives the same KEK from its KDK: no KMS, no key on the wire', async () => {
    const lab = await newLab(3)
    await ok(
      lab,
      { op: 'host.add', name: 'esx-01', cluster: 'c1' },
      { op: 'provider.add', name: 'nkp', type: 'native' },
      { op: 'provider.backup', provider: 'nkp' },
      { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'top secret payroll' },
      { op: 'vm.encrypt', name: 'vm1' },
      { op: 'host.add', name: 'esx-02', cluster: 'c1' }
    )
    const kek = get(lab, 'vm', 'vm1').keyId!
    expect(get(lab, 'host', 'esx-02').memory.keyCache[kek]).toBeUndefined()
    const [out] = await ok(lab, turnOn())
    expect(out.events.some((e) => e.message.id === 'nkp.derive.kek' && e.to === 'host:esx-02')).toBe(true)
    expect(out.events.some((e) => e.kind.startsWith('kmip.') || e.kind === 'key.push')).toBe(false)
    expect(toHex(get(lab, 'host', 'esx-02').memory.keyCache[kek].material)).toBe(toHex(get(lab, 'host', 'esx-01').memory.keyCache[kek].material))
  })

  it('says the KEK is already there when the secondary holds it, and pushes nothing', async () => {
    const lab = await encryptedVmLab()
    const [out] = await ok(lab, turnOn())
    expect(out.events.map((e) => e.message.id)).toEqual(expect.arrayContaining(['ft.kek.present', 'ft.secondary.waiting']))
    expect(out.events.some((e) => e.kind === 'key.push')).toBe(false)
  })
})

describe('FT logging of an unencrypted VM follows its mode', () => {
  it.each([
    ['Opportunistic (the default)', true, undefined],
    ['Required', true, 'required'],
    ['Disabled', false, 'disabled']
  ] as const)('%s: FT logging encrypted: %s', async (_label, encrypted, mode) => {
    const lab = await runningVm(mode)
    const [out] = await ok(lab, turnOn())
    const log = out.events.find((e) => e.kind === 'vmotion')!
    expect(log.message.id).toBe(encrypted ? 'ft.log.encrypted' : 'ft.log.plain')
    expect(log.payload?.encrypted).toBe(encrypted)
    expect(out.events.some((e) => e.message.id === 'ft.key.generated')).toBe(encrypted)
    expect(log.detail?.join('\n').includes(Buffer.from(utf8('ft memory secret')).toString('hex'))).toBe(!encrypted)
  })
})

describe('with Fault Tolerance on', () => {
  it('refuses what would change the VM’s keys, files or place, and maintenance mode of the secondary’s host, until FT is off', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, turnOn('esx-02'))
    const refused: LabCommand[] = [
      { op: 'vm.snapshot', name: 'vm1' },
      { op: 'vm.migrate', name: 'vm1', host: 'esx-02' },
      { op: 'vm.rekey', name: 'vm1' },
      { op: 'vm.decrypt', name: 'vm1' },
      { op: 'vm.remove', name: 'vm1' }
    ]
    for (const command of refused) {
      const [out] = await run(lab, command)
      expect(out.fault?.fault, command.op).toBe('InvalidState')
      expect(out.fault?.text).toMatch(/Fault Tolerance turned on \(its secondary runs on esx-02\): turn Fault Tolerance off first/)
    }
    const [maintenance] = await run(lab, { op: 'host.enterMaintenanceMode', name: 'esx-02' })
    expect(maintenance.fault?.text).toMatch(/esx-02 runs the Fault Tolerance secondary of vm1/)
    await ok(lab, { op: 'vm.turnOffFaultTolerance', name: 'vm1' }, { op: 'vm.snapshot', name: 'vm1' }, { op: 'host.enterMaintenanceMode', name: 'esx-02' })
  })
})
