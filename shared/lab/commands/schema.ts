// The lab's command language: every UI action and every step of a lab script is one of these JSON objects.

import { z } from 'zod'
import { roles } from '../services/privileges'
import { cryptoUtilArg, keyId, labName as name, networkHost, networkPort, pem } from '../../validation/fields'
import { migrateEncryptions as migrateEncryptionModes, trustModes } from '../entities'

export const MAX_DISK_MIB = 256
const SECTORS_PER_MIB = 2048

const diskMiB = z
  .number()
  .positive()
  .max(MAX_DISK_MIB)
  .refine((v) => Number.isInteger(v * SECTORS_PER_MIB), 'diskMiB must be a whole number of 512-byte sectors (a multiple of 1/2048)')

const externalKms = z
  .object({
    host: networkHost,
    port: networkPort,
    caPem: pem.min(1),
    clientCertPem: pem.min(1),
    clientKeyPem: pem.min(1)
  })
  .strict()

/** The lists a command may choose from are the model's own (../entities.ts). */
export { trustModes, migrateEncryptionModes }
/** A clone keeps the parent's keys, or is encrypted, decrypted or recrypted (a new KEK) on the way. */
export const cloneEncryptions = ['keep', 'encrypt', 'decrypt', 'recrypt'] as const

/** Disk indexes of a VM (0 is its first disk). */
const diskList = z.array(z.number().int().min(0).max(15)).max(16)

const user = z.string().regex(/^[A-Za-z0-9._-]{1,64}@[A-Za-z0-9.-]{1,64}$/, 'a user as name@domain, e.g. operator@vsphere.local')

export const commandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('kms.add'), name, provider: name, external: externalKms.optional() }).strict(),
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
  z.object({ op: z.literal('vcenter.actAs'), role: z.enum(roles), user: user.optional() }).strict(),
  z.object({ op: z.literal('host.add'), name, cluster: name }).strict(),
  z.object({ op: z.literal('host.reboot'), name }).strict(),
  z.object({ op: z.literal('host.crash'), name }).strict(),
  z.object({ op: z.literal('host.cryptoUtil'), name, args: z.array(cryptoUtilArg).min(1).max(16) }).strict(),
  z.object({ op: z.literal('host.keyPersistence'), name, enabled: z.boolean() }).strict(),
  z.object({ op: z.literal('host.encryptionMode'), name, enabled: z.boolean() }).strict(),
  z.object({ op: z.literal('host.rekey'), name }).strict(),
  z.object({ op: z.literal('host.vmSupport'), name, password: z.string().min(8, 'a password of at least 8 characters').max(128) }).strict(),
  z
    .object({ op: z.literal('vm.create'), name, host: name, diskMiB: diskMiB.optional(), guestData: z.string().max(4096).optional(), encrypt: z.boolean().optional() })
    .strict(),
  z.object({ op: z.literal('vm.addDisk'), name, diskMiB: diskMiB.optional(), encrypt: z.boolean().optional() }).strict(),
  /** The VM Encryption Policy on the VM home and the disks named (all when not given). */
  z.object({ op: z.literal('vm.encrypt'), name, disks: diskList.optional() }).strict(),
  /** The disks named (all when not given) and, when `home` (the default without `disks`), the VM home. */
  z.object({ op: z.literal('vm.decrypt'), name, disks: diskList.optional(), home: z.boolean().optional() }).strict(),
  z.object({ op: z.literal('vm.addVtpm'), name }).strict(),
  z.object({ op: z.literal('vm.removeVtpm'), name }).strict(),
  z.object({ op: z.literal('vm.setMigrateEncryption'), name, migrateEncryption: z.enum(migrateEncryptionModes) }).strict(),
  z.object({ op: z.literal('vm.powerOn'), name }).strict(),
  z.object({ op: z.literal('vm.powerOff'), name }).strict(),
  z.object({ op: z.literal('vm.rekey'), name, deep: z.boolean().optional() }).strict(),
  z.object({ op: z.literal('vm.migrate'), name, host: name }).strict(),
  z
    .object({
      op: z.literal('vm.clone'),
      name,
      newName: name,
      encryption: z.enum(cloneEncryptions).optional(),
      vtpm: z.enum(['copy', 'replace']).optional()
    })
    .strict(),
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
