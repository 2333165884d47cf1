// A key provider as vCenter records it: a standard one fronting KMS servers, or a Native Key Provider.

import { z } from 'zod'
import { labName, pem } from '../../validation/fields'
import { certified, name, type BytesSchema } from './common'
import { providerTypes, trustModes } from './lists'

/** Trust is per KMS server, as vSphere's CryptoManagerKmipServerStatus (docs/vsphere-facts.md#trust-per-server). */
const kmsServerTrust = z
  .object({
    /** vCenter trusts this server's certificate. */
    clientTrustServer: z.boolean(),
    /** This server trusts vCenter's client certificate. */
    serverTrustClient: z.boolean()
  })
  .strict()

const providerTrust = z
  .object({
    mode: z.enum(trustModes).nullable(),
    /** "Make vCenter trust KMS": the KMS cluster CA vCenter accepts for server certificates (PEM). */
    trustedKmsCaPem: pem.nullable(),
    /** The client identity vCenter presents to this provider's KMS servers (null: its machine certificate). */
    clientCertificate: certified.nullable(),
    /**
     * A server added to the provider later is not trusted by vCenter until trust is established with it. Absent in
     * labs saved before trust was per server: none.
     */
    servers: z.record(name, kmsServerTrust).default({})
  })
  .strict()

/** What vCenter records of a Native Key Provider (docs/vsphere-facts.md#nkp-kdk, #nkp-backup). */
export function nativeProviderSchema<B extends BytesSchema>(bytes: B) {
  return z
    .object({
      /** The ID of its Key Derivation Key; the KDK itself is in vCenter's protected store. */
      kdkId: name,
      /** KmipClusterInfo.hasBackup: the provider has been exported; until then it cannot be used. */
      hasBackup: z.boolean(),
      /** "Use key provider only with TPM protected ESXi hosts" (constraints.tpm_required). */
      tpmRequired: z.boolean(),
      /**
       * The last backup as the administrator downloaded it (PKCS#12, password-protected). vCenter keeps no copy; the
       * lab keeps the download so the window and `lab export nkp-backup` can save it as a file.
       */
      backupFile: bytes.nullable()
    })
    .strict()
}

// Labs saved before the Native Key Provider have neither `type` nor `native`: their providers are standard.
export function providerSchema<B extends BytesSchema>(bytes: B) {
  return z
    .object({
      name: labName,
      type: z.enum(providerTypes).default('standard'),
      trust: providerTrust,
      /** Set for a native provider. */
      native: nativeProviderSchema(bytes).nullable().default(null)
    })
    .strict()
}
