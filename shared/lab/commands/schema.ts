// The lab's command language: every UI action and every step of a lab script is one of these JSON objects.

import { z } from 'zod'

const name = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'a name: letters, digits, dot, dash or underscore (max 63), starting with a letter or digit')

const keyId = z.string().min(1).max(256)

export const MAX_DISK_MIB = 256
const SECTORS_PER_MIB = 2048

const diskMiB = z
  .number()
  .positive()
  .max(MAX_DISK_MIB)
  .refine((v) => Number.isInteger(v * SECTORS_PER_MIB), 'diskMiB must be a whole number of 512-byte sectors (a multiple of 1/2048)')

/** One limit for PEM text wherever the lab takes it (a script, the wire, a lab file): a long chain fits. */
export const MAX_PEM_CHARS = 64 * 1024
export const pemText = z.string().min(1).max(MAX_PEM_CHARS)

/** An external KMS as a script, the wire and a lab file describe it (the file schema uses this one too). */
export const externalKmsSchema = z
  .object({
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    caPem: pemText,
    clientCertPem: pemText,
    clientKeyPem: pemText
  })
  .strict()

export const trustModes = ['vcenter-root-ca', 'vcenter-cert', 'kms-cert-and-key', 'csr'] as const

export const commandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('kms.add'), name, provider: name, external: externalKmsSchema.optional() }).strict(),
  z.object({ op: z.literal('kms.stop'), name }).strict(),
  z.object({ op: z.literal('kms.start'), name }).strict(),
  z.object({ op: z.literal('kms.revokeKey'), keyId }).strict(),
  z.object({ op: z.literal('kms.destroyKey'), keyId }).strict(),
  z.object({ op: z.literal('kms.activateKey'), keyId }).strict(),
  z.object({ op: z.literal('provider.add'), name }).strict(),
  z.object({ op: z.literal('provider.trust'), provider: name, mode: z.enum(trustModes) }).strict(),
  z.object({ op: z.literal('provider.setDefault'), name }).strict(),
  z.object({ op: z.literal('vcenter.stop') }).strict(),
  z.object({ op: z.literal('vcenter.start') }).strict(),
  z.object({ op: z.literal('host.add'), name, cluster: name }).strict(),
  z.object({ op: z.literal('host.reboot'), name }).strict(),
  z.object({ op: z.literal('host.crash'), name }).strict(),
  z.object({ op: z.literal('host.cryptoUtil'), name, args: z.array(z.string().max(1024)).min(1).max(16) }).strict(),
  z.object({ op: z.literal('host.keyPersistence'), name, enabled: z.boolean() }).strict(),
  z.object({ op: z.literal('host.encryptionMode'), name, enabled: z.boolean() }).strict(),
  z.object({ op: z.literal('host.rekey'), name }).strict(),
  z
    .object({ op: z.literal('vm.create'), name, host: name, diskMiB: diskMiB.optional(), guestData: z.string().max(4096).optional() })
    .strict(),
  z.object({ op: z.literal('vm.encrypt'), name }).strict(),
  z.object({ op: z.literal('vm.decrypt'), name }).strict(),
  z.object({ op: z.literal('vm.powerOn'), name }).strict(),
  z.object({ op: z.literal('vm.powerOff'), name }).strict(),
  z.object({ op: z.literal('vm.rekey'), name, deep: z.boolean().optional() }).strict(),
  z.object({ op: z.literal('vm.migrate'), name, host: name }).strict(),
  z.object({ op: z.literal('vm.clone'), name, newName: name }).strict(),
  z.object({ op: z.literal('vm.snapshot'), name }).strict(),
  z.object({ op: z.literal('vm.deleteSnapshots'), name }).strict(),
  z.object({ op: z.literal('vm.unlock'), name }).strict(),
  z.object({ op: z.literal('lab.advanceClock'), days: z.number().int().min(1).max(3650) }).strict()
])

export type LabCommand = z.infer<typeof commandSchema>
export type CommandOp = LabCommand['op']
export type CommandOf<O extends CommandOp> = Extract<LabCommand, { op: O }>

export const commandOps = commandSchema.options.map((o) => o.shape.op.value) as CommandOp[]

export const labScriptSchema = z
  .object({
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    steps: z.array(commandSchema).max(100_000)
  })
  .strict()

export type LabScript = z.infer<typeof labScriptSchema>
