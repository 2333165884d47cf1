// The lab's state: one record per component, each with the two surfaces the product teaches — `memory` (lost on
// reboot or crash) and `persisted` (survives). Records are immutable: every change makes a new record, so the
// history can hand back the state before and after any event.
//
// Every type here is inferred from the records' schemas (./entities/, one file per record): a field is declared
// there once, with its comment. Collections that grow with the lab (a KMS's key store, a datastore's files,
// vCenter's key-ID tables) are kept item by item beside their component (see `collections`), so adding the 4000th
// key does not copy 3999 others. `*Component` types are the whole component as the outside sees it (views, reports,
// lab files); `*Record` types are what the store keeps.

import type { z } from 'zod'
import type { KmipManagedObject } from '../kmip'
import type {
  componentKinds,
  datastoreFileKinds,
  hostCryptoStates,
  keyTypes,
  labSchemas,
  migrateEncryptionModes,
  powerStates,
  providerTypes,
  trustModes,
  vcenterRoles,
  vmConnectionStates,
  vmCryptoStates
} from './entities'

export { META_ID, VCENTER_ID, componentId } from './ids'

type Infer<K extends keyof typeof labSchemas> = z.infer<(typeof labSchemas)[K]>

export type ComponentKind = (typeof componentKinds)[number]
export type KeyType = (typeof keyTypes)[number]
export type HostCryptoState = (typeof hostCryptoStates)[number]
export type PowerState = (typeof powerStates)[number]
export type VmConnectionState = (typeof vmConnectionStates)[number]
export type VmCryptoState = (typeof vmCryptoStates)[number]
export type TrustMode = (typeof trustModes)[number]
export type ProviderType = (typeof providerTypes)[number]
export type VcenterRole = (typeof vcenterRoles)[number]
export type MigrateEncryption = (typeof migrateEncryptionModes)[number]
export type DatastoreFileKind = (typeof datastoreFileKinds)[number]

export type LabMeta = Infer<'meta'>
export type KmsRecord = Infer<'kmsRecord'>
/** The keys are the KMIP package's own objects (`KmipManagedObject`), which the `kms` schema checks in a lab file. */
export type KmsComponent = KmsRecord & { persisted: KmsRecord['persisted'] & { keys: Record<string, KmipManagedObject> } }
export type KmipSession = KmsRecord['memory']['sessions'][number]
export type KmsExternalEndpoint = NonNullable<KmsRecord['external']>
export type ProviderRecord = Infer<'provider'>
export type ProviderTrust = ProviderRecord['trust']
export type KmsServerTrust = ProviderTrust['servers'][string]
export type NativeProviderState = Infer<'nativeProvider'>
export type VcenterRecord = Infer<'vcenterRecord'>
export type VcenterComponent = Infer<'vcenter'>
export type VcenterSession = VcenterRecord['persisted']['session']
export type KeyIdRef = Infer<'keyRef'>
export type CachedKey = Infer<'cachedKey'>
export type HostKdk = Infer<'hostKdk'>
export type HostComponent = Infer<'host'>
export type DatastoreFile = Infer<'datastoreFile'>
export type DatastoreRecord = Infer<'datastoreRecord'>
export type DatastoreComponent = Infer<'datastore'>
export type VmComponent = Infer<'vm'>
export type VmFiles = VmComponent['files']
export type VmDisk = Infer<'vmDisk'>
export type VmSnapshot = Infer<'vmSnapshot'>

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
