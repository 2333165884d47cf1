// Restoring a Native Key Provider from its backup (docs/vsphere-facts.md#nkp-restore): the PKCS#12 file and its
// password give vCenter the same KDK back, so the hosts derive the same keys — after the provider was removed, and in
// a new lab, whose hosts then open the disks of the old one. A wrong password or another file changes nothing.

import { describe, expect, it } from 'vitest'
import { toBase64, toHex, utf8, indexOfBytes } from '../../../shared/crypto/bytes'
import { formatMessage } from '../../../shared/i18n/format'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import type { Lab } from '../../../shared/lab/lab'
import { readEncryptionKeys } from '../../../shared/lab/files/vmdk'
import { parseBundle, unwrapDek } from '../../../shared/lab/services/dekWrap'
import { deriveKey } from '../../../shared/lab/services/nativeKeys'
import { datastoreFile, opensslXtsDecrypt } from '../../helpers/inspect'
import { get, newLab, ok, run, texts } from '../../helpers/lab'

const PASSWORD = 'Restore-2026!'

async function backedUpLab(seed: number): Promise<{ lab: Lab; file: string }> {
  const lab = await newLab(seed)
  await ok(
    lab,
    { op: 'host.add', name: 'esx-01', cluster: 'c1' },
    { op: 'host.add', name: 'esx-02', cluster: 'c1' },
    { op: 'provider.add', name: 'nkp', type: 'native' },
    { op: 'provider.backup', provider: 'nkp', password: PASSWORD }
  )
  const file = get(lab, 'vcenter', '').persisted.providers.nkp.native!.backupFile!
  return { lab, file: toBase64(file) }
}

const restore = (file: string, password = PASSWORD): LabCommand => ({ op: 'provider.restore', file, password })
const kmipEvents = (lab: Lab) => lab.entries.map((e) => e.event).filter((e) => e.kind.startsWith('kmip.') || e.kind.startsWith('tls.'))

describe('provider.restore: a Native Key Provider from its backup', () => {
  it('after removal, gives back the same KDK under the same ID to vCenter and every host; usable at once, no KMS', async () => {
    const { lab, file } = await backedUpLab(4)
    const before = get(lab, 'vcenter', '')
    const kdk = toHex(before.persisted.protectedStore.kdks.nkp)
    const kdkId = before.persisted.providers.nkp.native!.kdkId
    await ok(lab, { op: 'provider.remove', name: 'nkp' })
    expect(get(lab, 'host', 'esx-01').memory.kdks.nkp).toBeUndefined()

    const [out] = await ok(lab, restore(file))
    const vc = get(lab, 'vcenter', '')
    expect(toHex(vc.persisted.protectedStore.kdks.nkp)).toBe(kdk)
    expect(vc.persisted.providers.nkp).toMatchObject({ type: 'native', native: { kdkId, hasBackup: true, tpmRequired: false } })
    expect(vc.persisted.defaultProvider).toBe('nkp')
    for (const h of ['esx-01', 'esx-02']) {
      const host = get(lab, 'host', h)
      expect(toHex(host.memory.kdks.nkp.material)).toBe(kdk)
      expect(host.persisted.sealedKdks).not.toBeNull()
    }
    expect(texts(out).join('\n')).toMatch(/the same KDK as before/)
    // restored from a backup, it needs no new one: a VM is encrypted right away, with no KMIP message
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01', encrypt: true })
    expect(get(lab, 'vm', 'vm1').providerId).toBe('nkp')
    expect(kmipEvents(lab)).toEqual([])
  })

  it('in a new lab, the restored KDK opens the disks the old lab encrypted (the same key from the same key ID)', async () => {
    const { lab: old, file } = await backedUpLab(5)
    await ok(old, { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'payroll 2026, restored', encrypt: true })
    const locator = parseBundle(readEncryptionKeys(datastoreFile(old, 'vm1', 'descriptor').text!)!)
    const flat = datastoreFile(old, 'vm1', 'flat').data!
    expect(indexOfBytes(flat, utf8('payroll 2026'))).toBe(-1)

    const fresh = await newLab(77)
    await ok(fresh, { op: 'host.add', name: 'esx-01', cluster: 'c9' })
    // without the provider, the new lab's host has nothing to derive the key from
    expect(get(fresh, 'host', 'esx-01').memory.kdks.nkp).toBeUndefined()
    await ok(fresh, restore(file))
    const kdk = get(fresh, 'host', 'esx-01').memory.kdks.nkp.material
    const kek = deriveKey(kdk, 'kek', locator.keyId)
    const dek = unwrapDek(kek, locator.lockedData)
    expect(new TextDecoder().decode(opensslXtsDecrypt(dek, flat))).toContain('payroll 2026, restored')
  })

  it('a wrong password or a file that is no backup is refused with the reason in both languages, and nothing changes', async () => {
    const { lab, file } = await backedUpLab(6)
    await ok(lab, { op: 'provider.remove', name: 'nkp' })
    const seq = lab.entries.length

    const [wrong] = await run(lab, restore(file, 'not-the-password'))
    expect(wrong.fault).toMatchObject({ fault: 'InvalidArgument', message: { id: 'fault.nkp.restore.password' } })
    expect(formatMessage(wrong.fault!.message, 'en')).toMatch(/password does not open this backup file/)
    expect(formatMessage(wrong.fault!.message, 'de')).toMatch(/Kennwort öffnet diese Sicherungsdatei nicht/)

    const [other] = await run(lab, restore(toBase64(utf8('{"format":"kflab/1"}'))))
    expect(other.fault?.message.id).toBe('fault.nkp.restore.format')
    expect(formatMessage(other.fault!.message, 'de')).toMatch(/keine Sicherung eines Native Key Providers/)

    // the refusals left one fault event each and no provider
    expect(lab.entries.slice(seq).every((e) => e.event.kind === 'fault')).toBe(true)
    expect(get(lab, 'vcenter', '').persisted.providers.nkp).toBeUndefined()
    expect(get(lab, 'vcenter', '').persisted.protectedStore.kdks.nkp).toBeUndefined()
  })

  it('refuses a provider that exists and a user without Cryptographer.ManageKeyServers (before reading the file)', async () => {
    const { lab, file } = await backedUpLab(7)
    expect(lab.check(restore(file))?.message.id).toBe('fault.providerExists')
    await ok(lab, { op: 'provider.remove', name: 'nkp' }, { op: 'vcenter.actAs', role: 'noCryptoAdmin' })
    expect(lab.check(restore(file))).toMatchObject({ fault: 'NoPermission', message: { params: { privilege: 'Cryptographer.ManageKeyServers' } } })
    expect(lab.check(restore(file, 'wrong'))?.fault).toBe('NoPermission')
  })

  it('Ctrl+Z takes a restore back: the KDK leaves vCenter and the hosts again', async () => {
    const { lab, file } = await backedUpLab(8)
    await ok(lab, { op: 'provider.remove', name: 'nkp' })
    const end = lab.entries.length
    await ok(lab, restore(file))
    await lab.rewind(end)
    expect(get(lab, 'vcenter', '').persisted.protectedStore.kdks.nkp).toBeUndefined()
    expect(get(lab, 'host', 'esx-01').memory.kdks.nkp).toBeUndefined()
  })
})
