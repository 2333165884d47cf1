// The shape of a .kflab file, checked field by field before a lab is replaced by what the file holds: a corrupt or
// foreign file is refused with the place of the first problem, and the open lab stays as it was.

import { z } from 'zod'
import { entitySchemas } from '../lab/entities'
import { BlobRef } from './blob'
import { LATEST_VERSION } from './migrations'

export const KFLAB_FORMAT = 'keyflow-lab'
/** The format version this build writes; older ones are migrated on open (./migrations). */
export const KFLAB_VERSION = LATEST_VERSION

/** A byte string: inline, or (for disk-sized ones) a reference into the container, read only when needed. */
const bytes = z.union([z.instanceof(Uint8Array), z.instanceof(BlobRef)])
/** The lab's entities in a file: the model's own schemas (../lab/entities/), with byte strings inline or in blobs. */
const entities = entitySchemas(bytes)

export const entitySchema = z.discriminatedUnion('kind', [entities.meta, entities.kms, entities.vcenter, entities.host, entities.datastore, entities.vm])

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
