// The node types React Flow draws, declared once outside any component (React Flow requires a stable object).

import type { NodeTypes } from '@xyflow/react'
import { DatastoreNode } from './DatastoreNode'
import { GroupNode } from './GroupNode'
import { HostNode } from './HostNode'
import { KmsNode } from './KmsNode'
import { VcenterNode } from './VcenterNode'
import { VmNode } from './VmNode'

export const nodeTypes: NodeTypes = {
  kms: KmsNode,
  vcenter: VcenterNode,
  host: HostNode,
  vm: VmNode,
  datastore: DatastoreNode,
  labGroup: GroupNode
}
