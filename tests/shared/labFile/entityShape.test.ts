// The step that brings format-1 components (one disk in `files`, one DEK per VM, vCenter without a session) to the
// current shape, and the check that lets such a file's history come back although its replay makes other keys.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeDiskCipher } from '../../../node/crypto/nodeDiskCipher'
import { parseLabFile } from '../../../shared/labFile/kflab'
import { migrateEntityShape } from '../../../shared/labFile/migrations/v1-entity-shape'
import { sameLabStructure } from '../../../shared/labFile/sameLab'
import { Lab } from '../../../shared/lab/lab'
import type { Entity } from '../../../shared/lab/model'
import { seededRandom } from '../../../shared/lab/random'
import { ADMINISTRATOR_USER } from '../../../shared/lab/services/vcenterSetup'
import { newDisk, vmFileList, vmHomePaths } from '../../../shared/lab/services/vmFiles'
import { encryptedVmLab, get, ok } from '../../helpers/lab'

const deps = (seed: number | null) => ({ random: seededRandom(seed ?? 1), diskCipher: nodeDiskCipher })
const fixtureText = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/labfiles', `${name}.kflab`), 'utf8')

const dek = new Uint8Array(64).fill(7)
/** A format-1 VM after one encryption (generation 1) with a snapshot, running on esx-01. */
const oldDoc = () => ({
  format: 'keyflow-lab',
  version: 2,
  entities: {
    vcenter: {
      id: 'vcenter',
      kind: 'vcenter',
      persisted: {
        providers: { kp: { name: 'kp', trust: { mode: 'vcenter-root-ca' } }, other: { name: 'other', trust: { mode: null } } },
        defaultProvider: 'kp'
      }
    },
    'kms:kms-1': { id: 'kms:kms-1', kind: 'kms', name: 'kms-1', provider: 'kp' },
    'kms:kms-2': { id: 'kms:kms-2', kind: 'kms', name: 'kms-2', provider: 'kp' },
    'kms:kms-3': { id: 'kms:kms-3', kind: 'kms', name: 'kms-3', provider: 'other' },
    'vm:hr-01': {
      id: 'vm:hr-01',
      kind: 'vm',
      name: 'hr-01',
      keyId: 'kek-1',
      providerId: 'kp',
      diskBytes: 131072,
      bootSectors: 1,
      files: { vmx: 'hr-01/hr-01.vmx', descriptor: 'hr-01/hr-01_1.vmdk', flat: 'hr-01/hr-01_1-flat.vmdk', nvram: 'hr-01/hr-01_1.nvram' },
      fileGeneration: 1,
      snapshots: [{ name: 's1', vmsn: 'hr-01/hr-01-Snapshot1.vmsn', deltaDescriptor: 'hr-01/hr-01-000001.vmdk', deltaData: 'hr-01/hr-01-000001-delta.vmdk' }],
      migrateEncryption: 'opportunistic',
      persisted: { files: ['hr-01/hr-01.vmx', 'hr-01/hr-01_1.vmdk', 'hr-01/hr-01_1-flat.vmdk', 'hr-01/hr-01_1.nvram', 'hr-01/hr-01-Snapshot1.vmsn', 'hr-01/hr-01-000001.vmdk', 'hr-01/hr-01-000001-delta.vmdk'] }
    },
    'host:esx-01': {
      id: 'host:esx-01',
      kind: 'host',
      memory: {
        runningVms: ['hr-01'],
        keyCache: {
          'kek-1': { keyId: 'kek-1', keyType: 'kek', providerId: 'kp', material: new Uint8Array(32) },
          'dek:hr-01': { keyId: 'dek:hr-01', keyType: 'dek', providerId: null, material: dek, vm: 'hr-01' }
        }
      }
    }
  }
})

