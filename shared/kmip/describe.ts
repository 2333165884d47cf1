// A readable tree of a KMIP message for the lab's inspector: each node names its tag and, for enumerations, the
// value ('Operation: Create (0x01)'), and knows its byte range so the hex view can highlight it on hover.

import { ATTRIBUTE_SPECS } from './attributes'
import {
  BATCH_ERROR_CONTINUATION_OPTION,
  BLOCK_CIPHER_MODE,
  CERTIFICATE_TYPE,
  CREDENTIAL_TYPE,
  CRYPTOGRAPHIC_ALGORITHM,
  CRYPTOGRAPHIC_USAGE_MASK,
  ENCODING_OPTION,
  HASHING_ALGORITHM,
  KEY_COMPRESSION_TYPE,
  KEY_FORMAT_TYPE,
  LINK_TYPE,
  NAME_TYPE,
  OBJECT_GROUP_MEMBER,
  OBJECT_TYPE,
  OPERATION,
  PADDING_METHOD,
  QUERY_FUNCTION,
  RESULT_REASON,
  RESULT_STATUS,
  REVOCATION_REASON_CODE,
  SECRET_DATA_TYPE,
  STATE,
  STORAGE_STATUS_MASK,
  describeEnum,
  describeMask,
  type KmipEnumInfo
} from './enums'
import { Tag, describeTag, formatTag } from './tags'
import { decodeTtlvWithOffsets, type TtlvLimits, type TtlvLocatedItem, type TtlvType } from './ttlv'

export interface TtlvDescription {
  tag: number
  /** '0x42005C' */
  tagHex: string
  /** 'Operation'; 'Extension 0x540001' or 'Unknown 0x4200FF' for tags outside the KMIP 1.1 table. */
  tagName: string
  type: TtlvType
  /** The value for display: 'Create (0x01)', '"x-Vendor"', '2025-04-03T10:22:00Z (1743675720)', '3 fields'. */
  value: string
  /** 'Operation: Create (0x01)' */
  label: string
  /** Where the item starts, and how many bytes it spans (header + value + padding). */
  offset: number
  length: number
  valueLength: number
  children?: TtlvDescription[]
}

const ENUM_BY_TAG: ReadonlyMap<number, KmipEnumInfo> = new Map([
  [Tag.Operation, OPERATION],
  [Tag.ObjectType, OBJECT_TYPE],
  [Tag.ResultStatus, RESULT_STATUS],
  [Tag.ResultReason, RESULT_REASON],
  [Tag.State, STATE],
  [Tag.CryptographicAlgorithm, CRYPTOGRAPHIC_ALGORITHM],
  [Tag.KeyFormatType, KEY_FORMAT_TYPE],
  [Tag.KeyCompressionType, KEY_COMPRESSION_TYPE],
  [Tag.RevocationReasonCode, REVOCATION_REASON_CODE],
  [Tag.QueryFunction, QUERY_FUNCTION],
  [Tag.NameType, NAME_TYPE],
  [Tag.CredentialType, CREDENTIAL_TYPE],
  [Tag.BatchErrorContinuationOption, BATCH_ERROR_CONTINUATION_OPTION],
  [Tag.HashingAlgorithm, HASHING_ALGORITHM],
  [Tag.ObjectGroupMember, OBJECT_GROUP_MEMBER],
  [Tag.SecretDataType, SECRET_DATA_TYPE],
  [Tag.CertificateType, CERTIFICATE_TYPE],
  [Tag.LinkType, LINK_TYPE],
  [Tag.BlockCipherMode, BLOCK_CIPHER_MODE],
  [Tag.PaddingMethod, PADDING_METHOD],
  [Tag.EncodingOption, ENCODING_OPTION]
])

const MASK_BY_TAG: ReadonlyMap<number, KmipEnumInfo> = new Map([
  [Tag.CryptographicUsageMask, CRYPTOGRAPHIC_USAGE_MASK],
  [Tag.StorageStatusMask, STORAGE_STATUS_MASK]
])

const PRINTABLE = /^[\x20-\x7e]+$/

function dateText(seconds: bigint): string {
  const ms = Number(seconds) * 1000
  // Outside the range a JS Date can show, the number alone is the honest display.
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(seconds)
  return `${new Date(ms).toISOString().replace('.000Z', 'Z')} (${seconds})`
}

function bytesText(bytes: Uint8Array): string {
  let hex = ''
  for (const b of bytes) hex += b.toString(16).padStart(2, '0')
  const ascii = String.fromCharCode(...bytes.subarray(0, 64))
  return bytes.length > 0 && bytes.length <= 64 && PRINTABLE.test(ascii) ? `${hex} ("${ascii}")` : hex || '(empty)'
}

/** The enumeration or mask of an Attribute Value depends on its sibling Attribute Name. */
function attributeValueInfo(name: string | undefined): { info?: KmipEnumInfo; mask: boolean } {
  const spec = name === undefined ? undefined : ATTRIBUTE_SPECS.get(name)
  return { info: spec?.enumInfo, mask: spec?.isMask === true }
}

function valueText(item: TtlvLocatedItem, context: { info?: KmipEnumInfo; mask: boolean }): string {
  const v = item.value
  switch (item.type) {
    case 'Structure': {
      const n = (v as TtlvLocatedItem[]).length
      return n === 1 ? '1 field' : `${n} fields`
    }
    case 'Enumeration':
      if (context.info === undefined) return `0x${(v as number).toString(16).toUpperCase().padStart(8, '0')}`
      return describeEnum(context.info, v as number)
    case 'Integer':
      return context.mask && context.info !== undefined ? describeMask(context.info, v as number) : String(v)
    case 'Interval':
      return `${v as number} s`
    case 'LongInteger':
    case 'BigInteger':
      return String(v)
    case 'DateTime':
      return dateText(v as bigint)
    case 'Boolean':
      return v ? 'true' : 'false'
    case 'TextString':
      return JSON.stringify(v)
    case 'ByteString':
      return bytesText(v as Uint8Array)
  }
}

function describeItem(item: TtlvLocatedItem, context: { info?: KmipEnumInfo; mask: boolean }): TtlvDescription {
  const tagName = describeTag(item.tag)
  const value = valueText(item, context)
  const node: TtlvDescription = {
    tag: item.tag,
    tagHex: formatTag(item.tag),
    tagName,
    type: item.type,
    value,
    label: `${tagName}: ${value}`,
    offset: item.offset,
    length: item.length,
    valueLength: item.valueLength
  }
  if (item.type === 'Structure') {
    const children = item.value as TtlvLocatedItem[]
    const attributeName = children.find((c) => c.tag === Tag.AttributeName && c.type === 'TextString')?.value as string | undefined
    node.children = children.map((child) =>
      describeItem(
        child,
        child.tag === Tag.AttributeValue
          ? attributeValueInfo(attributeName)
          : { info: ENUM_BY_TAG.get(child.tag) ?? MASK_BY_TAG.get(child.tag), mask: MASK_BY_TAG.has(child.tag) }
      )
    )
  }
  return node
}

/** Decodes (strictly, with limits) and describes a TTLV message. Throws KmipDecodeError for invalid bytes. */
export function describeTtlv(bytes: Uint8Array, limits?: Partial<TtlvLimits>): TtlvDescription {
  const root = decodeTtlvWithOffsets(bytes, limits)
  return describeItem(root, { info: ENUM_BY_TAG.get(root.tag) ?? MASK_BY_TAG.get(root.tag), mask: MASK_BY_TAG.has(root.tag) })
}
