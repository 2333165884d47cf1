// An ESXi host: its crypto state, its key cache and KDKs in memory, what survives on its boot disk, and its TPM.

import { z } from 'zod'
import { labName } from '../../validation/fields'
import { name, type BytesSchema } from './common'
import { hostCryptoStates, keyTypes } from './lists'

/** A key in a host's key cache. */
export function cachedKeySchema<B extends BytesSchema>(bytes: B) {
  return z
    .object({
      keyId: name,
      keyType: z.enum(keyTypes),
      providerId: name.nullable(),
      material: bytes,
      /** For DEKs and KEKs: the VM it belongs to (a KEK can serve clones too). */
      vm: name.optional()
    })
    .strict()
}

/** A KDK on a host, by provider (the host daemon kmxa holds it apart from the key cache of KEKs and DEKs). */
export function hostKdkSchema<B extends BytesSchema>(bytes: B) {
  return z.object({ kdkId: name, material: bytes }).strict()
}

export function hostSchema<B extends BytesSchema>(bytes: B) {
  return z
    .object({
      id: name,
      kind: z.literal('host'),
      name: labName,
      cluster: name,
      uuid: z.string(),
      cryptoState: z.enum(hostCryptoStates),
      /**
       * vSphere's runtime.inMaintenanceMode: no VM runs on the host, none moves to it or is made on it, and only now
       * may vCenter remove it (docs/vsphere-facts.md#maintenance-mode). Absent in labs saved before the lab had it: false.
       */
      inMaintenanceMode: z.boolean().optional(),
      memory: z
        .object({
          keyCache: z.record(z.string(), cachedKeySchema(bytes)),
          runningVms: z.array(name),
          /** The KDKs of the Native Key Providers vCenter pushed to this host, by provider (absent in older labs: none). */
          kdks: z.record(name, hostKdkSchema(bytes)).default({})
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
              pendingIncapableMarker: z.boolean(),
              /**
               * `esxcli system settings encryption set --require-secure-boot`: the TPM unseals the configuration only
               * after a Secure Boot. Absent until someone sets it (ESXi prints false), so older labs stay as they were.
               */
              requireSecureBoot: z.boolean().optional()
            })
            .strict(),
          /** /var/core: core dumps by file name. */
          varCore: z.record(z.string(), bytes),
          /** With key persistence: the key cache sealed by the TPM (AES-256-GCM under the TPM's storage key). */
          sealedKeyCache: bytes.nullable(),
          /** The KDKs, sealed by the TPM (AES-256-GCM under its storage key): they survive a reboot, unlike the key cache. */
          sealedKdks: bytes.nullable().default(null),
          /**
           * Without a TPM, ESXi encrypts its configuration with a key that lies on the boot disk beside it: this is that
           * key (null on a host with a TPM). It seals the KDKs as the TPM would, and protects them from nobody who has
           * the disk.
           */
          configStoreKey: bytes.nullable().default(null),
          dumpCounter: z.number().int().min(0)
        })
        .strict(),
      /**
       * The TPM 2.0 chip and its own storage key, which never leaves it: not a memory or disk surface of the host.
       * Null: a host without a TPM (no key persistence; a "TPM only" Native Key Provider gives it no KDK).
       */
      tpm: z.object({ storageKey: bytes }).strict().nullable()
    })
    .strict()
}
