// The topology's layout: a structured, deterministic placement instead of a general graph layout engine. The lab's
// shape is always the same (key providers → vCenter → clusters of hosts with their VMs and datastore), so placing
// it by that structure reads like a vSphere diagram, costs O(n) (64 hosts and 512 VMs lay out in well under a
// millisecond, where a layered engine takes seconds), and keeps places stable:
//   - everything is placed from the live lab, so stepping back in time never moves a node;
//   - columns grow only towards their free side (KMS servers down, hosts right, VMs down), and the space a group
//     needs next is reserved in chunks, so adding a component does not push its neighbours around.
// Reading left to right follows a key's journey: KMS → vCenter → host → VM and datastore.

import type { ComponentKind } from '../reading/facts'
import type { TopoComponent, TopoProvider } from '../reading/topology'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface LayoutNode extends Box {
  id: string
  kind: ComponentKind
}

export interface LayoutGroup extends Box {
  id: string
  kind: 'provider' | 'cluster'
  name: string
}

export interface Layout {
  nodes: Map<string, LayoutNode>
  groups: LayoutGroup[]
  bounds: Box
}

export const SIZE = {
  kms: { width: 172, height: 96 },
  // Wide enough for vcenter.lab.local beside its state in presenter type.
  vcenter: { width: 272, height: 112 },
  host: { width: 184, height: 92 },
  // As wide as its host allows beside the indent, so a VM's name and power state fit in presenter type.
  vm: { width: 166, height: 58 },
  // Two rows of chips: "files" and "key safes" do not fit side by side in one host column (German even less).
  datastore: { width: 184, height: 88 }
} as const

const PAD = 16
/** Room at the top of a group for its label (and, in clusters, the vMotion arcs above the hosts). */
const LABEL = 44
/**
 * vCenter's lines run into a cluster this far above its hosts' tops: below the cluster's one-line title (at most
 * about 25 px tall, presenter type included) and above the hosts, so no line crosses the title.
 */
export const MANAGEMENT_LANE = 10
/** The band at a cluster's top its title may take (nodes.css keeps the title on one line inside it). */
export const CLUSTER_TITLE_HEIGHT = LABEL - MANAGEMENT_LANE - 4
/** A Native Key Provider's box: its kind, name and KDK mark on two lines (presenter type included). */
const NATIVE_PROVIDER_HEIGHT = 56
const GAP_X = 24
const GAP_Y = 18
const VM_GAP = 12
/** VMs are indented under their host: the line from the host runs down their left side. */
export const VM_INDENT = 18
/** Room between the columns for the lines (and their locks and tokens); every pixel of it costs zoom at a desk. */
export const COLUMN_GAP = 72
const GROUP_GAP = 28
const CLUSTER_GAP = 40
/** New space is reserved in chunks, so the next few components fit without moving anything. */
const HOST_CHUNK = 4
const VM_CHUNK = 2
const KMS_CHUNK = 2
const CLUSTERS_PER_ROW = 3

const roundUp = (n: number, chunk: number) => Math.max(chunk, Math.ceil(n / chunk) * chunk)

