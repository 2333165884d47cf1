import { describe, expect, it } from 'vitest'
import { componentFacts, hasKeySafe } from '../../../renderer/src/reading/facts'
import { labFacts, nextName } from '../../../renderer/src/reading/labFacts'
import { factTexts } from '../../../renderer/src/reading/summaries'
import { translator } from '../../../renderer/src/i18n/translate'
import { componentsOf, layoutComponents } from '../../../renderer/src/reading/topology'

const bytes = (hex: string) => ({ $bytes: true as const, size: hex.length / 2, hex, truncated: false, fingerprint: 'ab12cd34ef567890' })

const views = {
  lab: { id: 'lab', kind: 'meta', order: ['vcenter', 'kms:kms-1', 'host:esx-01', 'datastore:ds-a', 'vm:web'] },
  vcenter: {
    kind: 'vcenter',
    name: 'vcsa',
    running: true,
    memory: { connections: [], keysInFlight: [] },
    persisted: { providers: { kp: { name: 'kp', trust: { mode: 'csr' } } }, defaultProvider: 'kp', vmKeys: { web: { providerId: 'kp', keyId: 'k2' } }, hostKeys: { 'esx-01': { providerId: 'kp', keyId: 'k1' } } }
  },
  'kms:kms-1': { kind: 'kms', name: 'kms-1', provider: 'kp', running: false, external: null, memory: { sessions: [{ client: 'vc' }] }, persisted: { keys: { k1: { state: 2 }, k2: { state: 2 }, k3: { state: 1 } } } },
  'kms:other': { kind: 'kms', name: 'other', provider: 'kp2', running: true, external: null, persisted: { keys: {} } },
  'host:esx-01': {
    kind: 'host',
    name: 'esx-01',
    cluster: 'a',
    cryptoState: 'safe',
    memory: { keyCache: { k1: { keyType: 'hostKey', material: bytes('00') }, k2: { keyType: 'kek', material: bytes('11') }, 'dek:web': { keyType: 'dek', material: bytes('22') } }, runningVms: ['web'] },
    persisted: { config: { keyPersistence: true }, varCore: { 'vmkernel-zdump.1': bytes('aa') }, sealedKeyCache: bytes('bb') }
  },
  'datastore:ds-a': {
    kind: 'datastore',
    name: 'ds-a',
    cluster: 'a',
    persisted: { files: { 'web/web.vmx': { kind: 'vmx', text: 'displayName = "web"\nencryption.bundle = "x"' }, 'web/web-flat.vmdk': { kind: 'flat', data: bytes('00') } } }
  },
  'vm:web': { kind: 'vm', name: 'web', host: 'esx-01', power: 'poweredOn', connectionState: 'connected', cryptoState: 'locked', keyId: 'k2', snapshots: [] }
}

describe('component facts', () => {
  it('count a KMS’s keys by KMIP state and its sessions', () => {
    expect(componentFacts('kms:kms-1', views['kms:kms-1'])).toMatchObject({ kind: 'kms', running: false, sessions: 1, keyCount: 3, keysByState: { 1: 1, 2: 2, 3: 0 } })
  })

  it('count a host’s key cache by key type, its dumps and TPM', () => {
    expect(componentFacts('host:esx-01', views['host:esx-01'])).toMatchObject({
      cryptoState: 'safe',
      cache: { hostKey: 1, kek: 1, dek: 1, oneTimeKey: 0 },
      runningVms: 1,
      coreDumps: 1,
      keyPersistence: true,
      sealedCache: true
    })
  })

  it('read vCenter’s providers with trust and default, and count its key IDs', () => {
    expect(componentFacts('vcenter', views.vcenter)).toMatchObject({ providers: [{ name: 'kp', isDefault: true, trustMode: 'csr' }], vmKeyIds: 1, hostKeyIds: 1 })
  })

  it('count key safes on a datastore and read a VM’s state', () => {
    expect(componentFacts('datastore:ds-a', views['datastore:ds-a'])).toMatchObject({ files: 2, keySafes: 1 })
    expect(componentFacts('vm:web', views['vm:web'])).toMatchObject({ power: 'poweredOn', cryptoState: 'locked', keyId: 'k2' })
    expect(hasKeySafe('a = 1\nencryption.keySafe = "x"')).toBe(true)
    expect(hasKeySafe('displayName = "encryption.bundle"')).toBe(false)
  })

  it('degrade instead of throwing on odd views', () => {
    expect(componentFacts('x', undefined)).toBeNull()
    expect(componentFacts('x', { kind: 'future' })).toBeNull()
    expect(componentFacts('h', { kind: 'host' })).toMatchObject({ name: 'h', cache: { hostKey: 0 }, coreDumps: 0 })
  })

  it('say state, memory and persisted in words for the table view', () => {
    const t = translator('en')
    const host = factTexts(componentFacts('host:esx-01', views['host:esx-01'])!, t, 'en')
    expect(host.memory).toContain('Host key 1, KEK 1, DEK 1')
    expect(factTexts(componentFacts('vcenter', views.vcenter)!, t, 'en').persisted).toContain('key IDs: 2 (IDs only)')
    expect(factTexts(componentFacts('vm:web', views['vm:web'])!, translator('de'), 'de').state).toBe('an, verschlüsselt, gesperrt')
  })
})

describe('the live lab for action forms', () => {
  it('lists names, clusters, KMS keys and dumps, with providers only a KMS names marked unregistered', () => {
    const f = labFacts(views)
    expect(f.hosts.map((h) => h.name)).toEqual(['esx-01'])
    expect(f.clusters).toEqual(['a'])
    expect(f.providers).toEqual([
      { name: 'kp', trusted: true, isDefault: true, registered: true, native: false, hasBackup: false },
      { name: 'kp2', trusted: false, isDefault: false, registered: false, native: false, hasBackup: false }
    ])
    expect(f.keys.map((k) => k.keyId)).toEqual(['k1', 'k2', 'k3'])
    expect(f.dumps).toEqual({ 'esx-01': ['vmkernel-zdump.1'] })
  })

  it('suggests the next free name', () => {
    expect(nextName('esx', ['esx-01', 'esx-02'])).toBe('esx-03')
    expect(nextName('kms', ['kms-2'], 1)).toBe('kms-1')
  })

  it('orders components as the lab added them and keeps future ones for the layout', () => {
    expect(componentsOf(views).map((c) => c.id)).toEqual(['vcenter', 'kms:kms-1', 'host:esx-01', 'datastore:ds-a', 'vm:web', 'kms:other'])
    const past = { lab: views.lab, vcenter: views.vcenter, 'vm:web': { ...views['vm:web'], host: 'esx-02' } }
    const placed = layoutComponents(views, past)
    expect(placed.map((c) => c.id)).toContain('host:esx-01')
    // the VM sits on its host as of the cursor
    expect(placed.find((c) => c.id === 'vm:web')?.group).toBe('esx-02')
  })
})
