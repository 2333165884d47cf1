import { describe, expect, it } from 'vitest'
import { edgeSegments, midpoint, pathData, reversePath } from '../../../renderer/src/graph/geometry'
import { layoutTopology } from '../../../renderer/src/graph/layout'
import { RouteGraph } from '../../../renderer/src/graph/routing'
import { componentsOf, edgesOf } from '../../../renderer/src/reading/topology'
import type { EntityViews } from '../../../shared/api/contract'

const views: EntityViews = {
  lab: { order: ['vcenter', 'kms:kms-1', 'kms:kms-2', 'datastore:ds-c1', 'host:esx-01', 'host:esx-02', 'vm:web'] },
  vcenter: { kind: 'vcenter', name: 'vcsa', persisted: { providers: { kp: { name: 'kp', trust: { mode: 'csr' } } } } },
  'kms:kms-1': { kind: 'kms', name: 'kms-1', provider: 'kp' },
  'kms:kms-2': { kind: 'kms', name: 'kms-2', provider: 'kp' },
  'datastore:ds-c1': { kind: 'datastore', name: 'ds-c1', cluster: 'c1' },
  'host:esx-01': { kind: 'host', name: 'esx-01', cluster: 'c1' },
  'host:esx-02': { kind: 'host', name: 'esx-02', cluster: 'c1' },
  'vm:web': { kind: 'vm', name: 'web', host: 'esx-01' }
}

function graph(v = views, vmotions: [string, string][] = []) {
  const layout = layoutTopology(componentsOf(v))
  return new RouteGraph(edgesOf(v, vmotions), layout.nodes)
}

describe('lines and token routes', () => {
  it('draws the lab’s lines: KMIP with its lock, management, storage, VM, replication', () => {
    const edges = edgesOf(views)
    expect(edges.map((e) => e.id).sort()).toEqual(
      [
        'kmip:kms:kms-1',
        'kmip:kms:kms-2',
        'mgmt:host:esx-01',
        'mgmt:host:esx-02',
        'repl:kms:kms-1|kms:kms-2',
        'storage:host:esx-01',
        'storage:host:esx-02',
        'vm:vm:web'
      ].sort()
    )
    expect(edges.find((e) => e.kind === 'kmip')?.lock).toBe('closed')
    const untrusted = { ...views, vcenter: { kind: 'vcenter', persisted: { providers: { kp: { trust: { mode: null } } } } } }
    expect(edgesOf(untrusted).find((e) => e.kind === 'kmip')?.lock).toBe('open')
    const unknown = { ...views, vcenter: { kind: 'vcenter', persisted: { providers: {} } } }
    expect(edgesOf(unknown).find((e) => e.kind === 'kmip')?.lock).toBe('none')
  })

  it('adds a vMotion line only for hosts that migrated', () => {
    expect(edgesOf(views).some((e) => e.kind === 'vmotion')).toBe(false)
    expect(edgesOf(views, [['host:esx-01', 'host:esx-02']]).filter((e) => e.kind === 'vmotion')).toHaveLength(1)
  })

  it('sends a token along the direct line, in the direction of travel', () => {
    const g = graph()
    const there = g.route('kms:kms-1', 'vcenter')
    const back = g.route('vcenter', 'kms:kms-1')
    expect(there).toMatchObject({ kind: 'travel', edges: ['kmip:kms:kms-1'], nodes: ['kms:kms-1', 'vcenter'] })
    expect(back).toMatchObject({ kind: 'travel', edges: ['kmip:kms:kms-1'], nodes: ['vcenter', 'kms:kms-1'] })
    expect(back.kind === 'travel' && back.path).toBe(pathData(reversePath(g.edgePath('kmip:kms:kms-1'))))
  })

  it('chains lines when two components have none between them, and pulses a node for a local event', () => {
    const g = graph()
    expect(g.route('vcenter', 'vm:web')).toMatchObject({ kind: 'travel', edges: ['mgmt:host:esx-01', 'vm:vm:web'], nodes: ['vcenter', 'host:esx-01', 'vm:web'] })
    expect(g.route('datastore:ds-c1', 'host:esx-02')).toMatchObject({ kind: 'travel', edges: ['storage:host:esx-02'] })
    expect(g.route('host:esx-01', 'host:esx-01')).toEqual({ kind: 'local', node: 'host:esx-01' })
    expect(g.route('host:gone', 'host:esx-01')).toEqual({ kind: 'local', node: 'host:esx-01' })
    expect(g.route('x', 'y')).toEqual({ kind: 'none' })
  })

  it('joins the hops of a route through the node between them', () => {
    const r = graph().route('vcenter', 'vm:web')
    expect(r.kind === 'travel' && r.path).toMatch(/^M [\d.]+ [\d.]+ L .* C .* L .* L .*$/)
  })

  it('reverses curves exactly and finds a line’s middle', () => {
    const layout = layoutTopology(componentsOf(views))
    const line = edgeSegments('management', layout.nodes.get('vcenter')!, layout.nodes.get('host:esx-01')!)
    expect(reversePath(reversePath(line))).toEqual(line)
    const m = midpoint(line)
    expect(m.x).toBeGreaterThan(line[0].from.x)
    expect(m.x).toBeLessThan(line[0].to.x)
  })
})
