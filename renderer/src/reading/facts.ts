// What each component shows at a glance, read from its view at the cursor: the graph nodes, the table view and the
// context menus all use these, so the three never disagree. Facts only describe state; what a command may do with
// it is the core's call (`checkCommands`).

import type { ViewValue } from '../../../shared/lab/view'
import type { KeyType } from '../../../shared/lab/model'
import { at, bool, bytes, count, entries, list, num, obj, str } from './view'

export type ComponentKind = 'kms' | 'vcenter' | 'host' | 'datastore' | 'vm'

export const KEY_TYPES: readonly KeyType[] = ['hostKey', 'kek', 'dek', 'oneTimeKey']

/** KMIP 1.1 object states (§3.22), in lifecycle order. */
export const KMIP_STATES = [1, 2, 3, 4, 5, 6] as const
export type KmipState = (typeof KMIP_STATES)[number]

export interface KmsFacts {
  kind: 'kms'
  id: string
  name: string
  provider: string
  running: boolean
  external: boolean
  sessions: number
  keyCount: number
  keysByState: Record<KmipState, number>
}

export interface ProviderFacts {
  name: string
  isDefault: boolean
  trustMode: string | null
}

export interface VcenterFacts {
  kind: 'vcenter'
  id: string
  name: string
  running: boolean
  providers: ProviderFacts[]
  vmKeyIds: number
  hostKeyIds: number
  keysInFlight: number
  connections: number
}

export interface HostFacts {
  kind: 'host'
  id: string
  name: string
  cluster: string
  cryptoState: string
  cache: Record<KeyType, number>
  runningVms: number
  coreDumps: number
  keyPersistence: boolean
  sealedCache: boolean
}

export interface VmFacts {
  kind: 'vm'
  id: string
  name: string
  host: string
  power: string
  connectionState: string
  /** null: not encrypted. */
  cryptoState: string | null
  keyId: string | null
  snapshots: number
}

export interface DatastoreFacts {
  kind: 'datastore'
  id: string
  name: string
  cluster: string
  files: number
  keySafes: number
}

export type ComponentFacts = KmsFacts | VcenterFacts | HostFacts | VmFacts | DatastoreFacts

export function isComponentKind(k: unknown): k is ComponentKind {
  return k === 'kms' || k === 'vcenter' || k === 'host' || k === 'datastore' || k === 'vm'
}

/** A `.vmx` with a key safe: the DEK, wrapped by the KEK, lives in its `encryption.bundle` line. */
export function hasKeySafe(vmxText: string): boolean {
  return /^encryption\.(bundle|keySafe)\s*=/m.test(vmxText)
}

export function componentFacts(id: string, view: ViewValue | undefined): ComponentFacts | null {
  const c = obj(view)
  if (!c) return null
  const name = str(c.name) ?? id
  switch (c.kind) {
    case 'kms': {
      const keysByState = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 } as Record<KmipState, number>
      const keys = entries(at(c, 'persisted', 'keys'))
      for (const [, k] of keys) {
        const s = num(at(k, 'state'))
        if (s !== null && s in keysByState) keysByState[s as KmipState]++
      }
      return {
        kind: 'kms',
        id,
        name,
        provider: str(c.provider) ?? '',
        running: bool(c.running),
        external: obj(c.external) !== null,
        sessions: list(at(c, 'memory', 'sessions')).length,
        keyCount: keys.length,
        keysByState
      }
    }
    case 'vcenter': {
      const def = str(at(c, 'persisted', 'defaultProvider'))
      return {
        kind: 'vcenter',
        id,
        name,
        running: bool(c.running),
        providers: entries(at(c, 'persisted', 'providers')).map(([p, v]) => ({
          name: p,
          isDefault: p === def,
          trustMode: str(at(v, 'trust', 'mode'))
        })),
        vmKeyIds: count(at(c, 'persisted', 'vmKeys')),
        hostKeyIds: count(at(c, 'persisted', 'hostKeys')),
        keysInFlight: list(at(c, 'memory', 'keysInFlight')).length,
        connections: list(at(c, 'memory', 'connections')).length
      }
    }
    case 'host': {
      const cache: Record<KeyType, number> = { hostKey: 0, kek: 0, dek: 0, oneTimeKey: 0 }
      for (const [, k] of entries(at(c, 'memory', 'keyCache'))) {
        const t = str(at(k, 'keyType'))
        if (t && t in cache) cache[t as KeyType]++
      }
      return {
        kind: 'host',
        id,
        name,
        cluster: str(c.cluster) ?? '',
        cryptoState: str(c.cryptoState) ?? 'incapable',
        cache,
        runningVms: list(at(c, 'memory', 'runningVms')).length,
        coreDumps: count(at(c, 'persisted', 'varCore')),
        keyPersistence: bool(at(c, 'persisted', 'config', 'keyPersistence')),
        sealedCache: bytes(at(c, 'persisted', 'sealedKeyCache')) !== null
      }
    }
    case 'vm':
      return {
        kind: 'vm',
        id,
        name,
        host: str(c.host) ?? '',
        power: str(c.power) ?? 'poweredOff',
        connectionState: str(c.connectionState) ?? 'connected',
        cryptoState: str(c.cryptoState),
        keyId: str(c.keyId),
        snapshots: list(c.snapshots).length
      }
    case 'datastore': {
      const files = entries(at(c, 'persisted', 'files'))
      let keySafes = 0
      for (const [, f] of files) {
        const text = str(at(f, 'text'))
        if (str(at(f, 'kind')) === 'vmx' && text && hasKeySafe(text)) keySafes++
      }
      return { kind: 'datastore', id, name, cluster: str(c.cluster) ?? '', files: files.length, keySafes }
    }
    default:
      return null
  }
}
