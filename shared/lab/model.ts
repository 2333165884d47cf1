// The lab's state: one record per component, each with the two surfaces the product teaches — `memory` (lost on
// reboot or crash) and `persisted` (survives). Records are immutable: every change makes a new record, so the
// history can hand back the state before and after any event.
//
// Collections that grow with the lab (a KMS's key store, a datastore's files, vCenter's key-ID tables) are kept
// item by item beside their component (see `collections`), so adding the 4000th key does not copy 3999 others.
// `*Component` types are the whole component as the outside sees it (views, reports, lab files); `*Record` types
// are what the store keeps.

import type { KmipManagedObject } from '../kmip'
import type { CertifiedKeyPair } from '../pki/types'

export type ComponentKind = 'kms' | 'vcenter' | 'host' | 'datastore' | 'vm'
/** `kdk`: a Native Key Provider's Key Derivation Key, from which hosts derive their host keys and KEKs. */
export type KeyType = 'hostKey' | 'kek' | 'dek' | 'oneTimeKey' | 'kdk'
export type HostCryptoState = 'incapable' | 'prepared' | 'safe' | 'pendingIncapable'
export type PowerState = 'poweredOff' | 'poweredOn'
export type VmConnectionState = 'connected' | 'invalid'
export type VmCryptoState = 'unlocked' | 'locked'
export type TrustMode = 'vcenter-root-ca' | 'vcenter-cert' | 'kms-cert-and-key' | 'csr'

export const VCENTER_ID = 'vcenter'
export const META_ID = 'lab'

export const componentId = {
  kms: (name: string) => `kms:${name}`,
  host: (name: string) => `host:${name}`,
  vm: (name: string) => `vm:${name}`,
  datastore: (name: string) => `datastore:${name}`
}

/** Lab-wide bookkeeping that must rewind with the history: the logical clock and the generator position. */
export interface LabMeta {
  id: typeof META_ID
  kind: 'meta'
  seed: number | null
  /** Logical clock, POSIX seconds. The lab never reads wall time. */
  clock: number
  randomPosition: number
  /** Insertion order of components, so views and layouts are stable. */
  order: string[]
}

export interface KmipSession {
  client: string
  openedAt: number
}

/** A real KMIP server: where it listens, the CA vCenter trusts for it, and vCenter's client identity for it. */
export interface KmsExternalEndpoint {
  host: string
  port: number
  caPem: string
  clientCertPem: string
  clientKeyPem: string
}

export interface KmsRecord {
  id: string
  kind: 'kms'
  name: string
  provider: string
  running: boolean
  /** Set when the server is a real KMIP server on the network instead of the built-in one. */
  external: KmsExternalEndpoint | null
  memory: { sessions: KmipSession[] }
  persisted: {
    /** The KMS cluster's CA (shared by the servers of one provider) and this server's TLS identity. */
    ca: CertifiedKeyPair | null
    serverCertificate: CertifiedKeyPair | null
    /** Client certificates or CAs this KMS accepts, as PEM (uploaded when trust is established). */
    trustedClients: string[]
  }
}

export interface ProviderTrust {
  mode: TrustMode | null
  /** "Make vCenter trust KMS": the KMS cluster CA vCenter accepts for server certificates (PEM). */
  trustedKmsCaPem: string | null
  /** The client identity vCenter presents to this provider's KMS servers (null: its machine certificate). */
  clientCertificate: CertifiedKeyPair | null
  /**
   * Trust is per KMS server, as vSphere's CryptoManagerKmipServerStatus: a server added to the provider later is not
   * trusted by vCenter until trust is established with it (docs/vsphere-facts.md#trust-per-server).
   */
  servers: Record<string, KmsServerTrust>
}

export interface KmsServerTrust {
  /** vCenter trusts this server's certificate. */
  clientTrustServer: boolean
  /** This server trusts vCenter's client certificate. */
  serverTrustClient: boolean
}

/** A standard key provider fronts KMIP key servers; a native one (NKP, vSphere 7.0 U2+) needs none. */
export type ProviderType = 'standard' | 'native'

/** What vCenter records of a Native Key Provider (docs/vsphere-facts.md#nkp-kdk, #nkp-backup). */
export interface NativeProviderState {
  /** The ID of its Key Derivation Key; the KDK itself is in vCenter's protected store. */
  kdkId: string
  /** KmipClusterInfo.hasBackup: the provider has been exported; until then it cannot be used. */
  hasBackup: boolean
  /** "Use key provider only with TPM protected ESXi hosts" (constraints.tpm_required). */
  tpmRequired: boolean
  /**
   * The last backup as the administrator downloaded it (PKCS#12, password-protected). vCenter keeps no copy; the
   * lab keeps the download so the window and `lab export nkp-backup` can save it as a file.
   */
  backupFile: Uint8Array | null
}

export interface ProviderRecord {
  name: string
  type: ProviderType
  trust: ProviderTrust
  /** Set for a native provider. */
  native: NativeProviderState | null
}

/** The two roles the lab teaches (docs/vsphere-facts.md#f-privileges). */
export type VcenterRole = 'administrator' | 'noCryptoAdmin'

/** Who the lab's commands act as in vCenter. */
export interface VcenterSession {
  user: string
  role: VcenterRole
}

