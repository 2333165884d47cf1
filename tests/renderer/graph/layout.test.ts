import { describe, expect, it } from 'vitest'
import { CLUSTER_TITLE_HEIGHT, layoutTopology, SIZE, type Layout } from '../../../renderer/src/graph/layout'
import { edgeSegments, type Segment } from '../../../renderer/src/graph/geometry'
import type { TopoComponent } from '../../../renderer/src/reading/topology'

const vc: TopoComponent = { id: 'vcenter', kind: 'vcenter', name: 'vcsa', group: '' }
const kms = (n: string, p = 'kp'): TopoComponent => ({ id: `kms:${n}`, kind: 'kms', name: n, group: p })
const host = (n: string, c = 'c1'): TopoComponent => ({ id: `host:${n}`, kind: 'host', name: n, group: c })
const ds = (c = 'c1'): TopoComponent => ({ id: `datastore:ds-${c}`, kind: 'datastore', name: `ds-${c}`, group: c })
const vm = (n: string, h: string): TopoComponent => ({ id: `vm:${n}`, kind: 'vm', name: n, group: h })

const positions = (l: Layout) => new Map([...l.nodes].map(([id, n]) => [id, `${n.x},${n.y}`]))

function overlaps(l: Layout): string[] {
  const nodes = [...l.nodes.values()]
  const out: string[] = []
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]
      const b = nodes[j]
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) out.push(`${a.id}/${b.id}`)
    }
  return out
}

/** Every existing node keeps its place when `added` joins `before`. */
function expectStable(before: TopoComponent[], added: TopoComponent[]) {
  const a = positions(layoutTopology(before))
  const b = positions(layoutTopology([...before, ...added]))
  for (const [id, p] of a) expect(b.get(id), id).toBe(p)
}

describe('the topology layout', () => {
  const lab = [vc, kms('kms-1'), ds(), host('esx-01'), host('esx-02'), vm('web', 'esx-01'), vm('db', 'esx-01'), vm('app', 'esx-02')]

  it('reads left to right: key providers, vCenter, then clusters with hosts, VMs under them and the datastore below', () => {
    const l = layoutTopology(lab)
    const n = (id: string) => l.nodes.get(id)!
    expect(n('kms:kms-1').x + SIZE.kms.width).toBeLessThan(n('vcenter').x)
    expect(n('vcenter').x + SIZE.vcenter.width).toBeLessThan(n('host:esx-01').x)
    expect(n('host:esx-01').x).toBeLessThan(n('host:esx-02').x)
    expect(n('vm:web').y).toBeGreaterThan(n('host:esx-01').y + SIZE.host.height)
    expect(n('vm:db').y).toBeGreaterThan(n('vm:web').y)
    expect(n('datastore:ds-c1').y).toBeGreaterThan(n('vm:db').y + SIZE.vm.height)
    // the datastore spans the cluster's hosts
    expect(n('datastore:ds-c1').x).toBe(n('host:esx-01').x)
    expect(n('datastore:ds-c1').x + n('datastore:ds-c1').width).toBe(n('host:esx-02').x + SIZE.host.width)
    expect(l.groups.map((g) => g.id)).toEqual(['provider:kp', 'cluster:c1'])
    expect(overlaps(l)).toEqual([])
  })

  it('puts each group around its members', () => {
    const l = layoutTopology(lab)
    for (const g of l.groups) {
      const members = [...l.nodes.values()].filter((n) => (g.kind === 'cluster' ? ['host', 'vm', 'datastore'].includes(n.kind) : n.kind === 'kms'))
      for (const m of members) {
        expect(m.x).toBeGreaterThanOrEqual(g.x)
        expect(m.y).toBeGreaterThanOrEqual(g.y)
        expect(m.x + m.width).toBeLessThanOrEqual(g.x + g.width)
        expect(m.y + m.height).toBeLessThanOrEqual(g.y + g.height)
      }
    }
  })

  it('keeps existing nodes in place when a host, a VM, a KMS, a provider or a cluster is added', () => {
    expectStable(lab, [host('esx-03')])
    expectStable(lab, [vm('web2', 'esx-02')])
    expectStable(lab, [kms('kms-2')])
    expectStable(lab, [kms('other-1', 'kp2')])
    expectStable(lab, [host('esx-10', 'c2'), ds('c2')])
    // a second cluster exists: the first can still grow to four hosts without pushing it
    expectStable([...lab, host('b-01', 'c2')], [host('esx-03'), host('esx-04')])
  })

  it('places a big lab (64 hosts, 512 VMs) without overlaps (its speed is part of npm run bench -- ui)', () => {
    const big: TopoComponent[] = [vc, kms('kms-1'), kms('kms-2')]
    for (let h = 0; h < 64; h++) {
      const c = `c${Math.floor(h / 8)}`
      if (h % 8 === 0) big.push(ds(c))
      big.push(host(`esx-${h}`, c))
      for (let v = 0; v < 8; v++) big.push(vm(`vm-${h}-${v}`, `esx-${h}`))
    }
    const l = layoutTopology(big)
    expect(l.nodes.size).toBe(big.length)
    expect(overlaps(l)).toEqual([])
    // wrapped into rows rather than one endless strip
    expect(l.bounds.width / l.bounds.height).toBeLessThan(4)
  })

  it('sizes a Native Key Provider’s box to its title: no empty slot for a KMS server that never comes', () => {
    const providers = [
      { name: 'nkp', native: true },
      { name: 'kp', native: false },
      { name: 'empty-kp', native: false }
    ]
    const l = layoutTopology(lab, providers)
    const box = (name: string) => l.groups.find((g) => g.id === `provider:${name}`)!
    // far shorter than a box that holds (or keeps room for) a KMS server
    expect(box('nkp').height).toBeLessThan(SIZE.kms.height)
    expect(box('empty-kp').height).toBeGreaterThan(SIZE.kms.height)
    // the boxes below it start right under it, and its KMS servers sit inside their own box
    expect(box('kp').y).toBeLessThan(box('nkp').y + box('nkp').height + 40)
    const k = l.nodes.get('kms:kms-1')!
    expect(k.y).toBeGreaterThanOrEqual(box('kp').y)
    expect(k.y + k.height).toBeLessThanOrEqual(box('kp').y + box('kp').height)
  })

  it('still places a VM whose host it does not know', () => {
    const l = layoutTopology([vc, vm('lost', 'nowhere')])
    expect(l.nodes.get('vm:lost')).toBeDefined()
  })
})

