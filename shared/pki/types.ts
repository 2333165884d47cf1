// Shapes shared by the lab's PKI helpers. Everything a lab run keeps is a plain string or number,
// so certificates and keys can live in the JSON state (vCenter's database, the KMS's trust store)
// and be compared byte for byte between two runs with the same seed.

/** Caller-supplied randomness: the lab core passes its seeded generator so that runs replay exactly. */
export type RandomSource = (n: number) => Uint8Array

/** A point on the lab's logical clock: a Date, or POSIX seconds. */
export type LabTime = Date | number

/** The two TLS roles a KMIP certificate is issued for (RFC 5280 id-kp-serverAuth / id-kp-clientAuth). */
export type ExtendedKeyUsageName = 'serverAuth' | 'clientAuth'

/** The only signature algorithm the lab issues: Ed25519 signatures are deterministic (RFC 8032). */
export type KeyAlgorithm = 'Ed25519'

export interface KeyPair {
  algorithm: KeyAlgorithm
  /** PKCS#8 PrivateKeyInfo, PEM "PRIVATE KEY": what vCenter's UploadClientCert accepts. */
  privateKeyPkcs8Pem: string
  /** SubjectPublicKeyInfo, PEM "PUBLIC KEY". */
  publicKeySpkiPem: string
  /** The raw 32-byte public key as lowercase hex, handy for narration and equality checks. */
  publicKeyHex: string
}

/** A distinguished name. Attributes are encoded in X.500 order: DC, C, ST, L, O, OU, CN. */
export interface SubjectName {
  commonName: string
  organization?: string
  organizationalUnit?: string
  locality?: string
  stateOrProvince?: string
  country?: string
  domainComponents?: string[]
}

/** A subject may be given as a full name or, for the common case, just its CN. */
export type SubjectInput = SubjectName | string

export interface SubjectAltNames {
  dns?: string[]
  ip?: string[]
}

/** A certificate together with the key pair it certifies: a CA, a TLS server or a KMIP client. */
export interface CertifiedKeyPair {
  certificatePem: string
  keyPair: KeyPair
}

/** A CA is a certified key pair whose certificate says cA=TRUE. */
export type CertificateAuthority = CertifiedKeyPair
