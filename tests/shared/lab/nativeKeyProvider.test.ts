// The vSphere Native Key Provider (docs/vsphere-facts.md#nkp-kdk, #nkp-backup, #nkp-no-persistence, #nkp-cluster):
// vCenter makes a KDK and pushes it to the hosts; the hosts derive their keys; no KMS, no KMIP; unusable until
// backed up; a rebooted host derives its keys again on its own, where a standard provider's VM locks.

import { describe, expect, it } from 'vitest'
import { toHex } from '../../../shared/crypto/bytes'
import { hkdf } from '../../../shared/crypto/hkdf'
import { readSecretPkcs12 } from '../../../shared/crypto/pkcs12'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import type { Lab } from '../../../shared/lab/lab'
import { deriveKey, NKP_HKDF_SALT } from '../../../shared/lab/services/nativeKeys'
import { encryptedVmLab, get, newLab, ok, run } from '../../helpers/lab'

const nativeSetup: LabCommand[] = [
  { op: 'host.add', name: 'esx-01', cluster: 'c1' },
  { op: 'host.add', name: 'esx-02', cluster: 'c1' },
  { op: 'provider.add', name: 'nkp', type: 'native' },
  { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'top secret payroll' }
]

async function nativeLab(): Promise<Lab> {
  const lab = await newLab(3)
  await ok(lab, ...nativeSetup)
  return lab
}

const kmipEvents = (lab: Lab) => lab.entries.map((e) => e.event).filter((e) => e.kind.startsWith('kmip.') || e.kind.startsWith('tls.'))

