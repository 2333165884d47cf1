// The component list as the window shows it: one row per lab component, in the lab's own order, with the few fields
// that tell its state at a glance. Read from the entity views (plain JSON), never from the lab's records.

import type { EntityViews } from '../../../shared/api/contract'
import type { ViewValue } from '../../../shared/lab/view'

export interface ComponentSummary {
  id: string
  kind: string
  name: string
  fields: { label: string; value: string }[]
}

type ViewObject = { [key: string]: ViewValue }

function obj(v: ViewValue | undefined): ViewObject | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !('$bytes' in v) ? (v as ViewObject) : null
}

function at(v: ViewValue | undefined, ...path: string[]): ViewValue | undefined {
  let cur = v
  for (const key of path) cur = obj(cur)?.[key]
  return cur
}

const str = (v: ViewValue | undefined, fallback = '—') => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback)
const count = (v: ViewValue | undefined) => String(Object.keys(obj(v) ?? {}).length)
const runningText = (v: ViewValue | undefined) => (v === true ? 'running' : v === false ? 'stopped' : '—')

function fieldsOf(kind: string, c: ViewObject): ComponentSummary['fields'] {
  switch (kind) {
    case 'kms':
      return [
        { label: 'provider', value: str(c.provider) },
        { label: 'state', value: runningText(c.running) },
        { label: 'keys', value: count(at(c, 'persisted', 'keys')) }
      ]
    case 'vcenter':
      return [
        { label: 'state', value: runningText(c.running) },
        { label: 'default provider', value: str(at(c, 'persisted', 'defaultProvider'), 'none') },
        { label: 'providers', value: count(at(c, 'persisted', 'providers')) }
      ]
    case 'host':
      return [
        { label: 'cluster', value: str(c.cluster) },
        { label: 'crypto state', value: str(c.cryptoState) },
        { label: 'key cache', value: count(at(c, 'memory', 'keyCache')) }
      ]
    case 'datastore':
      return [
        { label: 'cluster', value: str(c.cluster) },
        { label: 'files', value: count(at(c, 'persisted', 'files')) }
      ]
    case 'vm':
      return [
        { label: 'host', value: str(c.host) },
        { label: 'power', value: str(c.power) },
        { label: 'encryption', value: typeof c.cryptoState === 'string' ? c.cryptoState : 'not encrypted' }
      ]
    default:
      return []
  }
}

export function summarizeComponents(views: EntityViews): ComponentSummary[] {
  const order = at(views.lab, 'order')
  const ids = Array.isArray(order) ? order.filter((id): id is string => typeof id === 'string' && id in views) : []
  const rest = Object.keys(views)
    .filter((id) => !ids.includes(id))
    .sort()
  const out: ComponentSummary[] = []
  for (const id of [...ids, ...rest]) {
    const c = obj(views[id])
    if (!c || typeof c.kind !== 'string' || c.kind === 'meta') continue
    out.push({ id, kind: c.kind, name: str(c.name, id), fields: fieldsOf(c.kind, c) })
  }
  return out
}
