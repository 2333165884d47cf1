// The key safes (docs/vsphere-facts.md#f-keysafe, #f-perdisk): the KEK locks internal keys the host makes per
// VM home and per disk; each disk's descriptor carries its own locked key; VM home and disks are encrypted apart.

import { describe, expect, it } from 'vitest'
import { bytesEqual, indexOfBytes, utf8 } from '../../../shared/crypto/bytes'
import { readEncryptionKeys } from '../../../shared/lab/files/vmdk'
import { encryptedVmLab, get, ok, run, trustedLab } from '../../helpers/lab'
import { datastoreFile, dekOf, homeKeyOf, opensslXtsDecrypt, text } from '../../helpers/inspect'

describe('the key safe: internal keys per VM home and per disk', () => {
  it('the NVRAM and each disk have their own key; each descriptor carries its own locked key, not the .vmx bundle', async () => {
    const lab = await trustedLab()
    await ok(
      lab,
      { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'boot disk secret', diskMiB: 0.125 },
      { op: 'vm.addDisk', name: 'vm1', diskMiB: 0.125 },
      { op: 'vm.encrypt', name: 'vm1' }
    )
    const home = homeKeyOf(lab, 'vm1')
    const disk0 = dekOf(lab, 'vm1', 0)
    const disk1 = dekOf(lab, 'vm1', 1)
    expect(bytesEqual(home, disk0)).toBe(false)
    expect(bytesEqual(disk0, disk1)).toBe(false)
    const bundle = /encryption\.bundle = "(.*)"/.exec(datastoreFile(lab, 'vm1', 'vmx').text!)![1]
    const locator0 = readEncryptionKeys(datastoreFile(lab, 'vm1', 'descriptor', 0).text!)
    const locator1 = readEncryptionKeys(datastoreFile(lab, 'vm1', 'descriptor', 1).text!)
    expect(new Set([bundle, locator0, locator1]).size).toBe(3)
    expect(text(opensslXtsDecrypt(home, datastoreFile(lab, 'vm1', 'nvram').data!)).startsWith('NVRAM')).toBe(true)
    expect(text(opensslXtsDecrypt(disk0, datastoreFile(lab, 'vm1', 'flat', 0).data!)).startsWith('boot disk secret')).toBe(true)
    const vm = get(lab, 'vm', 'vm1')
    expect(vm.disks.map((d) => d.keyId)).toEqual([vm.keyId, vm.keyId])
  })

  it('power-on puts the VM home key and every disk DEK in the key cache, each under its own ID', async () => {
    const lab = await encryptedVmLab()
    const [out] = await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const cache = get(lab, 'host', 'esx-01').memory.keyCache
    expect(cache['dek:vm1/home'].material).toEqual(homeKeyOf(lab, 'vm1'))
    expect(cache['dek:vm1/scsi0:0'].material).toEqual(dekOf(lab, 'vm1'))
    expect(out.events.filter((e) => e.message.id === 'vm.keySafe.read').map((e) => e.message.params.file)).toEqual([
      get(lab, 'vm', 'vm1').files.vmx,
      get(lab, 'vm', 'vm1').disks[0].descriptor
    ])
  })

  it('the narration of reading a key safe says where the lab simplifies, in both languages', async () => {
    const lab = await encryptedVmLab()
    const [out] = await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const read = out.events.find((e) => e.message.id === 'vm.keySafe.read')!
    expect(read.text).toMatch(/configuration key/)
    expect(read.text).toMatch(/directly/)
  })
})

