// KMIP 1.1 enumerations (§9.1.3.2) used by the lab, with the spec's display names.
// Values a 1.1 peer must not send (codes added in 1.2+) are left out on purpose, so they show up as unknown.

import { splitIdentifier } from './tags'

type EnumTable = Readonly<Record<string, number>>
export type EnumValue<T extends EnumTable> = T[keyof T]

export const Operation = {
  Create: 0x01,
  CreateKeyPair: 0x02,
  Register: 0x03,
  ReKey: 0x04,
  DeriveKey: 0x05,
  Certify: 0x06,
  ReCertify: 0x07,
  Locate: 0x08,
  Check: 0x09,
  Get: 0x0a,
  GetAttributes: 0x0b,
  GetAttributeList: 0x0c,
  AddAttribute: 0x0d,
  ModifyAttribute: 0x0e,
  DeleteAttribute: 0x0f,
  ObtainLease: 0x10,
  GetUsageAllocation: 0x11,
  Activate: 0x12,
  Revoke: 0x13,
  Destroy: 0x14,
  Archive: 0x15,
  Recover: 0x16,
  Validate: 0x17,
  Query: 0x18,
  Cancel: 0x19,
  Poll: 0x1a,
  Notify: 0x1b,
  Put: 0x1c,
  ReKeyKeyPair: 0x1d,
  DiscoverVersions: 0x1e
} as const
export type Operation = EnumValue<typeof Operation>

export const ObjectType = {
  Certificate: 0x01,
  SymmetricKey: 0x02,
  PublicKey: 0x03,
  PrivateKey: 0x04,
  SplitKey: 0x05,
  Template: 0x06,
  SecretData: 0x07,
  OpaqueObject: 0x08
} as const
export type ObjectType = EnumValue<typeof ObjectType>

export const ResultStatus = {
  Success: 0x00,
  OperationFailed: 0x01,
  OperationPending: 0x02,
  OperationUndone: 0x03
} as const
export type ResultStatus = EnumValue<typeof ResultStatus>

export const ResultReason = {
  ItemNotFound: 0x01,
  ResponseTooLarge: 0x02,
  AuthenticationNotSuccessful: 0x03,
  InvalidMessage: 0x04,
  OperationNotSupported: 0x05,
  MissingData: 0x06,
  InvalidField: 0x07,
  FeatureNotSupported: 0x08,
  OperationCanceledByRequester: 0x09,
  CryptographicFailure: 0x0a,
  IllegalOperation: 0x0b,
  PermissionDenied: 0x0c,
  ObjectArchived: 0x0d,
  IndexOutOfBounds: 0x0e,
  ApplicationNamespaceNotSupported: 0x0f,
  KeyFormatTypeNotSupported: 0x10,
  KeyCompressionTypeNotSupported: 0x11,
  EncodingOptionError: 0x12,
  GeneralFailure: 0x100
} as const
export type ResultReason = EnumValue<typeof ResultReason>

export const State = {
  PreActive: 0x01,
  Active: 0x02,
  Deactivated: 0x03,
  Compromised: 0x04,
  Destroyed: 0x05,
  DestroyedCompromised: 0x06
} as const
export type State = EnumValue<typeof State>

export const CryptographicAlgorithm = {
  DES: 0x01,
  TripleDES: 0x02,
  AES: 0x03,
  RSA: 0x04,
  DSA: 0x05,
  ECDSA: 0x06,
  HmacSha1: 0x07,
  HmacSha224: 0x08,
  HmacSha256: 0x09,
  HmacSha384: 0x0a,
  HmacSha512: 0x0b,
  HmacMd5: 0x0c,
  DH: 0x0d,
  ECDH: 0x0e,
  ECMQV: 0x0f,
  Blowfish: 0x10,
  Camellia: 0x11,
  CAST5: 0x12,
  IDEA: 0x13,
  MARS: 0x14,
  RC2: 0x15,
  RC4: 0x16,
  RC5: 0x17,
  SKIPJACK: 0x18,
  Twofish: 0x19
} as const
export type CryptographicAlgorithm = EnumValue<typeof CryptographicAlgorithm>