export interface VcenterRecord {
  id: typeof VCENTER_ID
  kind: 'vcenter'
  name: string
  running: boolean
  memory: {
    /** KMIP connections open right now (vCenter opens short-lived TLS sessions). */
    connections: { kms: string; openedAt: number }[]
    /** Key material passing through on its way to hosts; vCenter never keeps it. */
    keysInFlight: { keyId: string; keyType: KeyType; material: Uint8Array }[]
  }
  persisted: {
    providers: Record<string, ProviderRecord>
    defaultProvider: string | null
    /** The user whose privileges vCenter checks for every command (SSO users and role assignments, reduced to one). */
    session: VcenterSession
    /** VMCA: vCenter's own root CA and the machine certificate it issued to vCenter. */
    vmcaRoot: CertifiedKeyPair
    machineCertificate: CertifiedKeyPair
    /**
     * vCenter's protected store (VECS and the encrypted part of its database) for secrets it must keep: the KDK of
     * each Native Key Provider, by provider. The only persisted place outside a TPM where a KDK may sit.
     */
    protectedStore: { kdks: Record<string, Uint8Array> }
  }
}

export interface CachedKey {
  keyId: string
  keyType: KeyType
  providerId: string | null
  material: Uint8Array
  /** For DEKs and KEKs: the VM it belongs to (a KEK can serve clones too). */
  vm?: string
}

/** A KDK on a host, by provider (the host daemon kmxa holds it apart from the key cache of KEKs and DEKs). */
export interface HostKdk {
  kdkId: string
  material: Uint8Array
}

export interface HostComponent {
  id: string
  kind: 'host'
  name: string
  cluster: string
  uuid: string
  cryptoState: HostCryptoState
  /**
   * vSphere's runtime.inMaintenanceMode: no VM runs on the host, none moves to it or is made on it, and only now may
   * vCenter remove it (docs/vsphere-facts.md#maintenance-mode). Absent in labs saved before the lab had it: false.
   */
  inMaintenanceMode?: boolean
  memory: {
    keyCache: Record<string, CachedKey>
    runningVms: string[]
    /** The KDKs of the Native Key Providers vCenter pushed to this host, by provider. */
    kdks: Record<string, HostKdk>
  }
  persisted: {
    config: {
      cryptoEnabled: boolean
      hostKeyId: string | null
      hostKeyProvider: string | null
      keyPersistence: boolean
      pendingIncapableMarker: boolean
    }
    /** /var/core: core dumps by file name. */
    varCore: Record<string, Uint8Array>
    /** With key persistence: the key cache sealed by the TPM (AES-256-GCM under the TPM's storage key). */
    sealedKeyCache: Uint8Array | null
    /** The KDKs, sealed by the TPM (AES-256-GCM under its storage key): they survive a reboot, unlike the key cache. */
    sealedKdks: Uint8Array | null
    /**
     * Without a TPM, ESXi encrypts its configuration with a key that lies on the boot disk beside it: this is that key
     * (null on a host with a TPM). It seals the KDKs as the TPM would, and protects them from nobody who has the disk.
     */
    configStoreKey: Uint8Array | null
    dumpCounter: number
  }
  /**
   * The TPM 2.0 chip and its own storage key, which never leaves it: not a memory or disk surface of the host. Null: a
   * host without a TPM (no key persistence; a "TPM only" Native Key Provider gives it no KDK).
   */
  tpm: { storageKey: Uint8Array } | null
}

export type DatastoreFileKind = 'vmx' | 'vmdk' | 'flat' | 'nvram' | 'vmsn' | 'delta'

export interface DatastoreFile {
  kind: DatastoreFileKind
  /** Text files (.vmx, .vmdk descriptors) keep text; data files keep bytes. */
  text?: string
  data?: Uint8Array
}

export interface DatastoreRecord {
  id: string
  kind: 'datastore'
  name: string
  cluster: string
  memory: Record<string, never>
  /** Its files are a collection: see `collections`. */
  persisted: Record<never, never>
}

/** The VM home: its configuration and NVRAM (encrypted with the VM home key when the VM is encrypted). */
export interface VmFiles {
  vmx: string
  nvram: string
}

/** A virtual disk: encrypted on its own, with its own DEK locked in its descriptor (docs/vsphere-facts.md#f-keysafe). */
export interface VmDisk {
  /** Its slot on the controller, as the .vmx names it (scsi0:0, scsi0:1 ...). */
  device: string
  descriptor: string
  flat: string
  bytes: number
  /** The KEK that locks this disk's DEK (the API's backing.keyId); null: the disk is not encrypted. */
  keyId: string | null
  providerId: string | null
  /** Generation of its rewritten copies (vm_1.vmdk ...): vSphere writes a disk anew when it encrypts or decrypts it. */
  generation: number
}

/** Encrypted vMotion: always on for encrypted VMs; a choice for the others (API migrateEncryption). */
export type MigrateEncryption = 'disabled' | 'opportunistic' | 'required'

export interface VmSnapshot {
  name: string
  vmsn: string
  deltaDescriptor: string
  deltaData: string
}

export interface VmComponent {
  id: string
  kind: 'vm'
  name: string
  uuid: string
  host: string
  datastore: string
  power: PowerState
  connectionState: VmConnectionState
  cryptoState: VmCryptoState | null
  /** The KEK of the VM home (the API's config.keyId): set means the VM is encrypted. */
  keyId: string | null
  providerId: string | null
  /** Sectors the guest reads at boot from its first disk (the part that holds guestData). */
  bootSectors: number
  files: VmFiles
  disks: VmDisk[]
  /** Generation of the VM home's rewritten NVRAM (vm_1.nvram ...). */
  fileGeneration: number
  /** A virtual TPM: its state lives in the NVRAM, so the VM home must be encrypted. */
  vtpm: boolean
  snapshots: VmSnapshot[]
  migrateEncryption: MigrateEncryption
  lockReason: string | null
  memory: { guest: Uint8Array | null }
  persisted: { files: string[] }
}

export interface KeyIdRef {
  providerId: string
  keyId: string
}

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
