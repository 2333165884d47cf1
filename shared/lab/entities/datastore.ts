// A datastore and its files (.vmx, descriptors, flat extents, NVRAM, snapshots).

import { z } from 'zod'
import { labName } from '../../validation/fields'
import { name, storedBytes, type BytesSchema } from './common'
import { datastoreFileKinds } from './lists'

/** Text files (.vmx, .vmdk descriptors) keep text; data files keep bytes, or leave them in the lab file until read. */
export function datastoreFileSchema<B extends BytesSchema>(bytes: B) {
  return z.object({ kind: z.enum(datastoreFileKinds), text: z.string().optional(), data: z.union([bytes, storedBytes]).optional() }).strict()
}

const datastoreFields = { id: name, kind: z.literal('datastore'), name: labName, cluster: name, memory: z.object({}).strict() }

/** The datastore as the store keeps it: its files are a collection beside it. */
// (Its `persisted` holds nothing: typed `{}`, so the whole component's `{ files }` is one of it; any key is refused.)
export const datastoreRecordSchema = z.object({ ...datastoreFields, persisted: z.record(z.never(), z.never()) }).strict()

/** The whole datastore as the outside sees it (views, reports, lab files), its files included. */
export function datastoreSchema<B extends BytesSchema>(bytes: B) {
  return z.object({ ...datastoreFields, persisted: z.object({ files: z.record(z.string(), datastoreFileSchema(bytes)) }).strict() }).strict()
}
