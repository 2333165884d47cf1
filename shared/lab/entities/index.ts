// One zod schema per component record — KMS and its keys, key provider, vCenter, host, datastore, VM — one file
// each, and the lab's bookkeeping. The lab's model types are inferred from these (../model.ts), the lab-file schema
// is built from them (../../labFile/schema.ts), and the views the window and the lessons read follow from the model
// types (../readView.ts): a field is named once, here.

import { labBytes, type BytesSchema } from './common'
import { datastoreFileSchema, datastoreRecordSchema, datastoreSchema } from './datastore'
import { cachedKeySchema, hostKdkSchema, hostSchema } from './host'
import { kmipObjectSchema, kmsRecordSchema, kmsSchema } from './kms'
import { metaSchema } from './meta'
import { nativeProviderSchema, providerSchema } from './provider'
import { keyRefSchema, vcenterRecordSchema, vcenterSchema } from './vcenter'
import { vmDiskSchema, vmSchema, vmSnapshotSchema } from './vm'

export * from './lists'
export { certified, labBytes, type BytesSchema } from './common'

/** Every record's schema for one kind of byte string: the lab's own (`labBytes`) or a lab file's (bytes or blobs). */
export function entitySchemas<B extends BytesSchema>(bytes: B) {
  return {
    meta: metaSchema,
    kmsRecord: kmsRecordSchema,
    kms: kmsSchema(bytes),
    kmipObject: kmipObjectSchema(bytes),
    provider: providerSchema(bytes),
    nativeProvider: nativeProviderSchema(bytes),
    keyRef: keyRefSchema,
    vcenterRecord: vcenterRecordSchema(bytes),
    vcenter: vcenterSchema(bytes),
    cachedKey: cachedKeySchema(bytes),
    hostKdk: hostKdkSchema(bytes),
    host: hostSchema(bytes),
    datastoreFile: datastoreFileSchema(bytes),
    datastoreRecord: datastoreRecordSchema,
    datastore: datastoreSchema(bytes),
    vmDisk: vmDiskSchema,
    vmSnapshot: vmSnapshotSchema,
    vm: vmSchema(bytes)
  }
}

/** The schemas of the lab's own records (byte strings as `Uint8Array`); the model's types are inferred from them. */
export const labSchemas = entitySchemas(labBytes)