describe('encryption by storage policy, per disk', () => {
  it('encrypts the VM home alone (disks: []) and leaves the disk in clear', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'plain disk data' }, { op: 'vm.encrypt', name: 'vm1', disks: [] })
    const vm = get(lab, 'vm', 'vm1')
    expect(vm.keyId).toBeTruthy()
    expect(vm.disks[0].keyId).toBeNull()
    expect(text(datastoreFile(lab, 'vm1', 'flat').data!).startsWith('plain disk data')).toBe(true)
    expect(readEncryptionKeys(datastoreFile(lab, 'vm1', 'descriptor').text!)).toBeNull()
    expect(datastoreFile(lab, 'vm1', 'vmx').text).toContain('encryption.bundle')
    // later, the disk too: only the disk is rewritten
    const nvram = datastoreFile(lab, 'vm1', 'nvram')
    const [out] = await ok(lab, { op: 'vm.encrypt', name: 'vm1', disks: [0] })
    expect(datastoreFile(lab, 'vm1', 'nvram').data).toBe(nvram.data)
    expect(out.events.some((e) => e.message.id === 'vm.disk.encrypted')).toBe(true)
    expect(get(lab, 'vm', 'vm1').disks[0].keyId).toBe(vm.keyId)
  })

  it('encrypts at creation: the files are never written in clear', async () => {
    const lab = await trustedLab()
    const [out] = await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'born encrypted', encrypt: true })
    const vm = get(lab, 'vm', 'vm1')
    expect(vm.keyId).toBeTruthy()
    expect(vm.disks[0].keyId).toBe(vm.keyId)
    expect(vm.disks[0].flat).toBe('vm1/vm1-flat.vmdk')
    expect(vm.migrateEncryption).toBe('required')
    expect(out.events.some((e) => e.message.id === 'vm.created.encrypted')).toBe(true)
    // no version of any disk file in the whole history holds the guest data in clear
    const written = lab.entries.flatMap((e) => e.changes).flatMap((c) => {
      const f = c.after as { kind?: string; data?: Uint8Array } | undefined
      return f && f.kind === 'flat' && f.data ? [f.data] : []
    })
    expect(written.length).toBeGreaterThan(0)
    for (const data of written) expect(indexOfBytes(data, utf8('born encrypted'))).toBe(-1)
  })

  it('an encrypted disk cannot belong to an unencrypted VM', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' })
    const [add] = await run(lab, { op: 'vm.addDisk', name: 'vm1', encrypt: true })
    expect(add.fault?.fault).toBe('InvalidDeviceSpec')
    await ok(lab, { op: 'vm.addDisk', name: 'vm1' }, { op: 'vm.encrypt', name: 'vm1' })
    const [homeOnly] = await run(lab, { op: 'vm.decrypt', name: 'vm1', disks: [], home: true })
    expect(homeOnly.fault?.fault).toBe('InvalidVmConfig')
    expect(homeOnly.fault?.text).toMatch(/encrypted disk/)
    // disks first, then the VM home
    await ok(lab, { op: 'vm.decrypt', name: 'vm1', disks: [0, 1] })
    expect(get(lab, 'vm', 'vm1').keyId).toBeTruthy()
    await ok(lab, { op: 'vm.decrypt', name: 'vm1', disks: [], home: true })
    expect(get(lab, 'vm', 'vm1').keyId).toBeNull()
  })

  it('adds an encrypted disk to an encrypted VM with its own DEK, and a plain one beside it', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.addDisk', name: 'vm1', diskMiB: 0.125, encrypt: true }, { op: 'vm.addDisk', name: 'vm1', diskMiB: 0.125 })
    const vm = get(lab, 'vm', 'vm1')
    expect(vm.disks.map((d) => d.device)).toEqual(['scsi0:0', 'scsi0:1', 'scsi0:2'])
    expect(vm.disks.map((d) => d.keyId !== null)).toEqual([true, true, false])
    expect(bytesEqual(dekOf(lab, 'vm1', 1), dekOf(lab, 'vm1', 0))).toBe(false)
    const vmx = datastoreFile(lab, 'vm1', 'vmx').text!
    for (const d of vm.disks) expect(vmx).toContain(`${d.device}.fileName`)
  })

  it('clone: keep the keys, encrypt, decrypt or recrypt the copy', async () => {
    const lab = await encryptedVmLab()
    const parent = get(lab, 'vm', 'vm1')
    await ok(
      lab,
      { op: 'vm.clone', name: 'vm1', newName: 'same' },
      { op: 'vm.clone', name: 'vm1', newName: 'plain', encryption: 'decrypt' },
      { op: 'vm.clone', name: 'vm1', newName: 'other', encryption: 'recrypt' }
    )
    expect(get(lab, 'vm', 'same').keyId).toBe(parent.keyId)
    expect(get(lab, 'vm', 'plain').keyId).toBeNull()
    expect(text(datastoreFile(lab, 'plain', 'flat').data!).startsWith('top secret payroll')).toBe(true)
    const other = get(lab, 'vm', 'other')
    expect(other.keyId).not.toBe(parent.keyId)
    expect(other.disks[0].keyId).toBe(other.keyId)
    await ok(lab, { op: 'vm.create', name: 'p', host: 'esx-01', guestData: 'clear parent' }, { op: 'vm.clone', name: 'p', newName: 'enc', encryption: 'encrypt' })
    const enc = get(lab, 'vm', 'enc')
    expect(enc.keyId).toBeTruthy()
    expect(indexOfBytes(datastoreFile(lab, 'enc', 'flat').data!, utf8('clear parent'))).toBe(-1)
    const [bad] = await run(lab, { op: 'vm.clone', name: 'p', newName: 'x', encryption: 'decrypt' })
    expect(bad.fault?.fault).toBe('InvalidVmConfig')
  })
})
