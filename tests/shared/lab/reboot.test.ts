import { describe, expect, it } from 'vitest'
import { encryptedVmLab, get, ok, run } from '../../helpers/lab'

describe('host reboot and locked VMs', () => {
  it('a reboot empties the key cache; vCenter gets the host key and the KEK from the KMS again and pushes them', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const before = get(lab, 'host', 'esx-01')
    const [out] = await ok(lab, { op: 'host.reboot', name: 'esx-01' })
    const after = get(lab, 'host', 'esx-01')
    expect(get(lab, 'vm', 'vm1').power).toBe('poweredOff')
    expect(Object.keys(after.memory.keyCache).sort()).toEqual(Object.keys(before.memory.keyCache).filter((k) => !k.startsWith('dek:vm1/')).sort())
    const gets = out.events.filter((e) => e.kind === 'kmip.request' && e.kmip!.operation === 'Get').map((e) => e.keys[0].keyType)
    expect(gets.sort()).toEqual(['hostKey', 'kek'])
    expect(out.events.filter((e) => e.kind === 'key.push').map((e) => e.keys[0].form)).toEqual(['material', 'material'])
    // the first event already shows an empty cache: memory is lost at once
    const first = lab.entitiesAt(out.events[0].seq)
    const h = first.get('host:esx-01')
    expect(h?.kind === 'host' && Object.keys(h.memory.keyCache)).toEqual([])
  })

  it('rebooting while the KMS is down locks the host’s encrypted VMs; after the KMS is back, unlock brings them back', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-01' })
    let vm = get(lab, 'vm', 'vm1')
    expect(vm.connectionState).toBe('invalid')
    expect(vm.cryptoState).toBe('locked')
    expect(vm.lockReason).toBe('vm.lock.kmsError')
    const [powerOn] = await run(lab, { op: 'vm.powerOn', name: 'vm1' })
    expect(powerOn.fault?.fault).toBe('EncryptionKeyRequired')
    const [early] = await run(lab, { op: 'vm.unlock', name: 'vm1' })
    expect(early.fault?.fault).toBe('KmsClusterUnreachable')
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('locked')
    await ok(lab, { op: 'kms.start', name: 'kms-1' }, { op: 'vm.unlock', name: 'vm1' })
    vm = get(lab, 'vm', 'vm1')
    expect(vm.connectionState).toBe('connected')
    expect(vm.cryptoState).toBe('unlocked')
    const host = get(lab, 'host', 'esx-01')
    expect(host.memory.keyCache[vm.keyId!]).toBeDefined()
    expect(host.memory.keyCache[host.persisted.config.hostKeyId!]).toBeDefined()
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
  })

  it('a VM on another host keeps running and unlocked: losing the KMS does not lock VMs by itself', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' }, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-02' })
    expect(get(lab, 'vm', 'vm1')).toMatchObject({ power: 'poweredOn', cryptoState: 'unlocked', connectionState: 'connected' })
  })

  it('rebooting while vCenter is down locks the VMs; vCenter coming back restores the host key, unlock the VM key', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vcenter.stop' }, { op: 'host.reboot', name: 'esx-01' })
    expect(get(lab, 'vm', 'vm1')).toMatchObject({ cryptoState: 'locked', connectionState: 'invalid', lockReason: 'vm.lock.vcenterDown' })
    const [refused] = await run(lab, { op: 'vm.unlock', name: 'vm1' })
    expect(refused.fault?.fault).toBe('VcenterUnavailable')
    await ok(lab, { op: 'vcenter.start' })
    const host = get(lab, 'host', 'esx-01')
    expect(host.memory.keyCache[host.persisted.config.hostKeyId!]).toBeDefined()
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('locked')
    await ok(lab, { op: 'vm.unlock', name: 'vm1' })
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('unlocked')
  })

  it('when the key is back on the host, hostd reloads a locked VM by itself: a reboot after the KMS returns unlocks it', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-01' })
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('locked')
    await ok(lab, { op: 'kms.start', name: 'kms-1' })
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('locked')
    const [reboot] = await ok(lab, { op: 'host.reboot', name: 'esx-01' })
    expect(get(lab, 'vm', 'vm1')).toMatchObject({ cryptoState: 'unlocked', connectionState: 'connected', lockReason: null })
    const ids = reboot.events.map((e) => e.message.id)
    expect(ids.indexOf('vm.unlocked')).toBeGreaterThan(ids.indexOf('vcenter.push.kek'))
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
  })

  it('unlocking one VM reloads its locked clone on the same host too: they share the KEK', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.clone', name: 'vm1', newName: 'vm2' }, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-01' })
    expect([get(lab, 'vm', 'vm1').cryptoState, get(lab, 'vm', 'vm2').cryptoState]).toEqual(['locked', 'locked'])
    const [unlock] = await ok(lab, { op: 'kms.start', name: 'kms-1' }, { op: 'vm.unlock', name: 'vm1' }).then((r) => r.slice(1))
    expect([get(lab, 'vm', 'vm1').cryptoState, get(lab, 'vm', 'vm2').cryptoState]).toEqual(['unlocked', 'unlocked'])
    expect(unlock.events.filter((e) => e.message.id === 'vm.unlocked').map((e) => e.message.params.vm)).toEqual(['vm1', 'vm2'])
  })

  it('moving a VM to a host where its locked clone waits brings the shared key along, and the clone is reloaded', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.clone', name: 'vm1', newName: 'vm2' }, { op: 'vm.migrate', name: 'vm2', host: 'esx-02' })
    await ok(lab, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-02' }, { op: 'kms.start', name: 'kms-1' })
    expect(get(lab, 'vm', 'vm2').cryptoState).toBe('locked')
    const [move] = await ok(lab, { op: 'vm.migrate', name: 'vm1', host: 'esx-02' })
    expect(get(lab, 'vm', 'vm2')).toMatchObject({ cryptoState: 'unlocked', connectionState: 'connected' })
    expect(move.events.some((e) => e.message.id === 'vm.unlocked' && e.message.params.vm === 'vm2')).toBe(true)
  })

  it('a locked VM whose key comes back from the TPM is reloaded at boot', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-01' })
    await ok(lab, { op: 'kms.start', name: 'kms-1' }, { op: 'vm.unlock', name: 'vm1' }, { op: 'host.keyPersistence', name: 'esx-01', enabled: true })
    await ok(lab, { op: 'vcenter.stop' }, { op: 'host.reboot', name: 'esx-01' })
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('unlocked')
  })

  it('vCenter coming back says what it restores: the host key, not the locked VMs', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vcenter.stop' }, { op: 'host.reboot', name: 'esx-01' })
    const [start] = await ok(lab, { op: 'vcenter.start' })
    expect(start.events.some((e) => e.message.id === 'host.reconnect.vcenterBack')).toBe(true)
    expect(start.events.some((e) => e.message.id === 'host.reconnect')).toBe(false)
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('locked')
  })

  it('with key persistence the TPM-sealed key cache survives a reboot even with the KMS down', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'host.keyPersistence', name: 'esx-01', enabled: true }, { op: 'kms.stop', name: 'kms-1' })
    const [out] = await ok(lab, { op: 'host.reboot', name: 'esx-01' })
    expect(out.events.some((e) => e.message.id === 'host.keys.unsealed')).toBe(true)
    expect(out.events.some((e) => e.kind === 'kmip.request')).toBe(false)
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('unlocked')
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    await ok(lab, { op: 'host.keyPersistence', name: 'esx-01', enabled: false }, { op: 'host.reboot', name: 'esx-01' })
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('locked')
  })

  it('a revoked key locks the VM after the next reboot, not before; a destroyed key too', async () => {
    for (const op of ['kms.revokeKey', 'kms.destroyKey'] as const) {
      const lab = await encryptedVmLab()
      const keyId = get(lab, 'vm', 'vm1').keyId!
      if (op === 'kms.destroyKey') await ok(lab, { op: 'kms.revokeKey', keyId })
      await ok(lab, { op, keyId }, { op: 'vm.powerOn', name: 'vm1' })
      expect(get(lab, 'vm', 'vm1').power).toBe('poweredOn')
      await ok(lab, { op: 'host.reboot', name: 'esx-01' })
      expect(get(lab, 'vm', 'vm1')).toMatchObject({ cryptoState: 'locked', lockReason: 'vm.lock.keysMissing' })
      const [unlock] = await run(lab, { op: 'vm.unlock', name: 'vm1' })
      expect(unlock.fault?.fault).toBe('KmsKeyUnavailable')
    }
  })

  it('KMIP key states: an Active key cannot be destroyed; a Deactivated key cannot be activated again', async () => {
    const lab = await encryptedVmLab()
    const keyId = get(lab, 'vm', 'vm1').keyId!
    const [destroy] = await run(lab, { op: 'kms.destroyKey', keyId })
    expect(destroy.fault?.text).toMatch(/Illegal Operation\. An active key must be revoked before it can be destroyed\.$/)
    await ok(lab, { op: 'kms.revokeKey', keyId })
    expect(get(lab, 'kms', 'kms-1').persisted.keys[keyId].state).toBe(3)
    const [activate] = await run(lab, { op: 'kms.activateKey', keyId })
    expect(activate.fault?.text).toMatch(/Illegal Operation\. Only a key that is not yet activated \(Pre-Active\) can be activated; this one is Deactivated\.$/)
  })
})
