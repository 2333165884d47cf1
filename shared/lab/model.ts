// The lab's state: one record per component, each with the two surfaces the product teaches — `memory` (lost on
// reboot or crash) and `persisted` (survives). Records are immutable: every change makes a new record, so the
// history can hand back the state before and after any event.
//
// Collections that grow with the lab (a KMS's key store, a datastore's files, vCenter's key-ID tables) are kept
// item by item beside their component (see `collections`), so adding the 4000th key does not copy 3999 others.
// `*Component` types are the whole component as the outside sees it (views, reports, lab files); `*Record` types
// are what the store keeps.

import type { z } from 'zod'
import type { KmipManagedObject } from '../kmip'
import {
  entitySchemas,
  labBytes,
  type datastoreFileKinds,
  type hostCryptoStates,
  type keyTypes,
  type migrateEncryptions,
  type powerStates,
  type trustModes,
  type vcenterRoles,
  type vmConnectionStates,
  type vmCryptoStates
} from './entities'

export { META_ID, VCENTER_ID, componentId } from './ids'

/** The schemas of the lab's own records (byte strings as `Uint8Array`); every type below is inferred from them. */
export const labSchemas = entitySchemas(labBytes)
type Infer<K extends keyof typeof labSchemas> = z.infer<(typeof labSchemas)[K]>

export type ComponentKind = 'kms' | 'vcenter' | 'host' | 'datastore' | 'vm'
export type KeyType = (typeof keyTypes)[number]
export type HostCryptoState = (typeof hostCryptoStates)[number]
export type PowerState = (typeof powerStates)[number]
export type VmConnectionState = (typeof vmConnectionStates)[number]
export type VmCryptoState = (typeof vmCryptoStates)[number]
export type TrustMode = (typeof trustModes)[number]
/** The two roles the lab teaches (docs/vsphere-facts.md#f-privileges). */
export type VcenterRole = (typeof vcenterRoles)[number]
/** Encrypted vMotion: always on for encrypted VMs; a choice for the others (API migrateEncryption). */
export type MigrateEncryption = (typeof migrateEncryptions)[number]
export type DatastoreFileKind = (typeof datastoreFileKinds)[number]

export type LabMeta = Infer<'meta'>
export type KmsRecord = Infer<'kmsRecord'>
export type KmipSession = KmsRecord['memory']['sessions'][number]
export type KmsExternalEndpoint = NonNullable<KmsRecord['external']>
export type ProviderRecord = Infer<'provider'>
export type ProviderTrust = ProviderRecord['trust']
export type KmsServerTrust = ProviderTrust['servers'][string]
export type VcenterRecord = Infer<'vcenterRecord'>
/** Who the lab's commands act as in vCenter. */
export type VcenterSession = VcenterRecord['persisted']['session']
export type CachedKey = Infer<'cachedKey'>
export type HostComponent = Infer<'host'>
export type DatastoreFile = Infer<'datastoreFile'>
export type DatastoreRecord = Infer<'datastoreRecord'>
export type VmComponent = Infer<'vm'>
export type VmFiles = VmComponent['files']
export type VmDisk = Infer<'vmDisk'>
export type VmSnapshot = VmComponent['snapshots'][number]

export type KeyIdRef = Infer<'keyRef'>

/** The collections kept item by item, per component kind, and the type of their items. */
export interface CollectionItems {
  'persisted.keys': KmipManagedObject
  'persisted.files': DatastoreFile
  'persisted.vmKeys': KeyIdRef
  'persisted.hostKeys': KeyIdRef
}
export type CollectionName = keyof CollectionItems

export const collections: Record<ComponentKind, CollectionName[]> = {
  kms: ['persisted.keys'],
  datastore: ['persisted.files'],
  vcenter: ['persisted.vmKeys', 'persisted.hostKeys'],
  host: [],
  vm: []
}

export type KmsComponent = KmsRecord & { persisted: KmsRecord['persisted'] & { keys: Record<string, KmipManagedObject> } }
export type VcenterComponent = VcenterRecord & {
  persisted: VcenterRecord['persisted'] & {
    /** Key IDs only: which key protects which VM and which host. */
    vmKeys: Record<string, KeyIdRef>
    hostKeys: Record<string, KeyIdRef>
  }
}
export type DatastoreComponent = DatastoreRecord & { persisted: { files: Record<string, DatastoreFile> } }

/** A component as the outside sees it, collections included. */
export type Component = KmsComponent | VcenterComponent | HostComponent | DatastoreComponent | VmComponent
/** What the store keeps. */
export type ComponentRecord = KmsRecord | VcenterRecord | HostComponent | DatastoreRecord | VmComponent
export type Entity = ComponentRecord | LabMeta

export interface ComponentByKind {
  kms: KmsComponent
  vcenter: VcenterComponent
  host: HostComponent
  datastore: DatastoreComponent
  vm: VmComponent
}

export interface RecordByKind {
  kms: KmsRecord
  vcenter: VcenterRecord
  host: HostComponent
  datastore: DatastoreRecord
  vm: VmComponent
}
