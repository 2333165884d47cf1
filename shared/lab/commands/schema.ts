// The lab's command language, as the rest of the code imports it: derived from the definitions (`definitions.ts`)
// and their window metadata (`definitions.meta.ts`); nothing is declared here but the lab script.

import { z } from 'zod'
import { commandSchema } from './definitions'

export { commandSchema, type CommandOf, type LabCommand } from './definitions'
export { cloneEncryptions, commandOps, migrateEncryptionModes, providerTypes, trustModes, type CommandOp } from './definitions.meta'
export { MAX_DISK_MIB } from './define'

export const labScriptSchema = z
  .object({
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    steps: z.array(commandSchema).max(100_000)
  })
  .strict()

export type LabScript = z.infer<typeof labScriptSchema>
