// The served KMS's keys in a .kflab file: a new file holds one built-in KMS, an external KMS cannot be served,
// every save is a lab file that opens again.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { KmipManagedObject } from '../../../shared/kmip'
import { Lab } from '../../../shared/lab/lab'
import type { KmsComponent } from '../../../shared/lab/model'
import { labDeps } from '../../../node/host/labHost'
import { writeLab } from '../../../node/labFile/labFileIo'
import { savedData } from '../../helpers/labFiles'
import { LabStateError, NEW_LAB_PROVIDER, openLabKeyState } from '../../../node/kmip/labState'

const dirs: string[] = []
const dir = (): string => {
  dirs.push(mkdtempSync(join(tmpdir(), 'kflab-state-')))
  return dirs[dirs.length - 1]
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const key = (uid: string): KmipManagedObject => ({
  uid,
  objectType: 2,
  algorithm: 3,
  length: 256,
  usageMask: 12,
  material: new Uint8Array(32).fill(9),
  state: 1,
  names: ['k'],
  attributes: { 'x-Big': { type: 'BigInteger', value: 2n ** 70n } },
  owner: 'vcenter-sim',
  initialDate: 1_800_000_000,
  lastChangeDate: 1_800_000_000
})

describe('openLabKeyState', () => {
  it('creates a lab file with one built-in KMS when the file does not exist', async () => {
    const path = join(dir(), 'fresh.kflab')
    const state = await openLabKeyState(path, 'kms-7')
    expect(state.created).toBe(true)
    expect(state.keys).toEqual([])
    const data = await savedData(path)
    const kms = data.entities['kms:kms-7'] as KmsComponent
    expect(kms).toMatchObject({ name: 'kms-7', provider: NEW_LAB_PROVIDER, external: null })
    expect(data.history).toBe('complete')
  })

  it('replaces the keys of its KMS, byte strings and big integers included, and marks the history partial', async () => {
    const path = join(dir(), 'keys.kflab')
    const state = await openLabKeyState(path, 'kms-1')
    await state.save([key('a'), key('b')])
    const data = await savedData(path)
    expect(data.history).toBe('partial')
    const keys = (data.entities['kms:kms-1'] as KmsComponent).persisted.keys
    expect(Object.keys(keys)).toEqual(['a', 'b'])
    expect(keys.a.material).toEqual(new Uint8Array(32).fill(9))
    expect(keys.a.attributes['x-Big']).toEqual({ type: 'BigInteger', value: 2n ** 70n })
    await state.save([key('b')])
    expect(Object.keys(((await savedData(path)).entities['kms:kms-1'] as KmsComponent).persisted.keys)).toEqual(['b'])
    expect((await openLabKeyState(path, 'kms-1')).keys.map((k) => k.uid)).toEqual(['b'])
  })

  it('refuses to save what would not open again, and leaves the file as it was', async () => {
    const path = join(dir(), 'guarded.kflab')
    const state = await openLabKeyState(path, 'kms-1')
    await state.save([key('good')])
    const before = readFileSync(path)
    const broken = { ...key('bad'), state: 9 as never }
    await expect(state.save([broken])).rejects.toThrow(/the keys were not saved: the lab file would not open again/)
    expect(readFileSync(path)).toEqual(before)
  })

  it("refuses an external KMS (its keys live elsewhere) and a file that is not a lab", async () => {
    const lab = await Lab.create(labDeps(3), { seed: 3 })
    await lab.run({ op: 'kms.add', name: 'far', provider: 'kp', external: { host: '127.0.0.1', port: 5696, caPem: 'x', clientCertPem: 'y', clientKeyPem: 'z' } })
    const path = join(dir(), 'external.kflab')
    await writeLab(lab, path)
    await expect(openLabKeyState(path, 'far')).rejects.toThrow(/'far' in .* is an external KMS/)
    const junk = join(dir(), 'junk.kflab')
    writeFileSync(junk, 'not json')
    await expect(openLabKeyState(junk, 'kms-1')).rejects.toBeInstanceOf(LabStateError)
  })
})