describe('vCenter’s lines', () => {
  // Two rows of clusters (three to a row), one to three hosts each, with VMs.
  const clusters = ['c1', 'c2', 'c3', 'c4', 'c5']
  const lab = [
    vc,
    kms('kms-1'),
    ...clusters.flatMap((c, i) => [ds(c), ...Array.from({ length: 1 + (i % 3) }, (_, h) => host(`esx-${c}-${h}`, c))]),
    vm('web', 'esx-c1-0'),
    vm('db', 'esx-c5-1')
  ]

  function pointsOf(segments: Segment[]): { x: number; y: number }[] {
    const out: { x: number; y: number }[] = []
    for (const s of segments)
      for (let i = 0; i <= 40; i++) {
        const t = i / 40
        const u = 1 - t
        out.push(
          s.type === 'L'
            ? { x: s.from.x + (s.to.x - s.from.x) * t, y: s.from.y + (s.to.y - s.from.y) * t }
            : {
                x: u * u * u * s.from.x + 3 * u * u * t * s.c1.x + 3 * u * t * t * s.c2.x + t * t * t * s.to.x,
                y: u * u * u * s.from.y + 3 * u * u * t * s.c1.y + 3 * u * t * t * s.c2.y + t * t * t * s.to.y
              }
        )
      }
    return out
  }

  it('never cross a cluster’s title or another component, in every row of clusters', () => {
    const l = layoutTopology(lab)
    const inside = (pt: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) =>
      pt.x > b.x + 1 && pt.x < b.x + b.width - 1 && pt.y > b.y + 1 && pt.y < b.y + b.height - 1
    const titles = l.groups.filter((g) => g.kind === 'cluster').map((g) => ({ id: g.id, x: g.x, y: g.y, width: g.width, height: CLUSTER_TITLE_HEIGHT }))
    const vcenter = l.nodes.get('vcenter')!
    const hosts = [...l.nodes.values()].filter((n) => n.kind === 'host')
    expect(new Set(hosts.map((h) => h.y)).size).toBe(2)
    for (const h of hosts) {
      const line = edgeSegments('management', vcenter, h)
      expect(line.at(-1)!.to).toEqual({ x: h.x + h.width / 2, y: h.y })
      for (const pt of pointsOf(line)) {
        for (const title of titles) expect(inside(pt, title), `${h.id} crosses the title of ${title.id}`).toBe(false)
        for (const n of l.nodes.values()) if (n.id !== h.id && n.id !== 'vcenter') expect(inside(pt, n), `${h.id} crosses ${n.id}`).toBe(false)
      }
    }
  })
})
