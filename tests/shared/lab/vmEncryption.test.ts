import { describe, expect, it } from 'vitest'
import { fromHex, indexOfBytes, utf8 } from '../../../shared/crypto/bytes'
import { decodeTtlv } from '../../../shared/kmip'
import { encryptedVmLab, get, newLab, ok, run, trustedLab } from '../../helpers/lab'
import { datastoreFile, dekOf, homeKeyOf, kmsKey, opensslXtsDecrypt, text } from '../../helpers/inspect'

describe('encrypting a VM', () => {
  it('rewrites the disk with XTS-AES-256 under a DEK that only the key safe holds, wrapped by a KEK from the KMS', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'top secret payroll', diskMiB: 0.25 })
    const plainDisk = datastoreFile(lab, 'vm1', 'flat').data!
    expect(text(plainDisk.subarray(0, 18))).toBe('top secret payroll')
    await ok(lab, { op: 'vm.encrypt', name: 'vm1' })
    const vm = get(lab, 'vm', 'vm1')
    expect(vm.cryptoState).toBe('unlocked')
    expect(vm.disks[0].flat).toBe('vm1/vm1_1-flat.vmdk')
    const disk = datastoreFile(lab, 'vm1', 'flat').data!
    expect(disk.length).toBe(plainDisk.length)
    expect(indexOfBytes(disk, utf8('top secret'))).toBe(-1)
    const dek = dekOf(lab, 'vm1')
    expect(dek.length).toBe(64)
    expect(opensslXtsDecrypt(dek, disk)).toEqual(plainDisk)
    // NVRAM is encrypted too, with the VM home key, not with the disk's DEK
    expect(text(opensslXtsDecrypt(homeKeyOf(lab, 'vm1'), datastoreFile(lab, 'vm1', 'nvram').data!)).startsWith('NVRAM')).toBe(true)
  })

  it('the .vmx names the KEK by provider and key ID; the descriptor carries the same key locator', async () => {
    const lab = await encryptedVmLab()
    const vm = get(lab, 'vm', 'vm1')
    const vmx = datastoreFile(lab, 'vm1', 'vmx').text!
    expect(vmx).toContain(`encryption.bundle = "vmware:key/list/(pair/(fqid/<VMWARE-NULL>/kp/${vm.keyId},AES-KWP,`)
    const descriptor = datastoreFile(lab, 'vm1', 'descriptor').text!
    expect(descriptor).toMatch(/^encryptionKeys="vmware:key\/list\/\(pair\/\(fqid\/<VMWARE-NULL>\/kp\//m)
    expect(vm.keyId).toBeTruthy()
    expect(get(lab, 'vcenter', 'vcenter').persisted.vmKeys.vm1).toEqual({ providerId: 'kp', keyId: vm.keyId })
  })

  it('vCenter pushes the KEK to every host of the cluster, keeps only its ID, and the KMS tags it as a VM key', async () => {
    const lab = await encryptedVmLab({ hosts: ['esx-01', 'esx-02'] })
    const vm = get(lab, 'vm', 'vm1')
    for (const h of ['esx-01', 'esx-02']) expect(get(lab, 'host', h).memory.keyCache[vm.keyId!].keyType).toBe('kek')
    const vc = get(lab, 'vcenter', 'vcenter')
    expect(vc.memory.keysInFlight).toEqual([])
    const kek = lab.get('kms:kms-1')!.kind === 'kms' ? get(lab, 'kms', 'kms-1').persisted.keys[vm.keyId!] : undefined
    expect(kek?.attributes['x-Component']?.value).toBe('Virtual Machine')
    expect(kek?.attributes['x-Name']?.value).toBe('vm1')
    expect(kek?.attributes['x-Identifier']?.value).toBe(vm.uuid)
    expect(kek?.attributes['x-Vendor']?.value).toBe('VMware, Inc.')
    expect(kek?.state).toBe(2)
    expect(kmsKey(lab, vm.keyId!)).toHaveLength(32)
  })

  it('the KMIP messages are real TTLV, in the order vCenter 7.0.3 sends them', async () => {
    const lab = await trustedLab({ hosts: ['esx-01'] })
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'host.encryptionMode', name: 'esx-01', enabled: true })
    const [out] = await ok(lab, { op: 'vm.encrypt', name: 'vm1' })
    const requests = out.events.filter((e) => e.kind === 'kmip.request')
    expect(requests.map((e) => e.kmip!.operation)).toEqual([
      'Discover Versions',
      'Create',
      'Discover Versions',
      'Get Attributes',
      'Get Attributes',
      'Get Attributes',
      'Add Attribute',
      'Discover Versions',
      'Get',
      'Get Attributes',
      'Activate',
      'Discover Versions',
      'Get Attributes',
      'Get Attributes',
      'Get Attributes',
      'Add Attribute'
    ])
    for (const e of out.events.filter((e) => e.kmip)) {
      const root = decodeTtlv(fromHex(e.kmip!.hex))
      expect(root.tag).toBe(e.kmip!.direction === 'request' ? 0x420078 : 0x42007b)
    }
    const getResponse = out.events.find((e) => e.kind === 'kmip.response' && e.kmip!.operation === 'Get')!
    expect(getResponse.keys[0]).toMatchObject({ keyType: 'kek', form: 'material' })
    expect(getResponse.keys[0].fingerprint).toMatch(/^[0-9a-f]{16}$/)
    const createResponse = out.events.find((e) => e.kind === 'kmip.response' && e.kmip!.operation === 'Create')!
    expect(createResponse.keys[0]).toMatchObject({ keyType: 'kek', form: 'id', keyId: get(lab, 'vm', 'vm1').keyId })
  })

  it('is refused for a powered-on VM, with snapshots, or without a default provider — and then changes nothing', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.powerOn', name: 'vm1' })
    const before = lab.get('vm:vm1')
    const [on] = await run(lab, { op: 'vm.encrypt', name: 'vm1' })
    expect(on.fault?.fault).toBe('InvalidPowerState')
    expect(on.events.map((e) => e.kind)).toEqual(['fault'])
    expect(lab.get('vm:vm1')).toBe(before)
    await ok(lab, { op: 'vm.powerOff', name: 'vm1' }, { op: 'vm.snapshot', name: 'vm1' })
    const [snap] = await run(lab, { op: 'vm.encrypt', name: 'vm1' })
    expect(snap.fault?.fault).toBe('InvalidVmConfig')
    expect(snap.fault?.text).toMatch(/snapshot/)
    const bare = await newLab()
    await ok(bare, { op: 'host.add', name: 'esx-01', cluster: 'c1' }, { op: 'vm.create', name: 'vm1', host: 'esx-01' })
    const [noProvider] = await run(bare, { op: 'vm.encrypt', name: 'vm1' })
    expect(noProvider.fault?.fault).toBe('InvalidVmConfig')
    expect(noProvider.fault?.text).toMatch(/default key provider/)
  })

  it('a KMS failure half-way rolls everything back: no host became safe, no file changed', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'kms.stop', name: 'kms-1' })
    const before = lab.entitiesAt(lab.seq)
    const [out] = await run(lab, { op: 'vm.encrypt', name: 'vm1' })
    expect(out.fault?.fault).toBe('KmsClusterUnreachable')
    expect(out.fault?.text).toMatch(/connection refused/)
    // only the fault event and the clock: every record and every item is the very same object as before
    expect(out.events.flatMap((e) => lab.entries[e.seq - 1].changes.map((c) => c.id))).toEqual(['lab'])
    for (const [id, e] of before.entries()) expect(lab.get(id)).toBe(id === 'lab' ? lab.get('lab') : e)
    for (const [id, c] of before.assembled()) if (id !== 'lab') expect(lab.component(id)).toEqual(c)
  })

  it('decrypting rewrites the disk in clear and removes the key safe; the KEK stays on the KMS', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'hello', diskMiB: 0.125 })
    const plain = datastoreFile(lab, 'vm1', 'flat').data!
    await ok(lab, { op: 'vm.encrypt', name: 'vm1' })
    const keyId = get(lab, 'vm', 'vm1').keyId!
    await ok(lab, { op: 'vm.decrypt', name: 'vm1' })
    const vm = get(lab, 'vm', 'vm1')
    expect(vm.keyId).toBeNull()
    expect(vm.cryptoState).toBeNull()
    expect(vm.migrateEncryption).toBe('required')
    expect(datastoreFile(lab, 'vm1', 'flat').data).toEqual(plain)
    expect(datastoreFile(lab, 'vm1', 'vmx').text).not.toContain('encryption.bundle')
    expect(get(lab, 'vcenter', 'vcenter').persisted.vmKeys.vm1).toBeUndefined()
    expect(kmsKey(lab, keyId)).toHaveLength(32)
  })

  it('power on unwraps the DEK into the key cache and the guest reads its data in clear; power off forgets it', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const host = get(lab, 'host', 'esx-01')
    expect(host.memory.keyCache['dek:vm1/scsi0:0'].material).toEqual(dekOf(lab, 'vm1'))
    expect(text(get(lab, 'vm', 'vm1').memory.guest!).startsWith('top secret payroll')).toBe(true)
    await ok(lab, { op: 'vm.powerOff', name: 'vm1' })
    expect(get(lab, 'host', 'esx-01').memory.keyCache['dek:vm1/scsi0:0']).toBeUndefined()
    expect(get(lab, 'vm', 'vm1').memory.guest).toBeNull()
  })
})
