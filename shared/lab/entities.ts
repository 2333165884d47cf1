// One zod schema per component record — KMS, key provider, vCenter, host, datastore, VM — and the lab's bookkeeping.
// The lab's model types are inferred from these (./model.ts), the lab-file schema is built from them
// (../labFile/schema.ts), and the views the window and the lessons read follow from the model types
// (./readView.ts): a field is named once, here.
//
// The schemas are built for a kind of byte string: the lab keeps `Uint8Array`s; a lab file may hold a reference
// into its container instead (a disk read only when needed). Both are checked by the same rules otherwise.

import { z } from 'zod'
import { labId, labName, networkHost, networkPort, pem } from '../validation/fields'

export const keyTypes = ['hostKey', 'kek', 'dek', 'oneTimeKey'] as const
export const hostCryptoStates = ['incapable', 'prepared', 'safe', 'pendingIncapable'] as const
export const powerStates = ['poweredOff', 'poweredOn'] as const
export const vmConnectionStates = ['connected', 'invalid'] as const
export const vmCryptoStates = ['unlocked', 'locked'] as const
export const trustModes = ['vcenter-root-ca', 'vcenter-cert', 'kms-cert-and-key', 'csr'] as const
export const vcenterRoles = ['administrator', 'noCryptoAdmin'] as const
export const migrateEncryptions = ['disabled', 'opportunistic', 'required'] as const
export const datastoreFileKinds = ['vmx', 'vmdk', 'flat', 'nvram', 'vmsn', 'delta'] as const

/** The lab's own byte strings: exactly `Uint8Array` (not a subtype zod would infer from the constructor). */
export const labBytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes')

