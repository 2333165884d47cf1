import { describe, expect, it } from 'vitest'
import { bytesOf } from '../../../shared/lab/files/storedBytes'
import { encryptedVmLab, get, ok, run } from '../../helpers/lab'
import { datastoreFile } from '../../helpers/inspect'

describe('vMotion, clones and snapshots', () => {
  it('encrypted vMotion: vCenter makes a one-time key and nonce, sends them to both hosts, the memory travels encrypted', async () => {
    const lab = await encryptedVmLab({ hosts: ['esx-01', 'esx-02'] })
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const guest = get(lab, 'vm', 'vm1').memory.guest
    const [out] = await ok(lab, { op: 'vm.migrate', name: 'vm1', host: 'esx-02' })
    const ids = out.events.map((e) => e.message.id)
    expect(ids).toContain('vmotion.key.generated')
    expect(out.events.filter((e) => e.message.id === 'vmotion.key.sent').map((e) => e.to)).toEqual(['host:esx-01', 'host:esx-02'])
    const stream = out.events.find((e) => e.kind === 'vmotion')!
    expect(stream).toMatchObject({ from: 'host:esx-01', to: 'host:esx-02', payload: { kind: 'memory', encrypted: true } })
    expect(stream.keys[0]).toMatchObject({ keyType: 'oneTimeKey' })
    expect(out.events.some((e) => e.kind === 'kmip.request')).toBe(false)
    const vm = get(lab, 'vm', 'vm1')
    expect(vm.host).toBe('esx-02')
    expect(vm.memory.guest).toEqual(guest)
    expect(get(lab, 'host', 'esx-02').memory.keyCache['dek:vm1/scsi0:0']).toBeDefined()
    expect(get(lab, 'host', 'esx-01').memory.keyCache['dek:vm1/scsi0:0']).toBeUndefined()
    expect(get(lab, 'host', 'esx-01').memory.runningVms).toEqual([])
    expect(get(lab, 'host', 'esx-02').memory.runningVms).toEqual(['vm1'])
  })

  it('a destination host that lost the KEK gets it from vCenter, which asks the KMS', async () => {
    const lab = await encryptedVmLab({ hosts: ['esx-01', 'esx-02'] })
    // rebooted while the KMS was down: vCenter could not push the cluster's keys back (vsphere-facts.md#reboot-pushes-cluster-keys)
    await ok(lab, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-02' }, { op: 'kms.start', name: 'kms-1' })
    const keyId = get(lab, 'vm', 'vm1').keyId!
    expect(get(lab, 'host', 'esx-02').memory.keyCache[keyId]).toBeUndefined()
    const [out] = await ok(lab, { op: 'vm.migrate', name: 'vm1', host: 'esx-02' })
    expect(out.events.some((e) => e.kind === 'kmip.request' && e.kmip!.operation === 'Get')).toBe(true)
    expect(get(lab, 'host', 'esx-02').memory.keyCache[keyId]).toBeDefined()
  })

  it('migration to a host of another cluster is refused (the datastore is shared per cluster)', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'host.add', name: 'esx-09', cluster: 'c2' })
    const [out] = await run(lab, { op: 'vm.migrate', name: 'vm1', host: 'esx-09' })
    expect(out.fault?.fault).toBe('InvalidDatastore')
  })

  it('a clone shares the keys: same KEK, same wrapped DEK, the disk copied still encrypted', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' }, { op: 'vm.clone', name: 'vm1', newName: 'vm2' })
    const [a, b] = [get(lab, 'vm', 'vm1'), get(lab, 'vm', 'vm2')]
    expect(b.keyId).toBe(a.keyId)
    expect(b.uuid).not.toBe(a.uuid)
    expect(Buffer.from(datastoreFile(lab, 'vm2', 'flat').data!).equals(datastoreFile(lab, 'vm1', 'flat').data!)).toBe(true)
    const bundle = (t: string) => /encryption\.bundle = "(.*)"/.exec(t)![1]
    expect(bundle(datastoreFile(lab, 'vm2', 'vmx').text!)).toBe(bundle(datastoreFile(lab, 'vm1', 'vmx').text!))
    expect(get(lab, 'vcenter', 'vcenter').persisted.vmKeys.vm2.keyId).toBe(a.keyId)
    await ok(lab, { op: 'vm.powerOn', name: 'vm2' })
    expect(get(lab, 'vm', 'vm2').memory.guest).toEqual(get(lab, 'vm', 'vm1').memory.guest)
  })

  it('snapshot rules: a snapshot of an encrypted VM is encrypted; no snapshot of a locked VM; encrypt after deleting snapshots', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.snapshot', name: 'vm1' })
    const vm = get(lab, 'vm', 'vm1')
    const ds = lab.component(vm.datastore)
    const delta = ds?.kind === 'datastore' ? bytesOf(ds.persisted.files[vm.snapshots[0].deltaData].data!) : new Uint8Array()
    expect(new TextDecoder().decode(delta)).not.toContain('delta grain')
    await ok(lab, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-01' })
    const [locked] = await run(lab, { op: 'vm.snapshot', name: 'vm1' })
    expect(locked.fault?.fault).toBe('InvalidVmConfig')
    expect(locked.fault?.text).toMatch(/msg\.snapshot\.vigor\.take\.error/)
  })
})
