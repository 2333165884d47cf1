import { createCa, issueCertificate } from './certificates.js'
import { generateKeyPair } from './keys.js'
import { addDays } from './time.js'
import type { CertificateAuthority, CertifiedKeyPair, ExtendedKeyUsageName, LabTime, RandomSource, SubjectInput } from './types.js'
import { DEFAULT_VALIDITY_DAYS } from './validity.js'

// The PKI each side owns before any trust exists: vCenter has its VMCA root, the KMS has its own
// CA and a TLS server certificate. Trust modes then move pieces of this material between them.

export interface VmcaRootOptions {
  /** vCenter's FQDN; VMCA puts it in the O attribute of its root. */
  vcenterName: string
  now: LabTime
  random: RandomSource
  subject?: SubjectInput
  notBefore?: LabTime
  notAfter?: LabTime
}

/** VMCA's self-signed root, with the attributes VMCA uses: CN=CA, DC=vsphere, DC=local, C=US, ST=California, O=<fqdn>, OU=VMware Engineering. */
export async function createVmcaRoot(options: VmcaRootOptions): Promise<CertificateAuthority> {
  return createCa({
    subject: options.subject ?? {
      commonName: 'CA',
      domainComponents: ['vsphere', 'local'],
      country: 'US',
      stateOrProvince: 'California',
      organization: options.vcenterName,
      organizationalUnit: 'VMware Engineering'
    },
    notBefore: options.notBefore ?? options.now,
    notAfter: options.notAfter ?? addDays(options.now, DEFAULT_VALIDITY_DAYS.vmcaRoot),
    random: options.random
  })
}

export interface KmsPkiOptions {
  /** The KMS host name: server certificate CN and DNS SAN. */
  kmsName: string
  /** Addresses vCenter may dial; each becomes an IP SAN. */
  kmsIps?: string[]
  now: LabTime
  random: RandomSource
  caSubject?: SubjectInput
  caNotAfter?: LabTime
  serverNotAfter?: LabTime
  /** serverAuth by default; some vendors (Cosmian's vCenter guide) also set clientAuth. */
  serverEku?: ExtendedKeyUsageName[]
}

export interface KmsPki {
  ca: CertificateAuthority
  server: CertifiedKeyPair
}

/** Randomness order: CA key, CA serial, server key, server serial. */
export async function createKmsPki(options: KmsPkiOptions): Promise<KmsPki> {
  const ca = await createCa({
    subject: options.caSubject ?? { commonName: `${options.kmsName} KMIP CA`, organization: 'KeyFlow Lab KMS' },
    notBefore: options.now,
    notAfter: options.caNotAfter ?? addDays(options.now, DEFAULT_VALIDITY_DAYS.kmsCa),
    random: options.random
  })
  const keyPair = await generateKeyPair(options.random)
  const certificatePem = await issueCertificate({
    issuer: ca,
    subjectPublicKey: keyPair.publicKeySpkiPem,
    subject: { commonName: options.kmsName, organization: 'KeyFlow Lab KMS' },
    eku: options.serverEku ?? ['serverAuth'],
    san: { dns: [options.kmsName], ip: options.kmsIps ?? [] },
    notBefore: options.now,
    notAfter: options.serverNotAfter ?? addDays(options.now, DEFAULT_VALIDITY_DAYS.kmsServer),
    random: options.random
  })
  return { ca, server: { certificatePem, keyPair } }
}