export const KeyFormatType = {
  Raw: 0x01,
  Opaque: 0x02,
  Pkcs1: 0x03,
  Pkcs8: 0x04,
  X509: 0x05,
  ECPrivateKey: 0x06,
  TransparentSymmetricKey: 0x07,
  TransparentDsaPrivateKey: 0x08,
  TransparentDsaPublicKey: 0x09,
  TransparentRsaPrivateKey: 0x0a,
  TransparentRsaPublicKey: 0x0b,
  TransparentDhPrivateKey: 0x0c,
  TransparentDhPublicKey: 0x0d,
  TransparentEcdsaPrivateKey: 0x0e,
  TransparentEcdsaPublicKey: 0x0f,
  TransparentEcdhPrivateKey: 0x10,
  TransparentEcdhPublicKey: 0x11,
  TransparentEcmqvPrivateKey: 0x12,
  TransparentEcmqvPublicKey: 0x13
} as const
export type KeyFormatType = EnumValue<typeof KeyFormatType>

export const KeyCompressionType = {
  EcPublicKeyTypeUncompressed: 0x01,
  EcPublicKeyTypeX962CompressedPrime: 0x02,
  EcPublicKeyTypeX962CompressedChar2: 0x03,
  EcPublicKeyTypeX962Hybrid: 0x04
} as const

export const RevocationReasonCode = {
  Unspecified: 0x01,
  KeyCompromise: 0x02,
  CACompromise: 0x03,
  AffiliationChanged: 0x04,
  Superseded: 0x05,
  CessationOfOperation: 0x06,
  PrivilegeWithdrawn: 0x07
} as const
export type RevocationReasonCode = EnumValue<typeof RevocationReasonCode>

export const QueryFunction = {
  QueryOperations: 0x01,
  QueryObjects: 0x02,
  QueryServerInformation: 0x03,
  QueryApplicationNamespaces: 0x04,
  QueryExtensionList: 0x05,
  QueryExtensionMap: 0x06
} as const
export type QueryFunction = EnumValue<typeof QueryFunction>

export const NameType = {
  UninterpretedTextString: 0x01,
  URI: 0x02
} as const

export const CredentialType = {
  UsernameAndPassword: 0x01,
  Device: 0x02
} as const

export const BatchErrorContinuationOption = {
  Continue: 0x01,
  Stop: 0x02,
  Undo: 0x03
} as const
export type BatchErrorContinuationOption = EnumValue<typeof BatchErrorContinuationOption>

export const HashingAlgorithm = {
  MD2: 0x01,
  MD4: 0x02,
  MD5: 0x03,
  SHA1: 0x04,
  SHA224: 0x05,
  SHA256: 0x06,
  SHA384: 0x07,
  SHA512: 0x08,
  RIPEMD160: 0x09,
  Tiger: 0x0a,
  Whirlpool: 0x0b
} as const

export const ObjectGroupMember = {
  GroupMemberFresh: 0x01,
  GroupMemberDefault: 0x02
} as const

export const SecretDataType = {
  Password: 0x01,
  Seed: 0x02
} as const

export const CertificateType = {
  X509: 0x01,
  PGP: 0x02
} as const

export const LinkType = {
  CertificateLink: 0x101,
  PublicKeyLink: 0x102,
  PrivateKeyLink: 0x103,
  DerivationBaseObjectLink: 0x104,
  DerivedKeyLink: 0x105,
  ReplacementObjectLink: 0x106,
  ReplacedObjectLink: 0x107
} as const

export const BlockCipherMode = {
  CBC: 0x01,
  ECB: 0x02,
  PCBC: 0x03,
  CFB: 0x04,
  OFB: 0x05,
  CTR: 0x06,
  CMAC: 0x07,
  CCM: 0x08,
  GCM: 0x09,
  CbcMac: 0x0a,
  XTS: 0x0b,
  AESKeyWrapPadding: 0x0c,
  NISTKeyWrap: 0x0d,
  X9102AESKW: 0x0e,
  X9102TDKW: 0x0f,
  X9102AKW1: 0x10,
  X9102AKW2: 0x11
} as const

export const PaddingMethod = {
  None: 0x01,
  OAEP: 0x02,
  PKCS5: 0x03,
  SSL3: 0x04,
  Zeros: 0x05,
  AnsiX923: 0x06,
  ISO10126: 0x07,
  Pkcs1V15: 0x08,
  X931: 0x09,
  PSS: 0x0a
} as const