describe('format-1 components → the current shape', () => {
  it('fills disks[], the VM home, vTPM and the vCenter session as vm.create and vcenter setup make them', () => {
    const doc = oldDoc()
    const out = migrateEntityShape(doc) as { entities: Record<string, Record<string, unknown>> }
    const vm = out.entities['vm:hr-01']
    expect(vm.files).toEqual(vmHomePaths('hr-01', 1))
    expect(vm.disks).toEqual([{ ...newDisk('hr-01', 0, 131072), descriptor: 'hr-01/hr-01_1.vmdk', flat: 'hr-01/hr-01_1-flat.vmdk', keyId: 'kek-1', providerId: 'kp', generation: 1 }])
    expect('diskBytes' in vm).toBe(false)
    expect(vm.vtpm).toBe(false)
    expect((vm.persisted as { files: string[] }).files).toEqual(vmFileList(vm as never))
    const vcenter = out.entities.vcenter.persisted as { session: unknown; providers: Record<string, { trust: { servers: unknown } }> }
    expect(vcenter.session).toEqual({ user: ADMINISTRATOR_USER, role: 'administrator' })
    // Format 1 trusted a provider as a whole: each of its servers is trusted now, as provider.trust marks them.
    const both = { clientTrustServer: true, serverTrustClient: true }
    expect(vcenter.providers.kp.trust.servers).toEqual({ 'kms-1': both, 'kms-2': both })
    expect(vcenter.providers.other.trust.servers).toEqual({})
    // The one DEK opened both the disk and the NVRAM: it is now the VM home key and disk scsi0:0's DEK.
    const cache = (out.entities['host:esx-01'].memory as { keyCache: Record<string, { keyId: string; material: Uint8Array; vm?: string }> }).keyCache
    expect(Object.keys(cache)).toEqual(['kek-1', 'dek:hr-01/home', 'dek:hr-01/scsi0:0'])
    expect(cache['dek:hr-01/home']).toMatchObject({ keyId: 'dek:hr-01/home', material: dek, vm: 'hr-01' })
    expect(cache['dek:hr-01/scsi0:0']).toMatchObject({ keyId: 'dek:hr-01/scsi0:0', material: dek, vm: 'hr-01' })
    expect(doc.entities['vm:hr-01'].diskBytes).toBe(131072)
    // Idempotent: the migrated document is in the current shape.
    expect(migrateEntityShape(out)).toEqual(out)
  })

  it('leaves components already in the current shape as they are (format-1 files saved after the change)', async () => {
    const lab = await encryptedVmLab({ seed: 4 })
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const doc = { entities: Object.fromEntries(lab.entities()) }
    expect(migrateEntityShape(doc)).toEqual(doc)
  })

  it('an old encrypted VM restored from its migrated state still decrypts: its key safes open with the one DEK', async () => {
    const data = parseLabFile(fixtureText('v1-encrypted-snapshot-coredump'))
    const lab = Lab.restore(deps(data.seed), Object.entries(data.entities) as [string, Entity][])
    const vm = get(lab, 'vm', 'hr-01')
    expect(vm.keyId).not.toBeNull()
    await ok(lab, { op: 'vm.powerOn', name: 'hr-01' })
    expect(new TextDecoder().decode(get(lab, 'vm', 'hr-01').memory.guest!)).toContain('salary list 2026')
    await ok(lab, { op: 'vm.powerOff', name: 'hr-01' }, { op: 'vm.deleteSnapshots', name: 'hr-01' }, { op: 'vm.decrypt', name: 'hr-01' }, { op: 'vm.powerOn', name: 'hr-01' })
    expect(get(lab, 'vm', 'hr-01').keyId).toBeNull()
    expect(new TextDecoder().decode(get(lab, 'vm', 'hr-01').memory.guest!)).toContain('salary list 2026')
  })
})

describe('a format-1 file whose replay makes other keys', () => {
  it('is the same lab by structure (components, files, key IDs, states), and not once a component differs', async () => {
    const data = parseLabFile(fixtureText('v1-lesson-first-encrypted-vm'))
    expect(data.savedByFormat1).toBe(true)
    const replayed = await Lab.create(deps(data.seed), { seed: data.seed! })
    for (const c of data.commands) await replayed.run(c.command, c.step === null ? {} : { step: c.step })
    expect(sameLabStructure(replayed.entities(), data.entities)).toBe(true)
    await ok(replayed, { op: 'vm.powerOff', name: 'web-01' })
    expect(sameLabStructure(replayed.entities(), data.entities)).toBe(false)
    const { 'vm:web-01': _dropped, ...fewer } = data.entities
    expect(sameLabStructure(Object.entries(fewer), data.entities)).toBe(false)
  })

  it('compares on what format 1 recorded: an encrypted .vmsn and a VMX core file are this version\'s, a missing vmkernel dump is not', async () => {
    const data = parseLabFile(fixtureText('v1-encrypted-snapshot-coredump'))
    const replayed = await Lab.create(deps(data.seed), { seed: data.seed! })
    for (const c of data.commands) await replayed.run(c.command, c.step === null ? {} : { step: c.step })
    const mine = Object.fromEntries(replayed.entities())
    // Today's commands encrypt the snapshot's .vmsn (format 1 kept its text) and write the VM's VMX core file.
    const ds = get(replayed, 'datastore', 'ds-cluster-a')
    const saved = get(Lab.restore(deps(data.seed), Object.entries(data.entities) as [string, Entity][]), 'datastore', 'ds-cluster-a')
    expect(ds.persisted.files['hr-01/hr-01-Snapshot1.vmsn'].data).toBeInstanceOf(Uint8Array)
    expect(saved.persisted.files['hr-01/hr-01-Snapshot1.vmsn'].text).toContain('encryption.bundle')
    const host = get(replayed, 'host', 'esx-01')
    expect(Object.keys(host.persisted.varCore).sort()).toEqual(['vmkernel-zdump.1', 'vmx-zdump.hr-01.2'])
    expect(sameLabStructure(replayed.entities(), data.entities)).toBe(true)
    // What format 1 recorded still counts: its vmkernel dump, and each file's kind.
    const { 'vmkernel-zdump.1': _dump, ...withoutDump } = host.persisted.varCore
    expect(sameLabStructure(Object.entries({ ...mine, 'host:esx-01': { ...host, persisted: { ...host.persisted, varCore: withoutDump } } }), data.entities)).toBe(false)
    const renamed = { ...ds.persisted.files, 'hr-01/hr-01-Snapshot1.vmsn': { kind: 'delta' as const, data: new Uint8Array(1) } }
    expect(sameLabStructure(Object.entries({ ...mine, 'datastore:ds-cluster-a': { ...ds, persisted: { files: renamed } } }), data.entities)).toBe(false)
  })
})
