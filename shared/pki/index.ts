// The lab's X.509 toolkit: deterministic Ed25519 certificates for the KMIP trust between vCenter
// and a KMS, a verifier that fails the way OpenSSL/PyKMIP fail, and the trust modes as data flows.
export * from './types.js'
export { toDate, toPosixSeconds, addDays } from './time.js'
export { DEFAULT_VALIDITY_DAYS } from './validity.js'
export { randomSerialNumberHex, SERIAL_NUMBER_BYTES } from './random.js'
export {
  generateKeyPair,
  keyPairFromSeed,
  keyPairFromPrivateKeyPem,
  importSigningKey,
  importVerifyingKey,
  privateKeyMatchesCertificate,
  ED25519_SEED_BYTES
} from './keys.js'
export {
  createCa,
  issueCertificate,
  createSelfSigned,
  type CreateCaOptions,
  type IssueCertificateOptions,
  type CreateSelfSignedOptions
} from './certificates.js'
export { createCsr, signCsr, verifyCsr, type CreateCsrOptions, type SignCsrOptions } from './csr.js'
export { describeCertificate, describeCsr, type CertificateDescription, type CsrDescription } from './describe.js'
export * from './verify.js'
export * from './parties.js'
export * from './trustModes.js'
