// The Native Key Provider's fields (provider type and native state, vCenter's protected store, the hosts' KDKs, their
// sealed store, hosts without a TPM) survive save and open; files saved before it open with standard providers.

import { describe, expect, it } from 'vitest'
import { nodeDiskCipher } from '../../../node/crypto/nodeDiskCipher'
import { toHex } from '../../../shared/crypto/bytes'
import { readSecretPkcs12 } from '../../../shared/crypto/pkcs12'
import { labBytes, openLabBytes } from '../../../node/labFile/labFileIo'
import { labFileData } from '../../../shared/labFile/kflab'
import { Lab } from '../../../shared/lab/lab'
import { secureRandom, seededRandom } from '../../../shared/lab/random'
import { get, newLab, ok, trustedLab } from '../../helpers/lab'

const deps = (seed: number | null) => ({
  random: seed === null ? secureRandom((b) => crypto.getRandomValues(b)) : seededRandom(seed),
  diskCipher: nodeDiskCipher
})

const steps = [
  { op: 'host.add', name: 'esx-01', cluster: 'c1' },
  { op: 'host.add', name: 'esx-02', cluster: 'c1', tpm: false },
  { op: 'provider.add', name: 'nkp', type: 'native' },
  { op: 'provider.backup', provider: 'nkp', password: 'Backup-2026!' },
  { op: 'vm.create', name: 'vm1', host: 'esx-01', encrypt: true }
] as const

describe('lab files with a Native Key Provider', () => {
  it('a seeded lab replays to the same state', async () => {
    const lab = await newLab(5)
    await ok(lab, ...steps)
    const bytes = await labBytes(lab)
    const opened = await openLabBytes(bytes, deps)
    expect(opened.origin).toBe('created')
    expect(await labBytes(opened)).toEqual(bytes)
  })

  it('an unseeded lab restores every native field and goes on: a reboot without vCenter derives the keys again', async () => {
    const lab = await Lab.create(deps(null), { seed: null })
    await ok(lab, ...steps)
    const opened = await openLabBytes(await labBytes(lab), deps)
    expect(opened.origin).toBe('restored')
    const vc = get(opened, 'vcenter', '')
    expect(vc.persisted.providers.nkp).toMatchObject({ type: 'native', native: { hasBackup: true, tpmRequired: false } })
    expect(toHex(readSecretPkcs12(vc.persisted.providers.nkp.native!.backupFile!, 'Backup-2026!').secret)).toBe(toHex(vc.persisted.protectedStore.kdks.nkp))
    expect(get(opened, 'host', 'esx-02').tpm).toBeNull()
    expect(get(opened, 'host', 'esx-02').persisted.configStoreKey).toEqual(get(lab, 'host', 'esx-02').persisted.configStoreKey)
    expect(get(opened, 'host', 'esx-01').memory.kdks).toEqual(get(lab, 'host', 'esx-01').memory.kdks)
    await ok(opened, { op: 'vcenter.stop' }, { op: 'host.reboot', name: 'esx-01' })
    expect(get(opened, 'vm', 'vm1').cryptoState).toBe('unlocked')
  })

  it('a file saved before the Native Key Provider opens with standard providers and hosts without KDKs', async () => {
    const lab = await trustedLab({ seed: 6 })
    // the data as a file of that time held it: no provider type, no protected store, no KDK fields on hosts
    const data = structuredClone(labFileData(lab)) as unknown as { history: string; commands: unknown[]; entities: Record<string, any> }
    data.history = 'partial'
    data.commands = []
    for (const p of Object.values(data.entities.vcenter.persisted.providers) as Record<string, unknown>[]) {
      delete p.type
      delete p.native
    }
    delete data.entities.vcenter.persisted.protectedStore
    for (const h of ['host:esx-01', 'host:esx-02']) {
      delete data.entities[h].memory.kdks
      delete data.entities[h].persisted.sealedKdks
      delete data.entities[h].persisted.configStoreKey
    }
    const opened = await openLabBytes(await labBytes(data as unknown as Parameters<typeof labBytes>[0]), deps)
    expect(get(opened, 'vcenter', '').persisted.providers.kp).toMatchObject({ type: 'standard', native: null })
    expect(get(opened, 'vcenter', '').persisted.protectedStore).toEqual({ kdks: {} })
    expect(get(opened, 'host', 'esx-01').memory.kdks).toEqual({})
    await ok(opened, { op: 'provider.add', name: 'nkp', type: 'native' })
    expect(get(opened, 'host', 'esx-01').memory.kdks.nkp).toBeDefined()
  })
})
