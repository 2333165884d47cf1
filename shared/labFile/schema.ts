// The shape of a .kflab file, checked field by field before a lab is replaced by what the file holds: a corrupt or
// foreign file is refused with the place of the first problem, and the open lab stays as it was.

import { z } from 'zod'
import { labId, labName, networkHost, networkPort, pem } from '../validation/fields'
import { BlobRef } from './blob'
import { LATEST_VERSION } from './migrations'

export const KFLAB_FORMAT = 'keyflow-lab'
/** The format version this build writes; older ones are migrated on open (./migrations). */
export const KFLAB_VERSION = LATEST_VERSION

/** A byte string: inline, or (for disk-sized ones) a reference into the container, read only when needed. */
const bytes = z.union([z.instanceof(Uint8Array), z.instanceof(BlobRef)])
const name = labId
const keyType = z.enum(['hostKey', 'kek', 'dek', 'oneTimeKey', 'kdk'])
const seconds = z.number().int()

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

const meta = z
  .object({
    id: z.literal('lab'),
    kind: z.literal('meta'),
    seed: z.number().int().min(0).nullable(),
    clock: seconds,
    randomPosition: z.number().int().min(0),
    order: z.array(name)
  })
  .strict()

const kms = z
  .object({
    id: name,
    kind: z.literal('kms'),
    name: labName,
    provider: name,
    running: z.boolean(),
    external: z
      .object({ host: networkHost, port: networkPort, caPem: pem, clientCertPem: pem, clientKeyPem: pem })
      .strict()
      .nullable(),
    memory: z.object({ sessions: z.array(z.object({ client: z.string(), openedAt: seconds }).strict()) }).strict(),
    persisted: z
      .object({ keys: z.record(z.string(), kmipObject), ca: certified.nullable(), serverCertificate: certified.nullable(), trustedClients: z.array(pem) })
      .strict()
  })
  .strict()

// Files saved before the Native Key Provider have neither `type` nor `native`: their providers are standard.
const nativeProvider = z
  .object({ kdkId: name, hasBackup: z.boolean(), tpmRequired: z.boolean(), backupFile: bytes.nullable() })
  .strict()

const provider = z
  .object({
    name: labName,
    type: z.enum(['standard', 'native']).default('standard'),
    trust: z
      .object({
        mode: z.enum(['vcenter-root-ca', 'vcenter-cert', 'kms-cert-and-key', 'csr']).nullable(),
        trustedKmsCaPem: pem.nullable(),
        clientCertificate: certified.nullable(),
        servers: z.record(name, z.object({ clientTrustServer: z.boolean(), serverTrustClient: z.boolean() }).strict()).default({})
      })
      .strict(),
    native: nativeProvider.nullable().default(null)
  })
  .strict()

const keyRef = z.object({ providerId: name, keyId: name }).strict()

const vcenter = z
  .object({
    id: z.literal('vcenter'),
    kind: z.literal('vcenter'),
    name,
    running: z.boolean(),
    memory: z
      .object({
        connections: z.array(z.object({ kms: name, openedAt: seconds }).strict()),
        keysInFlight: z.array(z.object({ keyId: name, keyType, material: bytes }).strict())
      })
      .strict(),
    persisted: z
      .object({
        providers: z.record(z.string(), provider),
        defaultProvider: name.nullable(),
        session: z.object({ user: z.string().min(1).max(256), role: z.enum(['administrator', 'noCryptoAdmin']) }).strict(),
        vmcaRoot: certified,
        machineCertificate: certified,
        vmKeys: z.record(z.string(), keyRef),
        hostKeys: z.record(z.string(), keyRef),
        protectedStore: z.object({ kdks: z.record(name, bytes) }).strict().default({ kdks: {} })
      })
      .strict()
  })
  .strict()

const cachedKey = z.object({ keyId: name, keyType, providerId: name.nullable(), material: bytes, vm: name.optional() }).strict()

const host = z
  .object({
    id: name,
    kind: z.literal('host'),
    name: labName,
    cluster: name,
    uuid: z.string(),
    cryptoState: z.enum(['incapable', 'prepared', 'safe', 'pendingIncapable']),
    inMaintenanceMode: z.boolean().optional(),
    memory: z
      .object({
        keyCache: z.record(z.string(), cachedKey),
        runningVms: z.array(name),
        kdks: z.record(name, z.object({ kdkId: name, material: bytes }).strict()).default({})
      })
      .strict(),
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
        varCore: z.record(z.string(), bytes),
        sealedKeyCache: bytes.nullable(),
        sealedKdks: bytes.nullable().default(null),
        configStoreKey: bytes.nullable().default(null),
        dumpCounter: z.number().int().min(0)
      })
      .strict(),
    tpm: z.object({ storageKey: bytes }).strict().nullable()
  })
  .strict()

const datastoreFile = z
  .object({ kind: z.enum(['vmx', 'vmdk', 'flat', 'nvram', 'vmsn', 'delta']), text: z.string().optional(), data: bytes.optional() })
  .strict()

const datastore = z
  .object({
    id: name,
    kind: z.literal('datastore'),
    name: labName,
    cluster: name,
    memory: z.object({}).strict(),
    persisted: z.object({ files: z.record(z.string(), datastoreFile) }).strict()
  })
  .strict()

const vmFiles = z.object({ vmx: name, nvram: name }).strict()

const vmDisk = z
  .object({
    device: name,
    descriptor: name,
    flat: name,
    bytes: z.number().int().positive(),
    keyId: name.nullable(),
    providerId: name.nullable(),
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
    power: z.enum(['poweredOff', 'poweredOn']),
    connectionState: z.enum(['connected', 'invalid']),
    cryptoState: z.enum(['unlocked', 'locked']).nullable(),
    keyId: name.nullable(),
    providerId: name.nullable(),
    bootSectors: z.number().int().positive(),
    files: vmFiles,
    disks: z.array(vmDisk).min(1),
    fileGeneration: z.number().int().min(0),
    vtpm: z.boolean(),
    snapshots: z.array(z.object({ name, vmsn: name, deltaDescriptor: name, deltaData: name }).strict()),
    migrateEncryption: z.enum(['disabled', 'opportunistic', 'required']),
    lockReason: z.string().nullable(),
    memory: z.object({ guest: bytes.nullable() }).strict(),
    persisted: z.object({ files: z.array(name) }).strict()
  })
  .strict()

export const entitySchema = z.discriminatedUnion('kind', [meta, kms, vcenter, host, datastore, vm])

export const labFileSchema = z
  .object({
    format: z.literal(KFLAB_FORMAT),
    version: z.literal(KFLAB_VERSION),
    seed: z.number().int().min(0).nullable(),
    /** complete: the commands rebuild this lab from its start (seeded labs replay into the full history). */
    history: z.enum(['complete', 'partial']),
    /** The command log, refused commands included (replay refuses them again, as the lab did). */
    commands: z.array(z.object({ step: z.number().int().min(0).nullable(), command: z.record(z.string(), z.unknown()) }).strict()),
    entities: z.record(z.string(), entitySchema)
  })
  .strict()

export type LabFileData = z.infer<typeof labFileSchema>
