import { createSelfSigned, issueCertificate } from './certificates.js'
import { createCsr, signCsr } from './csr.js'
import { generateKeyPair } from './keys.js'
import type { KmsPki } from './parties.js'
import { addDays } from './time.js'
import type { CertificateAuthority, KeyPair, LabTime, RandomSource } from './types.js'
import { DEFAULT_VALIDITY_DAYS } from './validity.js'

// The two directions of trust between vCenter and a KMS (vSphere Client: Key Provider > Establish
// Trust), as pure data flows. Each function returns what every side ends up storing and the
// ordered list of hand-overs, so the lab can narrate "vCenter uploads ... to the KMS" from data.

/** "Make KMS trust vCenter": the four choices of the vSphere Client dialog. */
export const KMS_TRUSTS_VCENTER_MODES = ['vcenter-root-ca', 'vcenter-cert', 'kms-cert-and-key', 'csr'] as const
export type KmsTrustsVcenterMode = (typeof KMS_TRUSTS_VCENTER_MODES)[number]

/** "Make vCenter trust KMS": accept the KMS server certificate itself, or the CA that issued it. */
export const VCENTER_TRUSTS_KMS_MODES = ['kms-server-certificate', 'kms-ca-certificate'] as const
export type VcenterTrustsKmsMode = (typeof VCENTER_TRUSTS_KMS_MODES)[number]

export type TrustParty = 'vcenter' | 'kms'

export interface TrustStep {
  from: TrustParty
  to: TrustParty
  what: 'certificate' | 'csr' | 'privateKey' | 'caCertificate'
  pem: string
}

export interface TrustSetup {
  /** vCenter's FQDN: the CN of its KMIP client certificate, hence the KMIP object owner at the KMS. */
  vcenterName: string
  /** VMCA's root; only the 'vcenter-root-ca' mode uses it. */
  vmca?: CertificateAuthority
  kms: KmsPki
  now: LabTime
  random: RandomSource
  /** Validity of the client certificate; notAfter defaults per mode (see DEFAULT_VALIDITY_DAYS). */
  clientNotBefore?: LabTime
  clientNotAfter?: LabTime
}

export interface KmsTrustsVcenter {
  mode: KmsTrustsVcenterMode
  /** What vCenter keeps to authenticate as a KMIP client. */
  vcenter: { clientCertificatePem: string; clientKeyPair: KeyPair }
  /** What the KMS adds to its trust store for client certificates. */
  kms: { trustedClientPems: string[] }
  /** The request vCenter generated, in the 'csr' mode. */
  csrPem?: string
  steps: TrustStep[]
}

export interface VcenterTrustsKms {
  mode: VcenterTrustsKmsMode
  vcenter: {
    trustedKmsPems: string[]
    /**
     * True when vCenter trusts the server certificate itself rather than its issuer: verify with
     * `partialChain: true`, since that certificate is not self-signed.
     */
    pinsKmsServerCertificate: boolean
  }
  steps: TrustStep[]
}

export interface TrustEstablishment {
  kmsTrustsVcenter: KmsTrustsVcenterMode
  vcenterTrustsKms: VcenterTrustsKmsMode
  vcenter: {
    clientCertificatePem: string
    clientKeyPair: KeyPair
    trustedKmsPems: string[]
    pinsKmsServerCertificate: boolean
  }
  kms: {
    serverCertificatePem: string
    serverKeyPair: KeyPair
    trustedClientPems: string[]
  }
  /** The "Make vCenter trust KMS" hand-over first, then those of "Make KMS trust vCenter". */
  steps: TrustStep[]
}

/** Randomness order in every mode: the client key (32 bytes), then the certificate serial (16). */
export async function makeKmsTrustVcenter(mode: KmsTrustsVcenterMode, setup: TrustSetup): Promise<KmsTrustsVcenter> {
  switch (mode) {
    case 'vcenter-root-ca':
      return vcenterRootCa(setup)
    case 'vcenter-cert':
      return vcenterCertificate(setup)
    case 'kms-cert-and-key':
      return kmsCertificateAndKey(setup)
    case 'csr':
      return certificateSigningRequest(setup)
  }
}

export function makeVcenterTrustKms(mode: VcenterTrustsKmsMode, kms: KmsPki): VcenterTrustsKms {
  const pinsKmsServerCertificate = mode === 'kms-server-certificate'
  const pem = pinsKmsServerCertificate ? kms.server.certificatePem : kms.ca.certificatePem
  return {
    mode,
    vcenter: { trustedKmsPems: [pem], pinsKmsServerCertificate },
    steps: [{ from: 'kms', to: 'vcenter', what: pinsKmsServerCertificate ? 'certificate' : 'caCertificate', pem }]
  }
}

