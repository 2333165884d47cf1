import { describe, expect, it } from 'vitest'
import type { LessonEvent, LessonState } from '../../../shared/scenarios/lessonState'
import type { MessageId } from '../../../shared/i18n/narration'
import {
  diskShowsGuestInClear,
  guestDataOf,
  happened,
  hosts,
  indexOfEvent,
  lastIndexOfEvent,
  trustedProviders,
  vcenterStoresBytes,
  vms
} from '../../../shared/scenarios/lessonState'
import { replayCommands } from '../../helpers/lessonReplay'

const setup = [
  { op: 'kms.add', name: 'kms-1', provider: 'kp' },
  { op: 'provider.add', name: 'kp' },
  { op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' },
  { op: 'host.add', name: 'esx-01', cluster: 'c1' },
  { op: 'host.add', name: 'esx-09', cluster: 'c9' },
  { op: 'vm.create', name: 'enc', host: 'esx-01', guestData: 'top secret' },
  { op: 'vm.create', name: 'plain', host: 'esx-09', guestData: 'top secret' },
  { op: 'vm.encrypt', name: 'enc' },
  { op: 'vm.powerOn', name: 'enc' },
  { op: 'vm.powerOn', name: 'plain' },
  { op: 'host.crash', name: 'esx-01' },
  { op: 'host.crash', name: 'esx-09' }
] as const

const ev = (id: MessageId, params: Record<string, string | number> = {}): LessonEvent => ({ kind: 'vm.state', from: 'x', to: 'y', message: { id, params } })

describe('reading the lab as the window shows it', () => {
  it('tells a disk holding the guest data in clear from one rewritten with the DEK, from the hex preview', async () => {
    const { states, stepEnds } = await replayCommands([...setup], 5)
    const before = states[stepEnds[6]]
    const after = states[stepEnds[7]]
    const vm = (s: LessonState, name: string) => vms(s).find((v) => v.name === name)!
    expect(diskShowsGuestInClear(before, vm(before, 'enc'))).toBe(true)
    expect(diskShowsGuestInClear(after, vm(after, 'enc'))).toBe(false)
    expect(diskShowsGuestInClear(after, vm(after, 'plain'))).toBe(true)
    expect(vm(after, 'enc').flat).not.toBe(vm(before, 'enc').flat)
    // without the command log the lab cannot know what the guest wrote, and says neither
    expect(guestDataOf({ ...after, commands: [] }, 'enc')).toBeNull()
    expect(diskShowsGuestInClear({ ...after, commands: [] }, vm(after, 'enc'))).toBeNull()
  })

  it('reads core dump headers: an envelope naming the host key, and a plain memory image', async () => {
    const { states } = await replayCommands([...setup], 5)
    const end = states.at(-1)!
    const byName = Object.fromEntries(hosts(end).map((h) => [h.name, h]))
    // beside the vmkernel dump, the core file of the running encrypted VM's VMX process, encrypted with its KEK
    const kek = vms(end).find((v) => v.name === 'enc')!.keyId
    expect(byName['esx-01'].dumps).toEqual([
      { name: 'vmkernel-zdump.1', encrypted: true, keyId: byName['esx-01'].hostKeyId },
      { name: 'vmx-zdump.enc.2', encrypted: true, keyId: kek }
    ])
    expect(byName['esx-09'].dumps).toEqual([{ name: 'vmkernel-zdump.1', encrypted: false, keyId: null }])
    expect(byName['esx-01'].cryptoState).toBe('safe')
    expect(byName['esx-09'].cryptoState).toBe('incapable')
    expect(vcenterStoresBytes(end)).toBe(false)
  })

  it('counts trust only when it goes both ways', async () => {
    const { states, stepEnds } = await replayCommands([...setup.slice(0, 3)], 5)
    expect(trustedProviders(states[stepEnds[1]])).toEqual([])
    const trusted = states[stepEnds[2]]
    expect(trustedProviders(trusted).map((p) => p.name)).toEqual(['kp'])
    // the same vCenter, but a KMS that accepts no client: not trusted
    const kms = trusted.views['kms:kms-1'] as { persisted: Record<string, unknown> }
    const oneWay = { ...trusted, views: { ...trusted.views, 'kms:kms-1': { ...kms, persisted: { ...kms.persisted, trustedClients: [] } } } } as LessonState
    expect(trustedProviders(oneWay)).toEqual([])
  })

  it('finds events by message id, parameters and position; an id ending in a dot covers its family', () => {
    const s: LessonState = { views: {}, commands: [], events: [ev('kms.stopped'), ev('vm.lock.kmsError', { vm: 'a' }), ev('vm.unlocked', { vm: 'a' }), ev('vm.lock.keysMissing', { vm: 'b' })] }
    expect(indexOfEvent(s, 'vm.lock.')).toBe(1)
    expect(indexOfEvent(s, 'vm.lock.', { vm: 'b' })).toBe(3)
    expect(indexOfEvent(s, 'vm.lock')).toBe(-1)
    expect(lastIndexOfEvent(s, 'vm.lock.')).toBe(3)
    expect(happened(s, 'vm.unlocked', { vm: 'a' }, 1)).toBe(true)
    expect(happened(s, 'vm.unlocked', { vm: 'a' }, 2)).toBe(false)
    expect(happened(s, 'vm.unlocked', { vm: 'b' })).toBe(false)
  })

  it('answers defaults instead of throwing on views of an unexpected shape', () => {
    const s = { views: { vcenter: 'broken', 'vm:x': { kind: 'vm', files: 3 }, 'host:y': { kind: 'host', memory: { keyCache: [1] }, persisted: { varCore: { d: { $bytes: true, size: 1, hex: 'zz', truncated: false, fingerprint: null } } } } }, events: [], commands: [] } as unknown as LessonState
    expect(vms(s)).toEqual([{ id: '', name: '', host: '', datastore: '', power: null, cryptoState: null, keyId: null, connectionState: null, flat: null, disks: [], vtpm: false, migrateEncryption: null }])
    expect(hosts(s)[0]).toMatchObject({ keyCache: [], dumps: [{ name: 'd', encrypted: false, keyId: null }] })
    expect(trustedProviders(s)).toEqual([])
    expect(diskShowsGuestInClear(s, vms(s)[0])).toBeNull()
  })
})
