// Privileges (docs/vsphere-facts.md#f-privileges): a user with the No cryptography administrator role powers
// on encrypted VMs whose keys are present, but cannot encrypt, decrypt, put hosts into crypto mode or take support
// bundles with encrypted dumps; each refusal is NoPermission and names the missing privilege.

import { describe, expect, it } from 'vitest'
import { encryptedVmLab, get, ok, run, trustedLab } from '../../helpers/lab'

describe('privileges: the No cryptography administrator role', () => {
  it('switches the acting user and says so', async () => {
    const lab = await trustedLab()
    const [out] = await ok(lab, { op: 'vcenter.actAs', role: 'noCryptoAdmin' })
    expect(get(lab, 'vcenter', 'vcenter').persisted.session).toEqual({ user: 'operator@vsphere.local', role: 'noCryptoAdmin' })
    expect(out.events.map((e) => e.text).join(' ')).toMatch(/No cryptography administrator/)
    const [again] = await run(lab, { op: 'vcenter.actAs', role: 'noCryptoAdmin' })
    expect(again.fault?.fault).toBe('InvalidArgument')
  })

  it('powers on an encrypted VM whose keys are on the host, and powers it off', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vcenter.actAs', role: 'noCryptoAdmin' }, { op: 'vm.powerOn', name: 'vm1' }, { op: 'vm.powerOff', name: 'vm1' })
  })

  it('cannot encrypt, decrypt, rekey, clone or migrate encrypted VMs, nor enable host encryption mode', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.create', name: 'plain', host: 'esx-01' }, { op: 'host.add', name: 'esx-03', cluster: 'c2' }, { op: 'vcenter.actAs', role: 'noCryptoAdmin' })
    const cases = [
      [{ op: 'vm.encrypt', name: 'plain' }, 'Cryptographer.Encrypt'],
      [{ op: 'vm.create', name: 'new', host: 'esx-01', encrypt: true }, 'Cryptographer.EncryptNew'],
      [{ op: 'vm.addVtpm', name: 'plain' }, 'Cryptographer.Encrypt'],
      [{ op: 'vm.decrypt', name: 'vm1' }, 'Cryptographer.Decrypt'],
      [{ op: 'vm.rekey', name: 'vm1' }, 'Cryptographer.Recrypt'],
      [{ op: 'vm.clone', name: 'vm1', newName: 'c' }, 'Cryptographer.Clone'],
      [{ op: 'vm.migrate', name: 'vm1', host: 'esx-02' }, 'Cryptographer.Migrate'],
      [{ op: 'vm.addDisk', name: 'vm1' }, 'Cryptographer.AddDisk'],
      [{ op: 'host.encryptionMode', name: 'esx-03', enabled: true }, 'Cryptographer.RegisterHost'],
      [{ op: 'host.add', name: 'esx-04', cluster: 'c1' }, 'Host.Inventory.AddHostToCluster'],
      [{ op: 'host.vmSupport', name: 'esx-01', password: 'support-pass' }, 'Global.Diagnostics']
    ] as const
    for (const [cmd, privilege] of cases) {
      const [out] = await run(lab, cmd)
      expect(out.fault?.fault, cmd.op).toBe('NoPermission')
      expect(out.fault?.text, cmd.op).toContain(privilege)
      expect(out.fault?.text, cmd.op).toContain('operator@vsphere.local')
    }
    // plain VMs are not cryptographic operations
    await ok(lab, { op: 'vm.clone', name: 'plain', newName: 'plain2' }, { op: 'vm.migrate', name: 'plain', host: 'esx-02' })
  })

  it('the refusal is in German too', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vcenter.actAs', role: 'noCryptoAdmin' })
    const [out] = await run(lab, { op: 'vm.decrypt', name: 'vm1' })
    expect(out.fault?.message.id).toBe('fault.noPermission')
    const { formatMessage } = await import('../../../shared/i18n/format')
    expect(formatMessage(out.fault!.message, 'de')).toMatch(/Berechtigung.*Cryptographer\.Decrypt/)
  })

  it('back to administrator, everything works again', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vcenter.actAs', role: 'noCryptoAdmin' }, { op: 'vcenter.actAs', role: 'administrator' }, { op: 'vm.decrypt', name: 'vm1' })
  })
})
