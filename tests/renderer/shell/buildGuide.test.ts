import { describe, expect, it } from 'vitest'
import type { LabFacts } from '../../../renderer/src/reading/labFacts'
import type { VmCryptoState } from '../../../shared/lab/model'
import { BUILD_STEP_COUNT, nextBuildStep } from '../../../renderer/src/shell/buildGuide'

const empty: LabFacts = { kms: [], providers: [], hosts: [], vms: [], clusters: [], keys: [], dumps: {}, vcenterRunning: true }
const kms = { kind: 'kms', id: 'kms:kms-1', name: 'kms-1', provider: 'lab-kms', running: true } as unknown as LabFacts['kms'][number]
const host = { kind: 'host', id: 'host:esx-01', name: 'esx-01', cluster: 'cluster-a' } as unknown as LabFacts['hosts'][number]
const vm = (cryptoState: VmCryptoState | null): LabFacts['vms'][number] => ({ kind: 'vm', id: 'vm:vm-01', name: 'vm-01', host: 'esx-01', power: 'poweredOff', connectionState: 'connected', cryptoState, keyId: cryptoState ? 'k1' : null, snapshots: 0, ftSecondary: null })

describe('the build-it-yourself guide', () => {
  it('walks from an empty lab to an encrypted VM, one command at a time', () => {
    const steps: [LabFacts, string | null][] = [
      [empty, 'kms.add'],
      [{ ...empty, kms: [kms], providers: [{ name: 'lab-kms', trusted: false, isDefault: false, registered: false, native: false, hasBackup: false }] }, 'provider.add'],
      [{ ...empty, kms: [kms], providers: [{ name: 'lab-kms', trusted: false, isDefault: true, registered: true, native: false, hasBackup: false }] }, 'provider.trust'],
      [{ ...empty, kms: [kms], providers: [{ name: 'lab-kms', trusted: true, isDefault: true, registered: true, native: false, hasBackup: false }] }, 'host.add'],
      [{ ...empty, kms: [kms], providers: [{ name: 'lab-kms', trusted: true, isDefault: true, registered: true, native: false, hasBackup: false }], hosts: [host] }, 'vm.create'],
      [{ ...empty, kms: [kms], providers: [{ name: 'lab-kms', trusted: true, isDefault: true, registered: true, native: false, hasBackup: false }], hosts: [host], vms: [vm(null)] }, 'vm.encrypt'],
      [{ ...empty, kms: [kms], providers: [{ name: 'lab-kms', trusted: true, isDefault: true, registered: true, native: false, hasBackup: false }], hosts: [host], vms: [vm('unlocked')] }, null]
    ]
    steps.forEach(([facts, op], i) => {
      const next = nextBuildStep(facts)
      expect(next?.step.op ?? null).toBe(op)
      if (next) expect(next.number).toBe(i + 1)
    })
    expect(BUILD_STEP_COUNT).toBe(6)
  })
})
