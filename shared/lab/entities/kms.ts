// A KMS server (the built-in KMIP server or a real one on the network) and the keys in its store.

import { z } from 'zod'
import { labName, networkHost, networkPort, pem } from '../../validation/fields'
import { certified, name, seconds, type BytesSchema } from './common'

/** A key in a KMS's store (the KMIP package's `KmipManagedObject`), kept item by item beside its KMS. */
export function kmipObjectSchema<B extends BytesSchema>(bytes: B) {
  const attributeValue = z.union([
    z.object({ type: z.enum(['Integer', 'Enumeration', 'Interval']), value: z.number() }).strict(),
    z.object({ type: z.enum(['LongInteger', 'BigInteger']), value: z.bigint() }).strict(),
    z.object({ type: z.literal('DateTime'), value: z.number() }).strict(),
    z.object({ type: z.literal('Boolean'), value: z.boolean() }).strict(),
    z.object({ type: z.literal('TextString'), value: z.string() }).strict(),
    z.object({ type: z.literal('ByteString'), value: bytes }).strict(),
    z.object({ type: z.literal('Structure'), value: z.array(z.unknown()) }).strict()
  ])
  return z
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
}

/** A real KMIP server: where it listens, the CA vCenter trusts for it, and vCenter's client identity for it. */
const kmsExternal = z.object({ host: networkHost, port: networkPort, caPem: pem, clientCertPem: pem, clientKeyPem: pem }).strict()

const kmsPersisted = {
  /** The KMS cluster's CA (shared by the servers of one provider) and this server's TLS identity. */
  ca: certified.nullable(),
  serverCertificate: certified.nullable(),
  /** Client certificates or CAs this KMS accepts, as PEM (uploaded when trust is established). */
  trustedClients: z.array(pem)
}

const kmsFields = {
  id: name,
  kind: z.literal('kms'),
  name: labName,
  provider: name,
  running: z.boolean(),
  /** Set when the server is a real KMIP server on the network instead of the built-in one. */
  external: kmsExternal.nullable(),
  memory: z.object({ sessions: z.array(z.object({ client: z.string(), openedAt: seconds }).strict()) }).strict()
}

/** The KMS as the store keeps it: its key store is a collection beside it. */
export const kmsRecordSchema = z.object({ ...kmsFields, persisted: z.object(kmsPersisted).strict() }).strict()

/** The whole KMS as the outside sees it (views, reports, lab files), its keys included. */
export function kmsSchema<B extends BytesSchema>(bytes: B) {
  return z.object({ ...kmsFields, persisted: z.object({ keys: z.record(z.string(), kmipObjectSchema(bytes)), ...kmsPersisted }).strict() }).strict()
}
