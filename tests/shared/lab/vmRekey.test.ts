import { describe, expect, it } from 'vitest'
import { bytesOf } from '../../../shared/lab/files/storedBytes'
import { openEnvelope, readEnvelope } from '../../../shared/crypto/envelope'
import { fromUtf8 } from '../../../shared/crypto/bytes'
import { encryptedVmLab, get, ok, run } from '../../helpers/lab'
import { datastoreFile, dekOf } from '../../helpers/inspect'
import { parseVmx } from '../../../shared/lab/files/vmx'

describe('rekey', () => {
  it('shallow: a new KEK re-wraps the same DEK; the disk is not touched', async () => {
    const lab = await encryptedVmLab()
    const oldKek = get(lab, 'vm', 'vm1').keyId!
    const dek = dekOf(lab, 'vm1')
    const disk = datastoreFile(lab, 'vm1', 'flat').data
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' }, { op: 'vm.rekey', name: 'vm1' })
    const vm = get(lab, 'vm', 'vm1')
    expect(vm.keyId).not.toBe(oldKek)
    expect(dekOf(lab, 'vm1')).toEqual(dek)
    expect(datastoreFile(lab, 'vm1', 'flat').data).toBe(disk)
    expect(datastoreFile(lab, 'vm1', 'vmx').text).toContain(vm.keyId!)
    expect(get(lab, 'vcenter', 'vcenter').persisted.vmKeys.vm1.keyId).toBe(vm.keyId)
    for (const h of ['esx-01', 'esx-02']) expect(get(lab, 'host', h).memory.keyCache[vm.keyId!]).toBeDefined()
  })

  it('shallow rekey keeps snapshots usable: their descriptors and .vmsn configurations name the new KEK', async () => {
    const lab = await encryptedVmLab()
    const oldKeyId = get(lab, 'vm', 'vm1').keyId!
    await ok(lab, { op: 'vm.snapshot', name: 'vm1' }, { op: 'vm.rekey', name: 'vm1' })
    const vm = get(lab, 'vm', 'vm1')
    const ds = lab.component(vm.datastore)
    if (ds?.kind !== 'datastore') throw new Error('no datastore')
    const vmx = parseVmx(ds.persisted.files[vm.files.vmx].text!)
    // the .vmsn is encrypted: only the new KEK opens it
    const vmsn = bytesOf(ds.persisted.files[vm.snapshots[0].vmsn].data!)
    expect(readEnvelope(vmsn).header.keyId).toBe(vm.keyId)
    const vmsnText = fromUtf8(openEnvelope(vmsn, get(lab, 'host', 'esx-01').memory.keyCache[vm.keyId!].material).plaintext)
    expect(ds.persisted.files[vm.snapshots[0].deltaDescriptor].text).toContain(vm.keyId!)
    expect(parseVmx(vmsnText)['encryption.bundle']).toBe(vmx['encryption.bundle'])
    expect(vmsnText).not.toContain(oldKeyId)
    expect(parseVmx(vmsnText).displayName).toBe('vm1')
  })

  it('deep: a new KEK and a new DEK, the disk re-encrypted; refused while powered on or with snapshots', async () => {
    const lab = await encryptedVmLab()
    const dek = dekOf(lab, 'vm1')
    const disk = datastoreFile(lab, 'vm1', 'flat').data!
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const [on] = await run(lab, { op: 'vm.rekey', name: 'vm1', deep: true })
    expect(on.fault?.fault).toBe('InvalidPowerState')
    await ok(lab, { op: 'vm.powerOff', name: 'vm1' }, { op: 'vm.snapshot', name: 'vm1' })
    const [snap] = await run(lab, { op: 'vm.rekey', name: 'vm1', deep: true })
    expect(snap.fault?.fault).toBe('InvalidVmConfig')
    await ok(lab, { op: 'vm.deleteSnapshots', name: 'vm1' }, { op: 'vm.rekey', name: 'vm1', deep: true })
    expect(dekOf(lab, 'vm1')).not.toEqual(dek)
    const after = datastoreFile(lab, 'vm1', 'flat').data!
    expect(after).not.toEqual(disk)
    expect(get(lab, 'vm', 'vm1').disks[0].flat).toBe('vm1/vm1_2-flat.vmdk')
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    expect(new TextDecoder().decode(get(lab, 'vm', 'vm1').memory.guest!).startsWith('top secret payroll')).toBe(true)
  })

  it('rekey of a VM that is not encrypted is refused', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.create', name: 'plain', host: 'esx-01' })
    const [out] = await run(lab, { op: 'vm.rekey', name: 'plain' })
    expect(out.fault?.fault).toBe('InvalidVmConfig')
  })
})