export const EncodingOption = {
  NoEncoding: 0x01,
  TtlvEncoding: 0x02
} as const

/** Bits of the Cryptographic Usage Mask (an Integer on the wire, not an Enumeration). */
export const CryptographicUsageMask = {
  Sign: 0x0001,
  Verify: 0x0002,
  Encrypt: 0x0004,
  Decrypt: 0x0008,
  WrapKey: 0x0010,
  UnwrapKey: 0x0020,
  Export: 0x0040,
  MacGenerate: 0x0080,
  MacVerify: 0x0100,
  DeriveKey: 0x0200,
  ContentCommitment: 0x0400,
  KeyAgreement: 0x0800,
  CertificateSign: 0x1000,
  CrlSign: 0x2000,
  GenerateCryptogram: 0x4000,
  ValidateCryptogram: 0x8000,
  TranslateEncrypt: 0x10000,
  TranslateDecrypt: 0x20000,
  TranslateWrap: 0x40000,
  TranslateUnwrap: 0x80000
} as const

/** Bits of the Storage Status Mask (Locate). */
export const StorageStatusMask = {
  OnlineStorage: 0x01,
  ArchivalStorage: 0x02
} as const

// ---------------------------------------------------------------------------------------------------------------
// Display names

export interface KmipEnumInfo {
  /** What the enumeration is called in the spec, e.g. 'Operation'. */
  readonly title: string
  readonly names: ReadonlyMap<number, string>
}

function info<T extends EnumTable>(title: string, table: T, spelling: Partial<Record<keyof T, string>> = {}): KmipEnumInfo {
  const names = new Map<number, string>()
  for (const [key, value] of Object.entries(table)) names.set(value, spelling[key as keyof T] ?? splitIdentifier(key))
  return { title, names }
}

