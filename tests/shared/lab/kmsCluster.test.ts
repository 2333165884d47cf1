import { describe, expect, it } from 'vitest'
import { encryptedVmLab, get, ok, run } from '../../helpers/lab'

describe('KMS servers of one key provider', () => {
  it('replicate keys: a key created on one server is on the other too', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.add', name: 'kms-2', provider: 'kp' })
    expect(Object.keys(get(lab, 'kms', 'kms-2').persisted.keys).sort()).toEqual(Object.keys(get(lab, 'kms', 'kms-1').persisted.keys).sort())
    const [out] = await ok(lab, { op: 'vm.create', name: 'vm2', host: 'esx-01' }, { op: 'vm.encrypt', name: 'vm2' }).then((r) => [r[1]])
    const keyId = get(lab, 'vm', 'vm2').keyId!
    expect(get(lab, 'kms', 'kms-2').persisted.keys[keyId].material).toEqual(get(lab, 'kms', 'kms-1').persisted.keys[keyId].material)
    expect(get(lab, 'kms', 'kms-2').persisted.keys[keyId].state).toBe(2)
    expect(out.events.some((e) => e.kind === 'kms.replicate' && e.to === 'kms:kms-2')).toBe(true)
  })

  it('vCenter fails over to the next server when one stops', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.add', name: 'kms-2', provider: 'kp' }, { op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' }, { op: 'kms.stop', name: 'kms-1' })
    const [out] = await ok(lab, { op: 'host.reboot', name: 'esx-01' })
    expect(out.events.some((e) => e.message.id === 'tls.refused' && e.to === 'kms:kms-1')).toBe(true)
    expect(out.events.some((e) => e.kind === 'kmip.response' && e.from === 'kms:kms-2' && e.kmip!.operation === 'Get')).toBe(true)
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('unlocked')
  })

  it('a server that was down catches up when it starts', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.add', name: 'kms-2', provider: 'kp' }, { op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' }, { op: 'kms.stop', name: 'kms-2' })
    await ok(lab, { op: 'vm.create', name: 'vm2', host: 'esx-01' }, { op: 'vm.encrypt', name: 'vm2' })
    const keyId = get(lab, 'vm', 'vm2').keyId!
    expect(get(lab, 'kms', 'kms-2').persisted.keys[keyId]).toBeUndefined()
    await ok(lab, { op: 'kms.start', name: 'kms-2' }, { op: 'kms.stop', name: 'kms-1' })
    expect(get(lab, 'kms', 'kms-2').persisted.keys[keyId].state).toBe(2)
    await ok(lab, { op: 'host.reboot', name: 'esx-01' })
    expect(get(lab, 'vm', 'vm2').cryptoState).toBe('unlocked')
  })

  it('with every server stopped, key operations fail and list the reason for each server', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.add', name: 'kms-2', provider: 'kp' }, { op: 'kms.stop', name: 'kms-1' }, { op: 'kms.stop', name: 'kms-2' })
    await ok(lab, { op: 'vm.create', name: 'vm2', host: 'esx-01' })
    const [out] = await run(lab, { op: 'vm.encrypt', name: 'vm2' })
    expect(out.fault?.text).toMatch(/kms-1: connection refused; kms-2: connection refused/)
  })

  it('the KMS administrator’s revoke reaches every server of the provider', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.add', name: 'kms-2', provider: 'kp' })
    const keyId = get(lab, 'vm', 'vm1').keyId!
    await ok(lab, { op: 'kms.revokeKey', keyId })
    expect(get(lab, 'kms', 'kms-1').persisted.keys[keyId].state).toBe(3)
    expect(get(lab, 'kms', 'kms-2').persisted.keys[keyId].state).toBe(3)
  })
})
