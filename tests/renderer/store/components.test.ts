import { describe, expect, it } from 'vitest'
import { summarizeComponents } from '../../../renderer/src/store/components'

describe('summarizeComponents', () => {
  const views = {
    lab: { id: 'lab', kind: 'meta', order: ['vcenter', 'host:esx-01', 'vm:web'] },
    'vm:web': { id: 'vm:web', kind: 'vm', name: 'web', host: 'esx-01', power: 'poweredOn', cryptoState: null },
    vcenter: { id: 'vcenter', kind: 'vcenter', name: 'vcsa', running: true, persisted: { defaultProvider: null, providers: {} } },
    'host:esx-01': { id: 'host:esx-01', kind: 'host', name: 'esx-01', cluster: 'cluster-a', cryptoState: 'incapable', memory: { keyCache: { k1: {}, k2: {} } } },
    'kms:kms-1': { id: 'kms:kms-1', kind: 'kms', name: 'kms-1', provider: 'p1', running: false, persisted: { keys: { a: {} } } }
  }

  it('lists components in the lab order, then the rest by id, without the meta record', () => {
    expect(summarizeComponents(views).map((c) => c.id)).toEqual(['vcenter', 'host:esx-01', 'vm:web', 'kms:kms-1'])
  })

  it('shows the fields that tell each kind of component at a glance', () => {
    const byId = Object.fromEntries(summarizeComponents(views).map((c) => [c.id, Object.fromEntries(c.fields.map((f) => [f.label, f.value]))]))
    expect(byId['host:esx-01']).toEqual({ cluster: 'cluster-a', 'crypto state': 'incapable', 'key cache': '2' })
    expect(byId['vm:web']).toEqual({ host: 'esx-01', power: 'poweredOn', encryption: 'not encrypted' })
    expect(byId.vcenter).toEqual({ state: 'running', 'default provider': 'none', providers: '0' })
    expect(byId['kms:kms-1']).toEqual({ provider: 'p1', state: 'stopped', keys: '1' })
  })

  it('copes with missing or odd values', () => {
    expect(summarizeComponents({})).toEqual([])
    const odd = summarizeComponents({ x: { kind: 'host' }, y: null, z: { kind: 'future-kind', name: 'n' } })
    expect(odd).toEqual([
      { id: 'x', kind: 'host', name: 'x', fields: [{ label: 'cluster', value: '—' }, { label: 'crypto state', value: '—' }, { label: 'key cache', value: '0' }] },
      { id: 'z', kind: 'future-kind', name: 'n', fields: [] }
    ])
  })
})