export function layoutTopology(components: readonly TopoComponent[], providers: readonly TopoProvider[] = []): Layout {
  const nodes = new Map<string, LayoutNode>()
  const groups: LayoutGroup[] = []
  const place = (c: TopoComponent, x: number, y: number, width: number = SIZE[c.kind].width) =>
    nodes.set(c.id, { id: c.id, kind: c.kind, x, y, width, height: SIZE[c.kind].height })

  // Column 1: key providers, one box each, their KMS servers stacked. A Native Key Provider never has servers:
  // its box holds its title only, with no empty slot kept for a first KMS.
  const kmsByProvider = new Map<string, TopoComponent[]>(providers.map((p) => [p.name, []]))
  const native = new Set(providers.filter((p) => p.native).map((p) => p.name))
  for (const c of components) if (c.kind === 'kms') kmsByProvider.set(c.group, [...(kmsByProvider.get(c.group) ?? []), c])
  const providerWidth = SIZE.kms.width + 2 * PAD
  let y = 0
  for (const [name, servers] of kmsByProvider) {
    if (native.has(name) && servers.length === 0) {
      groups.push({ id: `provider:${name}`, kind: 'provider', name, x: 0, y, width: providerWidth, height: NATIVE_PROVIDER_HEIGHT })
      y += NATIVE_PROVIDER_HEIGHT + GROUP_GAP
      continue
    }
    const n = Math.max(1, servers.length)
    servers.forEach((s, i) => place(s, PAD, y + LABEL + i * (SIZE.kms.height + GAP_Y)))
    const height = LABEL + n * SIZE.kms.height + (n - 1) * GAP_Y + PAD
    groups.push({ id: `provider:${name}`, kind: 'provider', name, x: 0, y, width: providerWidth, height })
    const reserved = roundUp(servers.length, KMS_CHUNK)
    y += LABEL + reserved * SIZE.kms.height + (reserved - 1) * GAP_Y + PAD + GROUP_GAP
  }

  // Column 2: vCenter, its middle at the height of the first row's management lane, so its lines run straight in.
  const vcenterX = providerWidth + COLUMN_GAP
  for (const c of components) if (c.kind === 'vcenter') place(c, vcenterX, LABEL - MANAGEMENT_LANE - SIZE.vcenter.height / 2)

  // Column 3 on: clusters, three to a row.
  const clusters = new Map<string, { hosts: TopoComponent[]; datastores: TopoComponent[] }>()
  const cluster = (name: string) => {
    let c = clusters.get(name)
    if (!c) clusters.set(name, (c = { hosts: [], datastores: [] }))
    return c
  }
  for (const c of components) {
    if (c.kind === 'host') cluster(c.group).hosts.push(c)
    if (c.kind === 'datastore') cluster(c.group).datastores.push(c)
  }
  const vmsByHost = new Map<string, TopoComponent[]>()
  for (const c of components) if (c.kind === 'vm') vmsByHost.set(c.group, [...(vmsByHost.get(c.group) ?? []), c])

  const left = vcenterX + SIZE.vcenter.width + COLUMN_GAP
  let x = left
  let rowY = 0
  let rowHeight = 0
  let inRow = 0
  const placed = new Set<string>()
  for (const [name, { hosts, datastores }] of clusters) {
    if (inRow === CLUSTERS_PER_ROW) {
      x = left
      rowY += rowHeight + CLUSTER_GAP
      rowHeight = 0
      inRow = 0
    }
    const columns = Math.max(1, hosts.length)
    const innerWidth = columns * SIZE.host.width + (columns - 1) * GAP_X
    const hostY = rowY + LABEL
    const vmTop = hostY + SIZE.host.height + GAP_Y
    let mostVms = 0
    hosts.forEach((h, i) => {
      const hx = x + PAD + i * (SIZE.host.width + GAP_X)
      place(h, hx, hostY)
      const vms = vmsByHost.get(h.name) ?? []
      mostVms = Math.max(mostVms, vms.length)
      vms.forEach((vm, j) => {
        place(vm, hx + VM_INDENT, vmTop + j * (SIZE.vm.height + VM_GAP))
        placed.add(vm.id)
      })
    })
    const rows = mostVms === 0 ? 0 : roundUp(mostVms, VM_CHUNK)
    const dsY = vmTop + rows * (SIZE.vm.height + VM_GAP)
    datastores.forEach((d, i) => place(d, x + PAD, dsY + i * (SIZE.datastore.height + GAP_Y), innerWidth))
    const dsRows = Math.max(1, datastores.length)
    const height = dsY + dsRows * SIZE.datastore.height + (dsRows - 1) * GAP_Y + PAD - rowY
    groups.push({ id: `cluster:${name}`, kind: 'cluster', name, x, y: rowY, width: innerWidth + 2 * PAD, height })
    const reservedColumns = roundUp(hosts.length, HOST_CHUNK)
    x += reservedColumns * SIZE.host.width + (reservedColumns - 1) * GAP_X + 2 * PAD + CLUSTER_GAP
    rowHeight = Math.max(rowHeight, height)
    inRow++
  }

  // A VM whose host the lab does not know (never expected) still gets a place: under vCenter.
  let strayY = LABEL + SIZE.host.height + 3 * GAP_Y
  for (const c of components)
    if (c.kind === 'vm' && !placed.has(c.id)) {
      place(c, vcenterX, strayY)
      strayY += SIZE.vm.height + VM_GAP
    }

  return { nodes, groups, bounds: boundsOf([...nodes.values(), ...groups]) }
}

export function boundsOf(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 }
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const b of boxes) {
    x0 = Math.min(x0, b.x)
    y0 = Math.min(y0, b.y)
    x1 = Math.max(x1, b.x + b.width)
    y1 = Math.max(y1, b.y + b.height)
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}
