// A virtual machine: its VM home and disks on a datastore, its snapshots, its keys by ID, and its guest in memory.

import { z } from 'zod'
import { labName } from '../../validation/fields'
import { name, type BytesSchema } from './common'
import { migrateEncryptionModes, powerStates, vmConnectionStates, vmCryptoStates } from './lists'

/** A virtual disk: encrypted on its own, with its own DEK locked in its descriptor (docs/vsphere-facts.md#f-keysafe). */
export const vmDiskSchema = z
  .object({
    /** Its slot on the controller, as the .vmx names it (scsi0:0, scsi0:1 ...). */
    device: name,
    descriptor: name,
    flat: name,
    bytes: z.number().int().positive(),
    /** The KEK that locks this disk's DEK (the API's backing.keyId); null: the disk is not encrypted. */
    keyId: name.nullable(),
    providerId: name.nullable(),
    /** Generation of its rewritten copies (vm_1.vmdk ...): vSphere writes a disk anew when it encrypts or decrypts it. */
    generation: z.number().int().min(0)
  })
  .strict()

export const vmSnapshotSchema = z.object({ name, vmsn: name, deltaDescriptor: name, deltaData: name }).strict()

export function vmSchema<B extends BytesSchema>(bytes: B) {
  return z
    .object({
      id: name,
      kind: z.literal('vm'),
      name: labName,
      uuid: z.string(),
      host: name,
      datastore: name,
      power: z.enum(powerStates),
      connectionState: z.enum(vmConnectionStates),
      cryptoState: z.enum(vmCryptoStates).nullable(),
      /** The KEK of the VM home (the API's config.keyId): set means the VM is encrypted. */
      keyId: name.nullable(),
      providerId: name.nullable(),
      /** Sectors the guest reads at boot from its first disk (the part that holds guestData). */
      bootSectors: z.number().int().positive(),
      /** The VM home: its configuration and NVRAM (encrypted with the VM home key when the VM is encrypted). */
      files: z.object({ vmx: name, nvram: name }).strict(),
      disks: z.array(vmDiskSchema).min(1),
      /** Generation of the VM home's rewritten NVRAM (vm_1.nvram ...). */
      fileGeneration: z.number().int().min(0),
      /** A virtual TPM: its state lives in the NVRAM, so the VM home must be encrypted. */
      vtpm: z.boolean(),
      snapshots: z.array(vmSnapshotSchema),
      migrateEncryption: z.enum(migrateEncryptionModes),
      /** Why the VM locked: the narration id vSphere's event log says. */
      lockReason: z.string().nullable(),
      memory: z.object({ guest: bytes.nullable() }).strict(),
      persisted: z.object({ files: z.array(name) }).strict()
    })
    .strict()
}
