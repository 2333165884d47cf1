import { describe, expect, it } from 'vitest'
import { nodeDiskCipher } from '../../../node/crypto/nodeDiskCipher'
import { LabFileError, labFileData, loadLabFile, parseLabFile, serializeLab } from '../../../shared/labFile/kflab'
import { secureRandom, seededRandom } from '../../../shared/lab/random'
import { Lab } from '../../../shared/lab/lab'
import { encryptedVmLab, get, ok } from '../../helpers/lab'

const deps = (seed: number | null) => ({
  random: seed === null ? secureRandom((b) => crypto.getRandomValues(b)) : seededRandom(seed),
  diskCipher: nodeDiskCipher
})

describe('.kflab lab files', () => {
  it('a seeded lab saves and opens with its whole history replayed, ending in the same state', async () => {
    const lab = await encryptedVmLab({ seed: 4 })
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' }, { op: 'host.crash', name: 'esx-01' })
    const text = serializeLab(lab)
    const opened = await loadLabFile(parseLabFile(text), deps)
    expect(opened.origin).toBe('created')
    expect(opened.seq).toBe(lab.seq)
    expect(serializeLab(opened)).toBe(text)
    expect(get(opened, 'host', 'esx-01').persisted.varCore['vmkernel-zdump.1']).toEqual(get(lab, 'host', 'esx-01').persisted.varCore['vmkernel-zdump.1'])
  })

  it('an unseeded lab opens at its saved state and can go on', async () => {
    const lab = await Lab.create(deps(null), { seed: null })
    await ok(lab, { op: 'kms.add', name: 'kms-1', provider: 'kp' }, { op: 'provider.add', name: 'kp' }, { op: 'host.add', name: 'esx-01', cluster: 'c1' })
    const opened = await loadLabFile(parseLabFile(serializeLab(lab)), deps)
    expect(opened.origin).toBe('restored')
    expect(opened.seq).toBe(0)
    expect(serializeLab(opened)).toBe(serializeLab(lab).replace('"history":"complete"', '"history":"partial"').replace(/"commands":\[.*?\],"entities"/, '"commands":[],"entities"'))
    await ok(opened, { op: 'provider.trust', provider: 'kp', mode: 'csr' }, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.encrypt', name: 'vm1' })
  })

  it('a seeded file whose state was edited falls back to the saved state instead of a replay that disagrees', async () => {
    const lab = await encryptedVmLab({ seed: 4 })
    const data = JSON.parse(serializeLab(lab))
    data.entities['vm:vm1'].memory.guest = null
    data.entities['vm:vm1'].connectionState = 'invalid'
    const opened = await loadLabFile(parseLabFile(JSON.stringify(data)), deps)
    expect(opened.origin).toBe('restored')
    expect(get(opened, 'vm', 'vm1').connectionState).toBe('invalid')
  })

  it('refuses what is not a lab file, a newer version, and damage — with the place', async () => {
    const lab = await encryptedVmLab({ seed: 4 })
    const good = JSON.parse(serializeLab(lab))
    expect(() => parseLabFile('hello')).toThrow(new LabFileError('this is not a KeyFlow Lab file: it is not JSON'))
    expect(() => parseLabFile('{"format": "pkt", "version": 1}')).toThrow(/not a KeyFlow Lab file/)
    expect(() => parseLabFile(JSON.stringify({ ...good, version: 2 }))).toThrow(/version 2; this KeyFlow Lab reads version 1/)
    const damaged = structuredClone(good)
    damaged.entities['host:esx-01'].cryptoState = 'molten'
    expect(() => parseLabFile(JSON.stringify(damaged))).toThrow(/damaged: .* at entities\.host:esx-01\.cryptoState/)
    const badBytes = structuredClone(good)
    badBytes.entities['host:esx-01'].tpm.storageKey = { $b64: '%%%' }
    expect(() => parseLabFile(JSON.stringify(badBytes))).toThrow(LabFileError)
    const missing = structuredClone(good)
    delete missing.entities['vm:vm1']
    expect(() => parseLabFile(JSON.stringify(missing))).toThrow(/vm:vm1 is listed but missing/)
  })

  it('keeps big integers and bytes exactly', async () => {
    const lab = await encryptedVmLab({ seed: 4 })
    const data = parseLabFile(serializeLab(lab))
    const kms = data.entities['kms:kms-1']
    expect(kms.kind === 'kms' && Object.values(kms.persisted.keys)[0].material).toBeInstanceOf(Uint8Array)
    expect(labFileData(lab).history).toBe('complete')
  })
})
