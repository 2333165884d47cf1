// A virtual TPM (docs/vsphere-facts.md#f-vtpm): it needs a key provider, it encrypts the VM home files (its
// state is in the NVRAM) but not the disks, a VM with a vTPM cannot be decrypted, and clones copy or replace it.

import { describe, expect, it } from 'vitest'
import { bytesEqual, indexOfBytes, utf8 } from '../../../shared/crypto/bytes'
import { VTPM_OFFSET } from '../../../shared/lab/services/vmFiles'
import { get, newLab, ok, run, trustedLab } from '../../helpers/lab'
import { datastoreFile, homeKeyOf, opensslXtsDecrypt, text } from '../../helpers/inspect'

describe('virtual TPM', () => {
  it('adding a vTPM encrypts the VM home (NVRAM with the vTPM state) and leaves the disk in clear', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'disk stays clear' })
    const [out] = await ok(lab, { op: 'vm.addVtpm', name: 'vm1' })
    const vm = get(lab, 'vm', 'vm1')
    expect(vm.vtpm).toBe(true)
    expect(vm.keyId).toBeTruthy()
    expect(vm.disks[0].keyId).toBeNull()
    expect(text(datastoreFile(lab, 'vm1', 'flat').data!).startsWith('disk stays clear')).toBe(true)
    expect(datastoreFile(lab, 'vm1', 'vmx').text).toMatch(/^vtpm\.present = "TRUE"$/m)
    const nvram = opensslXtsDecrypt(homeKeyOf(lab, 'vm1'), datastoreFile(lab, 'vm1', 'nvram').data!)
    expect(text(nvram.subarray(VTPM_OFFSET, VTPM_OFFSET + 4))).toBe('vTPM')
    // the vTPM's state never sits in clear on the datastore
    expect(indexOfBytes(datastoreFile(lab, 'vm1', 'nvram').data!, utf8('vTPM'))).toBe(-1)
    expect(out.events.some((e) => e.kind === 'kmip.request')).toBe(true)
  })

  it('a snapshot taken in clear before the vTPM stays as it was when the VM is rekeyed (it holds no key safe)', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.snapshot', name: 'vm1' }, { op: 'vm.addVtpm', name: 'vm1' })
    const vm = get(lab, 'vm', 'vm1')
    const vmsnFile = () => {
      const ds = lab.component(vm.datastore)
      if (!ds || ds.kind !== 'datastore') throw new Error('no datastore')
      return ds.persisted.files[vm.snapshots[0].vmsn]
    }
    const before = vmsnFile()
    expect(before.text).toBeTruthy()
    const [out] = await run(lab, { op: 'vm.rekey', name: 'vm1' })
    expect(out.fault).toBeFalsy()
    expect(vmsnFile()).toEqual(before)
  })

  it('needs a key provider', async () => {
    const lab = await newLab()
    await ok(lab, { op: 'host.add', name: 'esx-01', cluster: 'c1' }, { op: 'vm.create', name: 'vm1', host: 'esx-01' })
    const [out] = await run(lab, { op: 'vm.addVtpm', name: 'vm1' })
    expect(out.fault?.text).toMatch(/key provider/)
  })

  it('a VM with a vTPM cannot be decrypted; without it, it can', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.addVtpm', name: 'vm1' })
    const [refused] = await run(lab, { op: 'vm.decrypt', name: 'vm1' })
    expect(refused.fault?.fault).toBe('GenericVmConfigFault')
    expect(refused.fault?.text).toMatch(/vTPM/)
    await ok(lab, { op: 'vm.removeVtpm', name: 'vm1' })
    expect(get(lab, 'vm', 'vm1').keyId).toBeTruthy()
    await ok(lab, { op: 'vm.decrypt', name: 'vm1' })
    expect(get(lab, 'vm', 'vm1').keyId).toBeNull()
  })

  it('a clone copies the vTPM and its secrets, or replaces it with a new, blank one', async () => {
    const lab = await trustedLab()
    await ok(
      lab,
      { op: 'vm.create', name: 'vm1', host: 'esx-01' },
      { op: 'vm.addVtpm', name: 'vm1' },
      { op: 'vm.clone', name: 'vm1', newName: 'copy' },
      { op: 'vm.clone', name: 'vm1', newName: 'fresh', vtpm: 'replace' }
    )
    const state = (vm: string) => opensslXtsDecrypt(homeKeyOf(lab, vm), datastoreFile(lab, vm, 'nvram').data!).subarray(VTPM_OFFSET, VTPM_OFFSET + 64)
    expect(bytesEqual(state('copy'), state('vm1'))).toBe(true)
    expect(bytesEqual(state('fresh'), state('vm1'))).toBe(false)
    expect(get(lab, 'vm', 'fresh').vtpm).toBe(true)
  })

  it('is refused on a powered-on VM', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.powerOn', name: 'vm1' })
    const [out] = await run(lab, { op: 'vm.addVtpm', name: 'vm1' })
    expect(out.fault?.fault).toBe('InvalidPowerState')
  })
})