export function entitySchemas<B extends z.ZodType>(bytes: B) {
  const name = labId
  const seconds = z.number().int()
  const keyType = z.enum(keyTypes)

  const keyPair = z.object({ algorithm: z.literal('Ed25519'), privateKeyPkcs8Pem: pem, publicKeySpkiPem: pem, publicKeyHex: z.string() }).strict()
  const certified = z.object({ certificatePem: pem, keyPair }).strict()

  const attributeValue = z.union([
    z.object({ type: z.enum(['Integer', 'Enumeration', 'Interval']), value: z.number() }).strict(),
    z.object({ type: z.enum(['LongInteger', 'BigInteger']), value: z.bigint() }).strict(),
    z.object({ type: z.literal('DateTime'), value: z.number() }).strict(),
    z.object({ type: z.literal('Boolean'), value: z.boolean() }).strict(),
    z.object({ type: z.literal('TextString'), value: z.string() }).strict(),
    z.object({ type: z.literal('ByteString'), value: bytes }).strict(),
    z.object({ type: z.literal('Structure'), value: z.array(z.unknown()) }).strict()
  ])

  /** A key in a KMS's store (the KMIP package's `KmipManagedObject`), item by item beside its KMS. */
  const kmipObject = z
    .object({
      uid: name,
      objectType: z.number().int(),
      algorithm: z.number().int(),
      length: z.number().int(),
      usageMask: z.number().int(),
      material: bytes.nullable(),
      state: z.number().int().min(1).max(6),
      names: z.array(z.string()),
      attributes: z.record(z.string(), attributeValue),
      owner: z.string(),
      initialDate: seconds,
      activationDate: seconds.optional(),
      deactivationDate: seconds.optional(),
      destroyDate: seconds.optional(),
      compromiseDate: seconds.optional(),
      compromiseOccurrenceDate: seconds.optional(),
      lastChangeDate: seconds,
      revocation: z.object({ reason: z.number().int(), message: z.string().optional() }).strict().optional()
    })
    .strict()

  /** Lab-wide bookkeeping that must rewind with the history: the logical clock and the generator position. */
  const meta = z
    .object({
      id: z.literal('lab'),
      kind: z.literal('meta'),
      seed: z.number().int().min(0).nullable(),
      /** Logical clock, POSIX seconds. The lab never reads wall time. */
      clock: seconds,
      randomPosition: z.number().int().min(0),
      /** Insertion order of components, so views and layouts are stable. */
      order: z.array(name)
    })
    .strict()

  /** A real KMIP server: where it listens, the CA vCenter trusts for it, and vCenter's client identity for it. */
  const kmsExternal = z.object({ host: networkHost, port: networkPort, caPem: pem, clientCertPem: pem, clientKeyPem: pem }).strict()

  const kmsPersisted = z
    .object({
      /** The KMS cluster's CA (shared by the servers of one provider) and this server's TLS identity. */
      ca: certified.nullable(),
      serverCertificate: certified.nullable(),
      /** Client certificates or CAs this KMS accepts, as PEM (uploaded when trust is established). */
      trustedClients: z.array(pem)
    })
    .strict()

  const kmsRecord = z
    .object({
      id: name,
      kind: z.literal('kms'),
      name: labName,
      provider: name,
      running: z.boolean(),
      /** Set when the server is a real KMIP server on the network instead of the built-in one. */
      external: kmsExternal.nullable(),
      memory: z.object({ sessions: z.array(z.object({ client: z.string(), openedAt: seconds }).strict()) }).strict(),
      persisted: kmsPersisted
    })
    .strict()

  /** Trust is per KMS server, as vSphere's CryptoManagerKmipServerStatus (docs/vsphere-facts.md#trust-per-server). */
  const kmsServerTrust = z
    .object({
      /** vCenter trusts this server's certificate. */
      clientTrustServer: z.boolean(),
      /** This server trusts vCenter's client certificate. */
      serverTrustClient: z.boolean()
    })
    .strict()

  const provider = z
    .object({
      name: labName,
      trust: z
        .object({
          mode: z.enum(trustModes).nullable(),
          /** "Make vCenter trust KMS": the KMS cluster CA vCenter accepts for server certificates (PEM). */
          trustedKmsCaPem: pem.nullable(),
          /** The client identity vCenter presents to this provider's KMS servers (null: its machine certificate). */
          clientCertificate: certified.nullable(),
          servers: z.record(name, kmsServerTrust).default({})
        })
        .strict()
    })
    .strict()

  const keyRef = z.object({ providerId: name, keyId: name }).strict()

  const vcenterPersisted = z
    .object({
      providers: z.record(z.string(), provider),
      defaultProvider: name.nullable(),
      /** The user whose privileges vCenter checks for every command (SSO users and role assignments, reduced to one). */
      session: z.object({ user: z.string().min(1).max(256), role: z.enum(vcenterRoles) }).strict(),
      /** VMCA: vCenter's own root CA and the machine certificate it issued to vCenter. */
      vmcaRoot: certified,
      machineCertificate: certified
    })
    .strict()

  const vcenterRecord = z
    .object({
      id: z.literal('vcenter'),
      kind: z.literal('vcenter'),
      name,
      running: z.boolean(),
      memory: z
        .object({
          /** KMIP connections open right now (vCenter opens short-lived TLS sessions). */
          connections: z.array(z.object({ kms: name, openedAt: seconds }).strict()),
          /** Key material passing through on its way to hosts; vCenter never keeps it. */
          keysInFlight: z.array(z.object({ keyId: name, keyType, material: bytes }).strict())
        })
        .strict(),
      persisted: vcenterPersisted
    })
    .strict()

  const cachedKey = z
    .object({
      keyId: name,
      keyType,
      providerId: name.nullable(),
      material: bytes,
      /** For DEKs and KEKs: the VM it belongs to (a KEK can serve clones too). */
      vm: name.optional()
    })
    .strict()

  const host = z
    .object({
      id: name,
      kind: z.literal('host'),
      name: labName,
      cluster: name,
      uuid: z.string(),
      cryptoState: z.enum(hostCryptoStates),
      memory: z.object({ keyCache: z.record(z.string(), cachedKey), runningVms: z.array(name) }).strict(),
      persisted: z
        .object({
          config: z
            .object({
              cryptoEnabled: z.boolean(),
              hostKeyId: name.nullable(),
              hostKeyProvider: name.nullable(),
              keyPersistence: z.boolean(),
              pendingIncapableMarker: z.boolean()
            })
            .strict(),
          /** /var/core: core dumps by file name. */
          varCore: z.record(z.string(), bytes),
          /** With key persistence: the key cache sealed by the TPM (AES-256-GCM under the TPM's storage key). */
          sealedKeyCache: bytes.nullable(),
          dumpCounter: z.number().int().min(0)
        })
        .strict(),
      /** The TPM's own storage key. It never leaves the chip: not a memory or disk surface of the host. */
      tpm: z.object({ storageKey: bytes }).strict()
    })
    .strict()

  /** Text files (.vmx, .vmdk descriptors) keep text; data files keep bytes. */
  const datastoreFile = z.object({ kind: z.enum(datastoreFileKinds), text: z.string().optional(), data: bytes.optional() }).strict()

  /** A datastore's files are a collection, kept item by item beside it. */
  const datastoreRecord = z
    .object({ id: name, kind: z.literal('datastore'), name: labName, cluster: name, memory: z.object({}).strict(), persisted: z.object({}).strict() })
    .strict()

  /** A virtual disk: encrypted on its own, with its own DEK locked in its descriptor (docs/vsphere-facts.md#f-keysafe). */
  const vmDisk = z
    .object({
      /** Its slot on the controller, as the .vmx names it (scsi0:0, scsi0:1 ...). */
      device: name,
      descriptor: name,
      flat: name,
      bytes: z.number().int().positive(),
      /** The KEK that locks this disk's DEK (the API's backing.keyId); null: the disk is not encrypted. */
      keyId: name.nullable(),
      providerId: name.nullable(),
      /** Generation of its rewritten copies (vm_1.vmdk ...): vSphere writes a disk anew when it encrypts or decrypts it. */
      generation: z.number().int().min(0)
    })
    .strict()

  const vm = z
    .object({
      id: name,
      kind: z.literal('vm'),
      name: labName,
      uuid: z.string(),
      host: name,
      datastore: name,
      power: z.enum(powerStates),
      connectionState: z.enum(vmConnectionStates),
      cryptoState: z.enum(vmCryptoStates).nullable(),
      /** The KEK of the VM home (the API's config.keyId): set means the VM is encrypted. */
      keyId: name.nullable(),
      providerId: name.nullable(),
      /** Sectors the guest reads at boot from its first disk (the part that holds guestData). */
      bootSectors: z.number().int().positive(),
      /** The VM home: its configuration and NVRAM (encrypted with the VM home key when the VM is encrypted). */
      files: z.object({ vmx: name, nvram: name }).strict(),
      disks: z.array(vmDisk).min(1),
      /** Generation of the VM home's rewritten NVRAM (vm_1.nvram ...). */
      fileGeneration: z.number().int().min(0),
      /** A virtual TPM: its state lives in the NVRAM, so the VM home must be encrypted. */
      vtpm: z.boolean(),
      snapshots: z.array(z.object({ name, vmsn: name, deltaDescriptor: name, deltaData: name }).strict()),
      /** Encrypted vMotion: always on for encrypted VMs; a choice for the others (API migrateEncryption). */
      migrateEncryption: z.enum(migrateEncryptions),
      /** Why the VM locked: the narration id vSphere's event log says. */
      lockReason: z.string().nullable(),
      memory: z.object({ guest: bytes.nullable() }).strict(),
      persisted: z.object({ files: z.array(name) }).strict()
    })
    .strict()

  // Whole components as the outside sees them (views, reports, lab files): records with their collections.
  const kms = kmsRecord.extend({ persisted: kmsPersisted.extend({ keys: z.record(z.string(), kmipObject) }).strict() }).strict()
  const vcenter = vcenterRecord
    .extend({
      persisted: vcenterPersisted
        .extend({
          /** Key IDs only: which key protects which VM and which host. */
          vmKeys: z.record(z.string(), keyRef),
          hostKeys: z.record(z.string(), keyRef)
        })
        .strict()
    })
    .strict()
  const datastore = datastoreRecord.extend({ persisted: z.object({ files: z.record(z.string(), datastoreFile) }).strict() }).strict()

  return { meta, kmsRecord, kms, provider, keyRef, vcenterRecord, vcenter, cachedKey, host, datastoreFile, datastoreRecord, datastore, vmDisk, vm, kmipObject, certified }
}
