// The lab's own bookkeeping record.

import { z } from 'zod'
import { name, seconds } from './common'

/** Lab-wide bookkeeping that must rewind with the history: the logical clock and the generator position. */
export const metaSchema = z
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