export const OPERATION = info('Operation', Operation, { ReKey: 'Re-key', ReCertify: 'Re-certify', ReKeyKeyPair: 'Re-key Key Pair' })
export const OBJECT_TYPE = info('Object Type', ObjectType)
export const RESULT_STATUS = info('Result Status', ResultStatus)
export const RESULT_REASON = info('Result Reason', ResultReason)
export const STATE = info('State', State, { PreActive: 'Pre-Active' })
export const CRYPTOGRAPHIC_ALGORITHM = info('Cryptographic Algorithm', CryptographicAlgorithm, {
  TripleDES: '3DES',
  HmacSha1: 'HMAC-SHA1',
  HmacSha224: 'HMAC-SHA224',
  HmacSha256: 'HMAC-SHA256',
  HmacSha384: 'HMAC-SHA384',
  HmacSha512: 'HMAC-SHA512',
  HmacMd5: 'HMAC-MD5'
})
export const KEY_FORMAT_TYPE = info('Key Format Type', KeyFormatType, {
  Pkcs1: 'PKCS#1',
  Pkcs8: 'PKCS#8',
  X509: 'X.509',
  ECPrivateKey: 'EC Private Key',
  TransparentDsaPrivateKey: 'Transparent DSA Private Key',
  TransparentDsaPublicKey: 'Transparent DSA Public Key',
  TransparentRsaPrivateKey: 'Transparent RSA Private Key',
  TransparentRsaPublicKey: 'Transparent RSA Public Key',
  TransparentDhPrivateKey: 'Transparent DH Private Key',
  TransparentDhPublicKey: 'Transparent DH Public Key',
  TransparentEcdsaPrivateKey: 'Transparent ECDSA Private Key',
  TransparentEcdsaPublicKey: 'Transparent ECDSA Public Key',
  TransparentEcdhPrivateKey: 'Transparent ECDH Private Key',
  TransparentEcdhPublicKey: 'Transparent ECDH Public Key',
  TransparentEcmqvPrivateKey: 'Transparent ECMQV Private Key',
  TransparentEcmqvPublicKey: 'Transparent ECMQV Public Key'
})
export const KEY_COMPRESSION_TYPE = info('Key Compression Type', KeyCompressionType, {
  EcPublicKeyTypeUncompressed: 'EC Public Key Type Uncompressed',
  EcPublicKeyTypeX962CompressedPrime: 'EC Public Key Type X9.62 Compressed Prime',
  EcPublicKeyTypeX962CompressedChar2: 'EC Public Key Type X9.62 Compressed Char2',
  EcPublicKeyTypeX962Hybrid: 'EC Public Key Type X9.62 Hybrid'
})
export const REVOCATION_REASON_CODE = info('Revocation Reason Code', RevocationReasonCode, { CACompromise: 'CA Compromise' })
export const QUERY_FUNCTION = info('Query Function', QueryFunction)
export const NAME_TYPE = info('Name Type', NameType)
export const CREDENTIAL_TYPE = info('Credential Type', CredentialType, { UsernameAndPassword: 'Username and Password' })
export const BATCH_ERROR_CONTINUATION_OPTION = info('Batch Error Continuation Option', BatchErrorContinuationOption)
export const HASHING_ALGORITHM = info('Hashing Algorithm', HashingAlgorithm, {
  SHA1: 'SHA-1',
  SHA224: 'SHA-224',
  SHA256: 'SHA-256',
  SHA384: 'SHA-384',
  SHA512: 'SHA-512',
  RIPEMD160: 'RIPEMD-160'
})
export const OBJECT_GROUP_MEMBER = info('Object Group Member', ObjectGroupMember)
export const SECRET_DATA_TYPE = info('Secret Data Type', SecretDataType)
export const CERTIFICATE_TYPE = info('Certificate Type', CertificateType, { X509: 'X.509' })
export const LINK_TYPE = info('Link Type', LinkType)
export const BLOCK_CIPHER_MODE = info('Block Cipher Mode', BlockCipherMode, {
  CbcMac: 'CBC-MAC',
  AESKeyWrapPadding: 'AES Key Wrap Padding',
  NISTKeyWrap: 'NIST Key Wrap',
  X9102AESKW: 'X9.102 AESKW',
  X9102TDKW: 'X9.102 TDKW',
  X9102AKW1: 'X9.102 AKW1',
  X9102AKW2: 'X9.102 AKW2'
})
export const PADDING_METHOD = info('Padding Method', PaddingMethod, {
  AnsiX923: 'ANSI X9.23',
  ISO10126: 'ISO 10126',
  Pkcs1V15: 'PKCS1 v1.5',
  X931: 'X9.31'
})
export const ENCODING_OPTION = info('Encoding Option', EncodingOption, { TtlvEncoding: 'TTLV Encoding' })
export const CRYPTOGRAPHIC_USAGE_MASK = info('Cryptographic Usage Mask', CryptographicUsageMask, {
  MacGenerate: 'MAC Generate',
  MacVerify: 'MAC Verify',
  CrlSign: 'CRL Sign'
})
export const STORAGE_STATUS_MASK = info('Storage Status Mask', StorageStatusMask)

export const formatEnumCode = (value: number): string => `0x${value.toString(16).toUpperCase().padStart(2, '0')}`

/** 'Create', or undefined if the value is not in the table. */
export function enumName(table: KmipEnumInfo, value: number): string | undefined {
  return table.names.get(value)
}

/** 'Create (0x01)', 'Unknown (0x99)'. */
export function describeEnum(table: KmipEnumInfo, value: number): string {
  return `${table.names.get(value) ?? 'Unknown'} (${formatEnumCode(value)})`
}

/** 'Encrypt | Decrypt (12)'; bits the table does not know are shown as hex. */
export function describeMask(table: KmipEnumInfo, mask: number): string {
  const parts: string[] = []
  let rest = mask >>> 0
  for (const [bit, name] of table.names) {
    if ((rest & bit) !== 0) {
      parts.push(name)
      rest &= ~bit
    }
  }
  if (rest !== 0) parts.push(`0x${rest.toString(16).toUpperCase()}`)
  return `${parts.length > 0 ? parts.join(' | ') : 'none'} (${mask})`
}

export const operationName = (code: number): string => OPERATION.names.get(code) ?? `Operation ${formatEnumCode(code)}`
export const resultReasonName = (code: number): string => RESULT_REASON.names.get(code) ?? `Reason ${formatEnumCode(code)}`
export const stateName = (code: number): string => STATE.names.get(code) ?? `State ${formatEnumCode(code)}`
