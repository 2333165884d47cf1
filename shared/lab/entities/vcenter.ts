// vCenter: its key providers, the user it acts as, its own CA, and the key-ID tables of VMs and hosts.

import { z } from 'zod'
import { certified, name, seconds, type BytesSchema } from './common'
import { keyTypes, vcenterRoles } from './lists'
import { providerSchema } from './provider'

/** Which key protects a VM or a host: key IDs only, vCenter keeps no key. */
export const keyRefSchema = z.object({ providerId: name, keyId: name }).strict()

function vcenterParts<B extends BytesSchema>(bytes: B) {
  const fields = {
    id: z.literal('vcenter'),
    kind: z.literal('vcenter'),
    name,
    running: z.boolean(),
    memory: z
      .object({
        /** KMIP connections open right now (vCenter opens short-lived TLS sessions). */
        connections: z.array(z.object({ kms: name, openedAt: seconds }).strict()),
        /** Key material passing through on its way to hosts; vCenter never keeps it. */
        keysInFlight: z.array(z.object({ keyId: name, keyType: z.enum(keyTypes), material: bytes }).strict())
      })
      .strict()
  }
  const persisted = {
    providers: z.record(z.string(), providerSchema(bytes)),
    defaultProvider: name.nullable(),
    /** The user whose privileges vCenter checks for every command (SSO users and role assignments, reduced to one). */
    session: z.object({ user: z.string().min(1).max(256), role: z.enum(vcenterRoles) }).strict(),
    /** VMCA: vCenter's own root CA and the machine certificate it issued to vCenter. */
    vmcaRoot: certified,
    machineCertificate: certified
  }
  /**
   * vCenter's protected store (VECS and the encrypted part of its database) for secrets it must keep: the KDK of
   * each Native Key Provider, by provider. The only persisted place outside a TPM where a KDK may sit. Absent in labs
   * saved before the Native Key Provider: empty.
   */
  const protectedStore = z.object({ kdks: z.record(name, bytes) }).strict().default({ kdks: {} })
  return { fields, persisted, protectedStore }
}

/** vCenter as the store keeps it: its key-ID tables are collections beside it. */
export function vcenterRecordSchema<B extends BytesSchema>(bytes: B) {
  const { fields, persisted, protectedStore } = vcenterParts(bytes)
  return z.object({ ...fields, persisted: z.object({ ...persisted, protectedStore }).strict() }).strict()
}

/** The whole vCenter as the outside sees it (views, reports, lab files), its key-ID tables included. */
export function vcenterSchema<B extends BytesSchema>(bytes: B) {
  const { fields, persisted, protectedStore } = vcenterParts(bytes)
  return z
    .object({
      ...fields,
      persisted: z
        .object({
          ...persisted,
          /** Key IDs only: which key protects which VM and which host. */
          vmKeys: z.record(z.string(), keyRefSchema),
          hostKeys: z.record(z.string(), keyRefSchema),
          protectedStore
        })
        .strict()
    })
    .strict()
}
