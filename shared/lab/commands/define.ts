// How a command is defined: its op, the zod schema of its arguments, the narration ids it says, and its rules
// (`check`: throws the vSphere-like fault and changes nothing) and steps (`run`). The window asks `check` to disable
// actions with the reason, so the rules live here only. The command's window metadata (menu group, fields,
// prerequisites) is plain data in `definitions.meta.ts`, so the window's bundle carries neither zod nor the handlers.

import { z } from 'zod'
import { networkHost, networkPort, pem } from '../../validation/fields'
import type { MessageId } from '../../i18n/narration'
import type { CommandContext } from '../context'
import type { CommandOp } from './definitions.meta'

/** The schema of one command: `{ op, ...args }`, no other keys. */
export type CommandObject<O extends string, A extends z.ZodRawShape> = z.ZodObject<{ op: z.ZodLiteral<O> } & A, z.core.$strict>

export interface CommandDefinition<O extends CommandOp = CommandOp, S extends z.ZodType = z.ZodType> {
  op: O
  schema: S
  /** The narration catalog entries this command's own steps say (services it calls say theirs). */
  narration: readonly MessageId[]
  check(ctx: CommandContext, cmd: z.infer<S>): void
  run(ctx: CommandContext, cmd: z.infer<S>): Promise<void>
}

export function defineCommand<O extends CommandOp, A extends z.ZodRawShape>(
  op: O,
  spec: {
    args: A
    narration: readonly MessageId[]
    check(ctx: CommandContext, cmd: z.infer<CommandObject<O, A>>): void
    run(ctx: CommandContext, cmd: z.infer<CommandObject<O, A>>): Promise<void>
  }
): CommandDefinition<O, CommandObject<O, A>> {
  const schema = z.object({ op: z.literal(op), ...spec.args }).strict() as unknown as CommandObject<O, A>
  return { op, schema, narration: spec.narration, check: spec.check, run: spec.run }
}

// Argument pieces several commands share (the field rules themselves are harden's, in validation/fields).

export { cryptoUtilArg, keyId, labName as name } from '../../validation/fields'

export const MAX_DISK_MIB = 256
const SECTORS_PER_MIB = 2048

export const diskMiB = z
  .number()
  .positive()
  .max(MAX_DISK_MIB)
  .refine((v) => Number.isInteger(v * SECTORS_PER_MIB), 'diskMiB must be a whole number of 512-byte sectors (a multiple of 1/2048)')

export const externalKms = z
  .object({
    host: networkHost,
    port: networkPort,
    caPem: pem.min(1),
    clientCertPem: pem.min(1),
    clientKeyPem: pem.min(1)
  })
  .strict()

/** Disk indexes of a VM (0 is its first disk). */
export const diskList = z.array(z.number().int().min(0).max(15)).max(16)

export const user = z.string().regex(/^[A-Za-z0-9._-]{1,64}@[A-Za-z0-9.-]{1,64}$/, 'a user as name@domain, e.g. operator@vsphere.local')

/** A file's bytes as base64 (a Native Key Provider's backup is a few hundred bytes; 64 KiB is far beyond any). */
export const backupFile = z
  .string()
  .min(1)
  .max(65_536)
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'the file as base64')
