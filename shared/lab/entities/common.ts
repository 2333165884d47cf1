// Pieces every record schema uses: names, seconds, certificates, and the lab's own kind of byte string.

import { z } from 'zod'
import { labId, pem } from '../../validation/fields'
import { StoredBytes } from '../files/storedBytes'

/** A component's or key's id as it appears in another record. */
export const name = labId
/** POSIX seconds on the lab's logical clock. */
export const seconds = z.number().int()

/** The lab's own byte strings: exactly `Uint8Array` (not a subtype zod would infer from the constructor). */
export const labBytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes')

/** A datastore file's bytes still in the lab file it was opened from (../files/storedBytes.ts). */
export const storedBytes = z.custom<StoredBytes>((v) => v instanceof StoredBytes, 'expected bytes')

/**
 * Every record schema is made for a kind of byte string: the lab keeps `Uint8Array`s (`labBytes`); a lab file may
 * hold a reference into its container instead (a disk read only when needed). Both follow the same rules otherwise.
 */
export type BytesSchema = z.ZodType<unknown>

const keyPair = z.object({ algorithm: z.literal('Ed25519'), privateKeyPkcs8Pem: pem, publicKeySpkiPem: pem, publicKeyHex: z.string() }).strict()
/** An X.509 certificate with its Ed25519 key pair (shared/pki/types.ts `CertifiedKeyPair`). */
export const certified = z.object({ certificatePem: pem, keyPair }).strict()