describe('Native Key Provider', () => {
  it('vCenter makes a KDK, keeps it in its protected store and pushes it to every host; no KMS exists', async () => {
    const lab = await nativeLab()
    const vc = get(lab, 'vcenter', '')
    const provider = vc.persisted.providers.nkp
    expect(provider).toMatchObject({ type: 'native', native: { hasBackup: false, tpmRequired: false, backupFile: null } })
    const kdk = vc.persisted.protectedStore.kdks.nkp
    expect(kdk.length).toBe(32)
    for (const h of ['esx-01', 'esx-02']) {
      const host = get(lab, 'host', h)
      expect(toHex(host.memory.kdks.nkp.material)).toBe(toHex(kdk))
      expect(host.memory.kdks.nkp.kdkId).toBe(provider.native!.kdkId)
      expect(host.persisted.sealedKdks).not.toBeNull()
    }
    // a host that joins later gets it too
    await ok(lab, { op: 'host.add', name: 'esx-03', cluster: 'c2' })
    expect(get(lab, 'host', 'esx-03').memory.kdks.nkp).toBeDefined()
    expect(kmipEvents(lab)).toEqual([])
  })

  it('refuses to encrypt until the provider is backed up (docs/vsphere-facts.md#nkp-backup)', async () => {
    const lab = await nativeLab()
    const [refused] = await run(lab, { op: 'vm.encrypt', name: 'vm1' })
    expect(refused.fault).toMatchObject({ fault: 'InvalidState', message: { id: 'fault.nkp.notBackedUp' } })
    const [created] = await run(lab, { op: 'vm.create', name: 'vm2', host: 'esx-02', encrypt: true })
    expect(created.fault?.message.id).toBe('fault.nkp.notBackedUp')
    expect(lab.check({ op: 'vm.encrypt', name: 'vm1' })?.message.id).toBe('fault.nkp.notBackedUp')
    await ok(lab, { op: 'provider.backup', provider: 'nkp', password: 'Backup-2026!' })
    expect(lab.check({ op: 'vm.encrypt', name: 'vm1' })).toBeNull()
  })

  it('the backup is a PKCS#12 file that opens with its password to the KDK', async () => {
    const lab = await nativeLab()
    await ok(lab, { op: 'provider.backup', provider: 'nkp', password: 'Backup-2026!' })
    const vc = get(lab, 'vcenter', '')
    const native = vc.persisted.providers.nkp.native!
    expect(native.hasBackup).toBe(true)
    const backup = readSecretPkcs12(native.backupFile!, 'Backup-2026!')
    expect(toHex(backup.secret)).toBe(toHex(vc.persisted.protectedStore.kdks.nkp))
    expect(backup).toMatchObject({ friendlyName: 'nkp', localKeyId: native.kdkId })
    expect(() => readSecretPkcs12(native.backupFile!, 'wrong')).toThrow(/wrong password/)
  })

  it('encrypting moves no KMIP message: vCenter names the KEK, every host of the cluster derives it with HKDF from its KDK', async () => {
    const lab = await nativeLab()
    await ok(lab, { op: 'provider.backup', provider: 'nkp', password: 'Backup-2026!' })
    const [out] = await ok(lab, { op: 'vm.encrypt', name: 'vm1' })
    expect(kmipEvents(lab)).toEqual([])
    // vCenter never holds KEK material, only the KDK in its protected store
    expect(out.events.filter((e) => e.kind === 'key.push' && e.keys.some((k) => k.keyType === 'kek'))).toEqual([])
    const vm = get(lab, 'vm', 'vm1')
    expect(vm.providerId).toBe('nkp')
    const kdk = get(lab, 'vcenter', '').persisted.protectedStore.kdks.nkp
    for (const h of ['esx-01', 'esx-02']) {
      const host = get(lab, 'host', h)
      const kek = host.memory.keyCache[vm.keyId!]
      expect(toHex(kek.material)).toBe(toHex(deriveKey(kdk, 'kek', vm.keyId!)))
      // the host key too comes from the KDK
      expect(host.cryptoState).toBe('safe')
      expect(host.persisted.config.hostKeyProvider).toBe('nkp')
    }
    // the derivation is HKDF-SHA256 with the key type and ID as info
    expect(toHex(deriveKey(kdk, 'kek', vm.keyId!))).toBe(toHex(hkdf(kdk, NKP_HKDF_SALT, new TextEncoder().encode(`kek:${vm.keyId}`), 32)))
    expect(get(lab, 'vcenter', '').persisted.vmKeys.vm1).toEqual({ providerId: 'nkp', keyId: vm.keyId })
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
  })

  it('with vCenter stopped, a rebooted host comes back with its VM unlocked; with a standard provider the same script locks it', async () => {
    const lab = await nativeLab()
    await ok(lab, { op: 'provider.backup', provider: 'nkp', password: 'Backup-2026!' }, { op: 'vm.encrypt', name: 'vm1' })
    const before = get(lab, 'host', 'esx-01')
    const [reboot] = await ok(lab, { op: 'vcenter.stop' }, { op: 'host.reboot', name: 'esx-01' }).then((o) => o.slice(1))
    const vm = get(lab, 'vm', 'vm1')
    expect(vm).toMatchObject({ cryptoState: 'unlocked', connectionState: 'connected' })
    const after = get(lab, 'host', 'esx-01')
    expect(after.cryptoState).toBe('safe')
    expect(toHex(after.memory.keyCache[vm.keyId!].material)).toBe(toHex(before.memory.keyCache[vm.keyId!].material))
    expect(reboot.events.map((e) => e.message.id)).toContain('nkp.kdk.unsealed')
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    expect(kmipEvents(lab)).toEqual([])

    const standard = await encryptedVmLab()
    await ok(standard, { op: 'vcenter.stop' }, { op: 'host.reboot', name: 'esx-01' })
    expect(get(standard, 'vm', 'vm1')).toMatchObject({ cryptoState: 'locked', connectionState: 'invalid' })
  })

  it('a rebooted host derives the keys of its cluster’s VMs too, without vCenter (docs/vsphere-facts.md#nkp-no-persistence)', async () => {
    const lab = await nativeLab()
    await ok(lab, { op: 'provider.backup', provider: 'nkp' }, { op: 'vm.encrypt', name: 'vm1' }, { op: 'vcenter.stop' }, { op: 'host.reboot', name: 'esx-02' })
    const vm = get(lab, 'vm', 'vm1')
    expect(get(lab, 'host', 'esx-02').memory.keyCache[vm.keyId!]).toBeDefined()
    expect(get(lab, 'host', 'esx-02').cryptoState).toBe('safe')
  })

  it('“TPM-protected hosts only”: a host without a TPM gets no KDK, so it cannot take an encrypted VM (docs/vsphere-facts.md#nkp-tpm-required)', async () => {
    const lab = await newLab(4)
    await ok(
      lab,
      { op: 'host.add', name: 'esx-01', cluster: 'c1' },
      { op: 'host.add', name: 'esx-old', cluster: 'c1', tpm: false },
      { op: 'provider.add', name: 'nkp', type: 'native', tpmRequired: true },
      { op: 'provider.backup', provider: 'nkp', password: 'Backup-2026!' },
      { op: 'vm.create', name: 'vm1', host: 'esx-old' }
    )
    expect(get(lab, 'host', 'esx-old').memory.kdks).toEqual({})
    expect(get(lab, 'host', 'esx-old').persisted.sealedKdks).toBeNull()
    const [refused] = await run(lab, { op: 'vm.encrypt', name: 'vm1' })
    expect(refused.fault?.message.id).toBe('fault.nkp.noKdk')
    // a VM on the TPM host is encrypted; the TPM-less host of the cluster is left without its KEK
    const [encrypted] = await ok(lab, { op: 'vm.create', name: 'vm2', host: 'esx-01', encrypt: true })
    expect(encrypted.events.map((e) => e.message.id)).toContain('nkp.kek.noKdk')
    expect(get(lab, 'host', 'esx-old').memory.keyCache[get(lab, 'vm', 'vm2').keyId!]).toBeUndefined()
    // without the option the TPM-less host gets it, sealed only by a key on its own disk (the narration says so)
    const open = await newLab(4)
    const [, , added] = await ok(
      open,
      { op: 'host.add', name: 'esx-01', cluster: 'c1' },
      { op: 'host.add', name: 'esx-old', cluster: 'c1', tpm: false },
      { op: 'provider.add', name: 'nkp', type: 'native' }
    )
    expect(added.events.map((e) => e.message.id)).toContain('nkp.kdk.pushed.noTpm')
    expect(get(open, 'host', 'esx-old').memory.kdks.nkp).toBeDefined()
    const [persistence] = await run(open, { op: 'host.keyPersistence', name: 'esx-old', enabled: true })
    expect(persistence.fault?.message.id).toBe('fault.keyPersistence.noTpm')
  })

  it('coexists with a standard provider; refuses a backup of a standard provider and KMS servers for a native one', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'provider.add', name: 'nkp', type: 'native' })
    expect(get(lab, 'vcenter', '').persisted.defaultProvider).toBe('kp')
    const [standardBackup] = await run(lab, { op: 'provider.backup', provider: 'kp', password: 'x' })
    expect(standardBackup.fault?.message.id).toBe('fault.nkp.backupStandard')
    const [kms] = await run(lab, { op: 'kms.add', name: 'kms-9', provider: 'nkp' })
    expect(kms.fault?.message.id).toBe('fault.nkp.noKmsServers')
    const [tpmOnStandard] = await run(lab, { op: 'provider.add', name: 'kp2', tpmRequired: true })
    expect(tpmOnStandard.fault?.message.id).toBe('fault.nkp.tpmOnlyNative')
    // switching the default to the native provider: the next VM is encrypted without the KMS
    await ok(
      lab,
      { op: 'provider.backup', provider: 'nkp', password: 'pw-123456' },
      { op: 'provider.setDefault', name: 'nkp' },
      { op: 'kms.stop', name: 'kms-1' },
      { op: 'vm.create', name: 'vm2', host: 'esx-02', encrypt: true }
    )
    expect(get(lab, 'vm', 'vm2').providerId).toBe('nkp')
    expect(get(lab, 'vm', 'vm1').providerId).toBe('kp')
  })
})
