// The live lab as the action forms need it: names to offer in selects and to prefill. Read from the live views
// (commands always run on the live lab, whatever step the window shows).

import type { EntityViews } from '../../../shared/api/contract'
import { VCENTER_ID } from '../../../shared/lab/model'
import { componentFacts, type HostFacts, type KmsFacts, type VmFacts } from './facts'
import { componentsOf } from './topology'
import { textAttribute, viewOfKind } from '../../../shared/lab/readView'

export interface KmsKeyFact {
  keyId: string
  kms: string
  state: number | null
  /** x-Component: "Virtual Machine" (KEK) or "ESXi Server" (host key). */
  component: string | null
  /** x-Name: the VM or host the key was made for. */
  owner: string | null
}

export interface LabFacts {
  kms: KmsFacts[]
  providers: { name: string; trusted: boolean; isDefault: boolean; registered: boolean; native: boolean; hasBackup: boolean }[]
  hosts: HostFacts[]
  vms: VmFacts[]
  clusters: string[]
  keys: KmsKeyFact[]
  /** Core dumps on each host's /var/core (file names). */
  dumps: Record<string, string[]>
  vcenterRunning: boolean
}

export function labFacts(views: EntityViews): LabFacts {
  const facts: LabFacts = { kms: [], providers: [], hosts: [], vms: [], clusters: [], keys: [], dumps: {}, vcenterRunning: false }
  const vc = componentFacts(VCENTER_ID, views[VCENTER_ID])
  if (vc?.kind === 'vcenter') {
    facts.vcenterRunning = vc.running
    for (const p of vc.providers)
      facts.providers.push({ name: p.name, trusted: p.trustMode !== null, isDefault: p.isDefault, registered: true, native: p.native, hasBackup: p.hasBackup })
  }
  const keyIds = new Set<string>()
  for (const c of componentsOf(views)) {
    const f = componentFacts(c.id, views[c.id])
    if (!f) continue
    if (f.kind === 'kms') {
      facts.kms.push(f)
      if (f.provider && !facts.providers.some((p) => p.name === f.provider))
        facts.providers.push({ name: f.provider, trusted: false, isDefault: false, registered: false, native: false, hasBackup: false })
      for (const [keyId, k] of Object.entries(viewOfKind(views[c.id], 'kms')?.persisted?.keys ?? {})) {
        if (keyIds.has(keyId)) continue
        keyIds.add(keyId)
        facts.keys.push({ keyId, kms: f.name, state: k.state ?? null, component: textAttribute(k.attributes, 'x-Component'), owner: textAttribute(k.attributes, 'x-Name') })
      }
    }
    if (f.kind === 'host') {
      facts.hosts.push(f)
      if (!facts.clusters.includes(f.cluster)) facts.clusters.push(f.cluster)
      facts.dumps[f.name] = Object.keys(viewOfKind(views[c.id], 'host')?.persisted?.varCore ?? {})
    }
    if (f.kind === 'datastore' && f.cluster && !facts.clusters.includes(f.cluster)) facts.clusters.push(f.cluster)
    if (f.kind === 'vm') facts.vms.push(f)
  }
  return facts
}

/** `base-01`, `base-02`, … : the first that is not taken. */
export function nextName(base: string, taken: readonly string[], width = 2): string {
  const used = new Set(taken)
  for (let i = 1; ; i++) {
    const name = `${base}-${String(i).padStart(width, '0')}`
    if (!used.has(name)) return name
  }
}
