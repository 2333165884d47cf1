// What each component shows at a glance, read from its view at the cursor: the graph nodes, the table view and the
// context menus all use these, so the three never disagree. Facts only describe state; what a command may do with
// it is the core's call (`checkCommands`).

import { isBytesView, type ViewValue } from '../../../shared/lab/view'
import type { HostCryptoState, KeyType, PowerState, TrustMode, VmConnectionState, VmCryptoState } from '../../../shared/lab/model'
import { componentView } from '../../../shared/lab/readView'

export type { ComponentKind } from '../../../shared/lab/model'
export { isComponentKind } from '../../../shared/lab/readView'

/** The key types in the model's order (the legend lists them so). */
export { keyTypes as KEY_TYPES } from '../../../shared/lab/entities/lists'

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
  trustMode: TrustMode | null
  /** A Native Key Provider (no KMS, no trust to establish) and whether it has been backed up. */
  native: boolean
  hasBackup: boolean
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
  cryptoState: HostCryptoState
  cache: Record<KeyType, number>
  runningVms: number
  coreDumps: number
  keyPersistence: boolean
  sealedCache: boolean
  inMaintenanceMode: boolean
}

export interface VmFacts {
  kind: 'vm'
  id: string
  name: string
  host: string
  power: PowerState
  connectionState: VmConnectionState
  /** null: not encrypted. */
  cryptoState: VmCryptoState | null
  keyId: string | null
  snapshots: number
  /** The host of its Fault Tolerance secondary; null: FT is off. */
  ftSecondary: string | null
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

/** A `.vmx` with a key safe: the DEK, wrapped by the KEK, lives in its `encryption.bundle` line. */
export function hasKeySafe(vmxText: string): boolean {
  return /^encryption\.(bundle|keySafe)\s*=/m.test(vmxText)
}

export function componentFacts(id: string, view: ViewValue | undefined): ComponentFacts | null {
  const c = componentView(view)
  if (!c) return null
  const name = c.name ?? id
  switch (c.kind) {
    case 'kms': {
      const keysByState = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 } as Record<KmipState, number>
      const keys = Object.values(c.persisted?.keys ?? {})
      for (const k of keys) if (k.state !== undefined && k.state in keysByState) keysByState[k.state as KmipState]++
      return {
        kind: 'kms',
        id,
        name,
        provider: c.provider ?? '',
        running: c.running === true,
        external: typeof c.external === 'object' && c.external !== null,
        sessions: c.memory?.sessions?.length ?? 0,
        keyCount: keys.length,
        keysByState
      }
    }
    case 'vcenter': {
      const def = c.persisted?.defaultProvider
      return {
        kind: 'vcenter',
        id,
        name,
        running: c.running === true,
        providers: Object.entries(c.persisted?.providers ?? {}).map(([p, v]) => ({
          name: p,
          isDefault: p === def,
          trustMode: v.trust?.mode ?? null,
          native: v.type === 'native',
          hasBackup: v.native?.hasBackup === true
        })),
        vmKeyIds: Object.keys(c.persisted?.vmKeys ?? {}).length,
        hostKeyIds: Object.keys(c.persisted?.hostKeys ?? {}).length,
        keysInFlight: c.memory?.keysInFlight?.length ?? 0,
        connections: c.memory?.connections?.length ?? 0
      }
    }
    case 'host': {
      const cache: Record<KeyType, number> = { hostKey: 0, kek: 0, dek: 0, oneTimeKey: 0, kdk: 0 }
      for (const k of Object.values(c.memory?.keyCache ?? {})) if (k.keyType !== undefined && k.keyType in cache) cache[k.keyType]++
      // a Native Key Provider's KDK is held apart from the key cache, but it is a key in the host's memory all the same
      cache.kdk = Object.keys(c.memory?.kdks ?? {}).length
      return {
        kind: 'host',
        id,
        name,
        cluster: c.cluster ?? '',
        cryptoState: c.cryptoState ?? 'incapable',
        cache,
        runningVms: c.memory?.runningVms?.length ?? 0,
        coreDumps: Object.keys(c.persisted?.varCore ?? {}).length,
        keyPersistence: c.persisted?.config?.keyPersistence === true,
        sealedCache: isBytesView(c.persisted?.sealedKeyCache),
        inMaintenanceMode: c.inMaintenanceMode === true
      }
    }
    case 'vm':
      return {
        kind: 'vm',
        id,
        name,
        host: c.host ?? '',
        power: c.power ?? 'poweredOff',
        connectionState: c.connectionState ?? 'connected',
        cryptoState: c.cryptoState ?? null,
        keyId: c.keyId ?? null,
        snapshots: c.snapshots?.length ?? 0,
        ftSecondary: c.ftSecondary?.host ?? null
      }
    case 'datastore': {
      const files = Object.values(c.persisted?.files ?? {})
      const keySafes = files.filter((f) => f.kind === 'vmx' && typeof f.text === 'string' && hasKeySafe(f.text)).length
      return { kind: 'datastore', id, name, cluster: c.cluster ?? '', files: files.length, keySafes }
    }
  }
}