/** Both directions: what a working Standard Key Provider ends up with. */
export async function establishTrust(
  modes: { kmsTrustsVcenter: KmsTrustsVcenterMode; vcenterTrustsKms: VcenterTrustsKmsMode },
  setup: TrustSetup
): Promise<TrustEstablishment> {
  const serverSide = makeVcenterTrustKms(modes.vcenterTrustsKms, setup.kms)
  const clientSide = await makeKmsTrustVcenter(modes.kmsTrustsVcenter, setup)
  return {
    kmsTrustsVcenter: modes.kmsTrustsVcenter,
    vcenterTrustsKms: modes.vcenterTrustsKms,
    vcenter: { ...clientSide.vcenter, ...serverSide.vcenter },
    kms: {
      serverCertificatePem: setup.kms.server.certificatePem,
      serverKeyPair: setup.kms.server.keyPair,
      trustedClientPems: clientSide.kms.trustedClientPems
    },
    steps: [...serverSide.steps, ...clientSide.steps]
  }
}

function clientValidity(setup: TrustSetup, defaultDays: number): { notBefore: LabTime; notAfter: LabTime } {
  const notBefore = setup.clientNotBefore ?? setup.now
  return { notBefore, notAfter: setup.clientNotAfter ?? addDays(notBefore, defaultDays) }
}

/** VMCA issues vCenter's client certificate; the KMS trusts the VMCA root, not the leaf. */
async function vcenterRootCa(setup: TrustSetup): Promise<KmsTrustsVcenter> {
  if (!setup.vmca) throw new Error("the 'vcenter-root-ca' mode needs VMCA's root CA (setup.vmca)")
  const clientKeyPair = await generateKeyPair(setup.random)
  const clientCertificatePem = await issueCertificate({
    issuer: setup.vmca,
    subjectPublicKey: clientKeyPair.publicKeySpkiPem,
    subject: setup.vcenterName,
    eku: ['clientAuth'],
    ...clientValidity(setup, DEFAULT_VALIDITY_DAYS.vcenterClient),
    random: setup.random
  })
  return {
    mode: 'vcenter-root-ca',
    vcenter: { clientCertificatePem, clientKeyPair },
    kms: { trustedClientPems: [setup.vmca.certificatePem] },
    steps: [{ from: 'vcenter', to: 'kms', what: 'caCertificate', pem: setup.vmca.certificatePem }]
  }
}

/** vCenter signs its own client certificate (GenerateSelfSignedClientCert); the KMS trusts exactly it. */
async function vcenterCertificate(setup: TrustSetup): Promise<KmsTrustsVcenter> {
  const client = await createSelfSigned({
    subject: setup.vcenterName,
    eku: ['clientAuth'],
    ...clientValidity(setup, DEFAULT_VALIDITY_DAYS.vcenterSelfSigned),
    random: setup.random
  })
  return {
    mode: 'vcenter-cert',
    vcenter: { clientCertificatePem: client.certificatePem, clientKeyPair: client.keyPair },
    kms: { trustedClientPems: [client.certificatePem] },
    steps: [{ from: 'vcenter', to: 'kms', what: 'certificate', pem: client.certificatePem }]
  }
}

/**
 * The KMS makes the key pair and certificate and hands both over (UploadClientCert): the private
 * key crosses the wire, the one mode where vCenter's key was ever outside vCenter.
 */
async function kmsCertificateAndKey(setup: TrustSetup): Promise<KmsTrustsVcenter> {
  const clientKeyPair = await generateKeyPair(setup.random)
  const clientCertificatePem = await issueCertificate({
    issuer: setup.kms.ca,
    subjectPublicKey: clientKeyPair.publicKeySpkiPem,
    subject: setup.vcenterName,
    eku: ['clientAuth'],
    ...clientValidity(setup, DEFAULT_VALIDITY_DAYS.kmsIssuedClient),
    random: setup.random
  })
  return {
    mode: 'kms-cert-and-key',
    vcenter: { clientCertificatePem, clientKeyPair },
    kms: { trustedClientPems: [setup.kms.ca.certificatePem] },
    steps: [
      { from: 'kms', to: 'vcenter', what: 'certificate', pem: clientCertificatePem },
      { from: 'kms', to: 'vcenter', what: 'privateKey', pem: clientKeyPair.privateKeyPkcs8Pem }
    ]
  }
}

/**
 * vCenter keeps its key and sends a CSR (GenerateClientCsr); the KMS CA signs it and the
 * certificate comes back (UpdateKmsSignedCsrClientCert). Only public material crosses.
 */
async function certificateSigningRequest(setup: TrustSetup): Promise<KmsTrustsVcenter> {
  const clientKeyPair = await generateKeyPair(setup.random)
  const csrPem = await createCsr({ subject: setup.vcenterName, keyPair: clientKeyPair, eku: ['clientAuth'] })
  const clientCertificatePem = await signCsr({
    ca: setup.kms.ca,
    csrPem,
    eku: ['clientAuth'],
    ...clientValidity(setup, DEFAULT_VALIDITY_DAYS.kmsIssuedClient),
    random: setup.random
  })
  return {
    mode: 'csr',
    vcenter: { clientCertificatePem, clientKeyPair },
    kms: { trustedClientPems: [setup.kms.ca.certificatePem] },
    csrPem,
    steps: [
      { from: 'vcenter', to: 'kms', what: 'csr', pem: csrPem },
      { from: 'kms', to: 'vcenter', what: 'certificate', pem: clientCertificatePem }
    ]
  }
}
