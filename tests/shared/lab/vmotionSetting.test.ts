// The encrypted vMotion setting (docs/vsphere-facts.md#f-vmotion): disabled, opportunistic (default) or
// required for unencrypted VMs; always encrypted and not changeable for encrypted VMs; Required after a decrypt.

import { describe, expect, it } from 'vitest'
import { indexOfBytes, utf8 } from '../../../shared/crypto/bytes'
import { encryptedVmLab, get, ok, run, trustedLab } from '../../helpers/lab'
import { datastoreFile } from '../../helpers/inspect'

describe('encrypted vMotion setting', () => {
  it('a new VM is Opportunistic, and its vMotion is encrypted (every lab host supports it)', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'memory secret' }, { op: 'vm.powerOn', name: 'vm1' })
    expect(get(lab, 'vm', 'vm1').migrateEncryption).toBe('opportunistic')
    const [out] = await ok(lab, { op: 'vm.migrate', name: 'vm1', host: 'esx-02' })
    expect(out.events.find((e) => e.kind === 'vmotion')?.payload?.encrypted).toBe(true)
  })

  it('Disabled sends the memory in clear: no one-time key, the guest data readable on the wire', async () => {
    const lab = await trustedLab()
    await ok(
      lab,
      { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'memory secret' },
      { op: 'vm.setMigrateEncryption', name: 'vm1', migrateEncryption: 'disabled' },
      { op: 'vm.powerOn', name: 'vm1' }
    )
    expect(datastoreFile(lab, 'vm1', 'vmx').text).toMatch(/^migrate\.encryptionMode = "disabled"$/m)
    const [out] = await ok(lab, { op: 'vm.migrate', name: 'vm1', host: 'esx-02' })
    const stream = out.events.find((e) => e.kind === 'vmotion')!
    expect(stream.payload?.encrypted).toBe(false)
    expect(stream.keys).toEqual([])
    expect(out.events.some((e) => e.message.id === 'vmotion.key.generated')).toBe(false)
    expect(stream.detail?.join('\n')).toContain(Buffer.from(utf8('memory secret')).toString('hex'))
    expect(indexOfBytes(get(lab, 'vm', 'vm1').memory.guest!, utf8('memory secret'))).toBe(0)
  })

  it('cannot be changed for an encrypted VM, which always migrates encrypted; stays Required after decrypt', async () => {
    const lab = await encryptedVmLab()
    expect(get(lab, 'vm', 'vm1').migrateEncryption).toBe('required')
    const [out] = await run(lab, { op: 'vm.setMigrateEncryption', name: 'vm1', migrateEncryption: 'disabled' })
    expect(out.fault?.fault).toBe('InvalidVmConfig')
    expect(out.fault?.text).toMatch(/always/)
    await ok(lab, { op: 'vm.decrypt', name: 'vm1' })
    expect(get(lab, 'vm', 'vm1').migrateEncryption).toBe('required')
    await ok(lab, { op: 'vm.setMigrateEncryption', name: 'vm1', migrateEncryption: 'opportunistic' })
    expect(get(lab, 'vm', 'vm1').migrateEncryption).toBe('opportunistic')
  })

  it('refuses setting the mode the VM already has', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' })
    const [out] = await run(lab, { op: 'vm.setMigrateEncryption', name: 'vm1', migrateEncryption: 'opportunistic' })
    expect(out.fault?.fault).toBe('InvalidArgument')
  })
})
