import { describe, expect, it } from 'vitest'
import { get, newLab, ok, run, trustedLab } from '../../helpers/lab'

describe('host crypto states', () => {
  it('a new host is incapable and holds no keys', async () => {
    const lab = await trustedLab()
    const h = get(lab, 'host', 'esx-01')
    expect(h.cryptoState).toBe('incapable')
    expect(h.memory.keyCache).toEqual({})
  })

  it('the first encryption in a cluster makes every host of the cluster safe with its own host key', async () => {
    const lab = await trustedLab({ hosts: ['esx-01', 'esx-02', 'esx-03'] })
    const [, enc] = await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.encrypt', name: 'vm1' })
    const hostKeys = new Set<string>()
    for (const name of ['esx-01', 'esx-02', 'esx-03']) {
      const h = get(lab, 'host', name)
      expect(h.cryptoState).toBe('safe')
      const hostKeyId = h.persisted.config.hostKeyId!
      expect(h.memory.keyCache[hostKeyId].keyType).toBe('hostKey')
      hostKeys.add(hostKeyId)
      expect(get(lab, 'vcenter', 'vcenter').persisted.hostKeys[name].keyId).toBe(hostKeyId)
    }
    expect(hostKeys.size).toBe(3)
    // the host goes through prepared on the way: PrepareCrypto, then the host key
    const states = enc.events.filter((e) => e.kind === 'host.state').map((e) => e.message.id)
    expect(states.filter((s) => s === 'host.prepare')).toHaveLength(3)
    expect(states.filter((s) => s === 'host.safe')).toHaveLength(3)
    // the KMS tags host keys as vCenter does
    const kms = get(lab, 'kms', 'kms-1')
    const tagged = Object.values(kms.persisted.keys).filter((k) => k.attributes['x-Component']?.value === 'ESXi Server')
    expect(tagged.map((k) => k.attributes['x-Name']?.value).sort()).toEqual(['esx-01', 'esx-02', 'esx-03'])
  })

  it('a host in another cluster stays incapable', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'host.add', name: 'esx-09', cluster: 'c2' }, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.encrypt', name: 'vm1' })
    expect(get(lab, 'host', 'esx-09').cryptoState).toBe('incapable')
  })

  it('host encryption mode: on makes a host safe; off goes pendingIncapable until a reboot makes it incapable', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'host.encryptionMode', name: 'esx-01', enabled: true })
    expect(get(lab, 'host', 'esx-01').cryptoState).toBe('safe')
    await ok(lab, { op: 'host.encryptionMode', name: 'esx-01', enabled: false })
    const pending = get(lab, 'host', 'esx-01')
    expect(pending.cryptoState).toBe('pendingIncapable')
    expect(Object.values(pending.memory.keyCache).map((k) => k.keyType)).toEqual(['hostKey'])
    await ok(lab, { op: 'host.reboot', name: 'esx-01' })
    const after = get(lab, 'host', 'esx-01')
    expect(after.cryptoState).toBe('incapable')
    expect(after.persisted.config.hostKeyId).toBeNull()
    expect(after.memory.keyCache).toEqual({})
  })

  it('pendingIncapable goes back to safe when encryption mode is turned on again, with the same host key', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'host.encryptionMode', name: 'esx-01', enabled: true })
    const keyId = get(lab, 'host', 'esx-01').persisted.config.hostKeyId
    await ok(lab, { op: 'host.encryptionMode', name: 'esx-01', enabled: false }, { op: 'host.encryptionMode', name: 'esx-01', enabled: true })
    expect(get(lab, 'host', 'esx-01').cryptoState).toBe('safe')
    expect(get(lab, 'host', 'esx-01').persisted.config.hostKeyId).toBe(keyId)
  })

  it('a pendingIncapable host refuses new encrypted VMs', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'host.encryptionMode', name: 'esx-01', enabled: true }, { op: 'host.encryptionMode', name: 'esx-01', enabled: false })
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' })
    const [out] = await run(lab, { op: 'vm.encrypt', name: 'vm1' })
    expect(out.fault?.fault).toBe('InvalidState')
    expect(out.fault?.text).toMatch(/pendingIncapable/)
  })

  it('a pendingIncapable host elsewhere in the cluster does not stop encryption: it just gets no copy of the KEK', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'host.encryptionMode', name: 'esx-02', enabled: true }, { op: 'host.encryptionMode', name: 'esx-02', enabled: false })
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' })
    const [out] = await ok(lab, { op: 'vm.encrypt', name: 'vm1' })
    const keyId = get(lab, 'vm', 'vm1').keyId!
    expect(get(lab, 'host', 'esx-01').memory.keyCache[keyId]).toBeDefined()
    expect(get(lab, 'host', 'esx-02').memory.keyCache[keyId]).toBeUndefined()
    expect(get(lab, 'host', 'esx-02').cryptoState).toBe('pendingIncapable')
    expect(out.events.some((e) => e.message.id === 'vm.kek.notPushed.pendingIncapable' && e.message.params.host === 'esx-02')).toBe(true)
    const [move] = await run(lab, { op: 'vm.migrate', name: 'vm1', host: 'esx-02' })
    expect(move.fault?.text).toMatch(/pendingIncapable/)
  })

  it('encryption mode cannot be turned off while VM keys are in the key cache', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.encrypt', name: 'vm1' })
    const [out] = await run(lab, { op: 'host.encryptionMode', name: 'esx-02', enabled: false })
    expect(out.fault?.fault).toBe('InvalidState')
    expect(out.fault?.text).toMatch(/key material is present/)
  })

  it('encryption mode needs a default key provider', async () => {
    const lab = await newLab()
    await ok(lab, { op: 'host.add', name: 'esx-01', cluster: 'c1' })
    const [out] = await run(lab, { op: 'host.encryptionMode', name: 'esx-01', enabled: true })
    expect(out.fault?.fault).toBe('InvalidVmConfig')
    expect(get(lab, 'host', 'esx-01').cryptoState).toBe('incapable')
  })
})
