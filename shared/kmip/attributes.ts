// KMIP 1.1 attributes (§3): in 1.x an attribute travels as Attribute { Attribute Name (text), [Attribute Index],
// Attribute Value }, and the Attribute Value's TTLV type depends on the name (Cryptographic Usage Mask is an
// Integer, Name a Structure, State an Enumeration, dates DateTime). This file knows those types and checks them.

import {
  CERTIFICATE_TYPE,
  CRYPTOGRAPHIC_ALGORITHM,
  CRYPTOGRAPHIC_USAGE_MASK,
  NameType,
  OBJECT_TYPE,
  STATE,
  type KmipEnumInfo
} from './enums'
import { invalidField } from './errors'
import { dateTimeSeconds, StructureReader } from './reader'
import { Tag } from './tags'
import type { TtlvItem, TtlvType } from './ttlv'

/** An Attribute Value. DateTime is POSIX seconds as a number; LongInteger and BigInteger stay bigint. */
export type KmipAttributeValue =
  | { type: 'Integer' | 'Enumeration' | 'Interval'; value: number }
  | { type: 'LongInteger' | 'BigInteger'; value: bigint }
  | { type: 'DateTime'; value: number }
  | { type: 'Boolean'; value: boolean }
  | { type: 'TextString'; value: string }
  | { type: 'ByteString'; value: Uint8Array }
  | { type: 'Structure'; value: TtlvItem[] }

export interface KmipAttribute {
  name: string
  /** Attribute Index; only meaningful for multi-instance attributes. Kept when present so bytes round-trip. */
  index?: number
  value: KmipAttributeValue
}

/** Who may set an attribute, in this lab KMS (following the "set by server / modifiable by client" rows of §3). */
export type AttributeOrigin =
  /** Only the server sets it (Unique Identifier, State, dates of lifecycle events, Digest…). */
  | 'server'
  /** The client chooses it at Create/Register; afterwards it is fixed (algorithm, length, usage mask). */
  | 'creation'
  /** The client may set it at creation and add/modify/delete it later. */
  | 'client'

export interface AttributeSpec {
  readonly name: string
  readonly type: TtlvType
  readonly multiInstance: boolean
  readonly origin: AttributeOrigin
  /** For display: the enumeration (or bit mask) the value belongs to. */
  readonly enumInfo?: KmipEnumInfo
  readonly isMask?: boolean
  /** Extra checks on the value's content (structure fields). */
  readonly check?: (fields: TtlvItem[]) => void
}

function checkName(fields: TtlvItem[]): void {
  const r = new StructureReader(fields, 'Name')
  r.requiredText(Tag.NameValue)
  r.requiredEnum(Tag.NameType)
  r.end()
}

function checkRevocationReason(fields: TtlvItem[]): void {
  const r = new StructureReader(fields, 'Revocation Reason')
  r.requiredEnum(Tag.RevocationReasonCode)
  r.optionalText(Tag.RevocationMessage)
  r.end()
}

function checkDigest(fields: TtlvItem[]): void {
  const r = new StructureReader(fields, 'Digest')
  r.requiredEnum(Tag.HashingAlgorithm)
  r.required(Tag.DigestValue, 'ByteString')
  r.optionalEnum(Tag.KeyFormatType)
  r.end()
}

function checkApplicationSpecificInformation(fields: TtlvItem[]): void {
  const r = new StructureReader(fields, 'Application Specific Information')
  r.requiredText(Tag.ApplicationNamespace)
  r.requiredText(Tag.ApplicationData)
  r.end()
}

function checkLink(fields: TtlvItem[]): void {
  const r = new StructureReader(fields, 'Link')
  r.requiredEnum(Tag.LinkType)
  r.requiredText(Tag.LinkedObjectIdentifier)
  r.end()
}

function checkCryptographicParameters(fields: TtlvItem[]): void {
  const r = new StructureReader(fields, 'Cryptographic Parameters')
  r.optionalEnum(Tag.BlockCipherMode)
  r.optionalEnum(Tag.PaddingMethod)
  r.optionalEnum(Tag.HashingAlgorithm)
  r.optionalEnum(Tag.KeyRoleType)
  r.end()
}

const spec = (
  name: string,
  type: TtlvType,
  origin: AttributeOrigin,
  extra: Partial<Pick<AttributeSpec, 'multiInstance' | 'enumInfo' | 'isMask' | 'check'>> = {}
): AttributeSpec => ({ name, type, origin, multiInstance: false, ...extra })

export const ATTRIBUTE_SPECS: ReadonlyMap<string, AttributeSpec> = new Map(
  [
    spec('Unique Identifier', 'TextString', 'server'),
    spec('Name', 'Structure', 'client', { multiInstance: true, check: checkName }),
    spec('Object Type', 'Enumeration', 'server', { enumInfo: OBJECT_TYPE }),
    spec('Cryptographic Algorithm', 'Enumeration', 'creation', { enumInfo: CRYPTOGRAPHIC_ALGORITHM }),
    spec('Cryptographic Length', 'Integer', 'creation'),
    spec('Cryptographic Parameters', 'Structure', 'client', { multiInstance: true, check: checkCryptographicParameters }),
    spec('Cryptographic Domain Parameters', 'Structure', 'creation'),
    spec('Certificate Type', 'Enumeration', 'server', { enumInfo: CERTIFICATE_TYPE }),
    spec('Certificate Length', 'Integer', 'server'),
    spec('X.509 Certificate Identifier', 'Structure', 'server'),
    spec('X.509 Certificate Subject', 'Structure', 'server'),
    spec('X.509 Certificate Issuer', 'Structure', 'server'),
    spec('Certificate Identifier', 'Structure', 'server'),
    spec('Certificate Subject', 'Structure', 'server'),
    spec('Certificate Issuer', 'Structure', 'server'),
    spec('Digital Signature Algorithm', 'Enumeration', 'server', { multiInstance: true }),
    spec('Digest', 'Structure', 'server', { multiInstance: true, check: checkDigest }),
    spec('Operation Policy Name', 'TextString', 'client'),
    spec('Cryptographic Usage Mask', 'Integer', 'creation', { enumInfo: CRYPTOGRAPHIC_USAGE_MASK, isMask: true }),
    spec('Lease Time', 'Interval', 'server'),
    spec('Usage Limits', 'Structure', 'server'),
    spec('State', 'Enumeration', 'server', { enumInfo: STATE }),
    spec('Initial Date', 'DateTime', 'server'),
    spec('Activation Date', 'DateTime', 'client'),
    spec('Process Start Date', 'DateTime', 'client'),
    spec('Protect Stop Date', 'DateTime', 'client'),
    spec('Deactivation Date', 'DateTime', 'client'),
    spec('Destroy Date', 'DateTime', 'server'),
    spec('Compromise Occurrence Date', 'DateTime', 'server'),
    spec('Compromise Date', 'DateTime', 'server'),
    spec('Revocation Reason', 'Structure', 'server', { check: checkRevocationReason }),
    spec('Archive Date', 'DateTime', 'server'),
    spec('Object Group', 'TextString', 'client', { multiInstance: true }),
    spec('Fresh', 'Boolean', 'server'),
    spec('Link', 'Structure', 'client', { multiInstance: true, check: checkLink }),
    spec('Application Specific Information', 'Structure', 'client', {
      multiInstance: true,
      check: checkApplicationSpecificInformation
    }),
    spec('Contact Information', 'TextString', 'client'),
    spec('Last Change Date', 'DateTime', 'server')
  ].map((s) => [s.name, s])
)

/** 'x-' attributes belong to clients, 'y-' attributes to the server (KMIP 1.1 §3.39 Custom Attribute). */
export const isClientCustomAttribute = (name: string): boolean => name.startsWith('x-')
export const isServerCustomAttribute = (name: string): boolean => name.startsWith('y-')
export const isCustomAttribute = (name: string): boolean => isClientCustomAttribute(name) || isServerCustomAttribute(name)

// ---------------------------------------------------------------------------------------------------------------
// TTLV conversion

export function attributeValueToTtlv(value: KmipAttributeValue, tag: number = Tag.AttributeValue): TtlvItem {
  return { tag, type: value.type, value: value.value }
}

/** Any TTLV item as an attribute value (DateTime becomes seconds; out-of-range dates are an Invalid Field). */
export function attributeValueFromTtlv(item: TtlvItem): KmipAttributeValue {
  switch (item.type) {
    case 'DateTime':
      return { type: 'DateTime', value: dateTimeSeconds(item) }
    case 'LongInteger':
    case 'BigInteger':
      return { type: item.type, value: item.value as bigint }
    case 'Integer':
    case 'Enumeration':
    case 'Interval':
      return { type: item.type, value: item.value as number }
    case 'Boolean':
      return { type: 'Boolean', value: item.value as boolean }
    case 'TextString':
      return { type: 'TextString', value: item.value as string }
    case 'ByteString':
      return { type: 'ByteString', value: item.value as Uint8Array }
    case 'Structure':
      return { type: 'Structure', value: item.value as TtlvItem[] }
  }
}

/** Checks that a value has the type its attribute name requires (custom and unknown names take any type). */
export function checkAttributeValue(name: string, value: KmipAttributeValue): void {
  const known = ATTRIBUTE_SPECS.get(name)
  if (known === undefined) return
  if (value.type !== known.type) throw invalidField(`the value of '${name}' must be ${known.type}, got ${value.type}`)
  if (known.check !== undefined) known.check(value.value as TtlvItem[])
}

export function attributeToTtlv(attribute: KmipAttribute): TtlvItem {
  const fields: TtlvItem[] = [{ tag: Tag.AttributeName, type: 'TextString', value: attribute.name }]
  if (attribute.index !== undefined) fields.push({ tag: Tag.AttributeIndex, type: 'Integer', value: attribute.index })
  fields.push(attributeValueToTtlv(attribute.value))
  return { tag: Tag.Attribute, type: 'Structure', value: fields }
}

/** Reads an Attribute structure and checks the value's type against the attribute name. */
export function attributeFromTtlv(item: TtlvItem): KmipAttribute {
  if (item.tag !== Tag.Attribute || item.type !== 'Structure') throw invalidField('expected an Attribute structure')
  const r = new StructureReader(item.value as TtlvItem[], 'Attribute')
  const name = r.requiredText(Tag.AttributeName)
  const index = r.optionalInteger(Tag.AttributeIndex)
  const raw = r.next()
  if (raw === undefined) throw invalidField(`Attribute '${name}' lacks its Attribute Value`)
  if (raw.tag !== Tag.AttributeValue) throw invalidField(`Attribute '${name}' has an unexpected field instead of its value`)
  r.end()
  if (index !== undefined && index < 0) throw invalidField(`Attribute Index of '${name}' must not be negative`)
  const value = attributeValueFromTtlv(raw)
  checkAttributeValue(name, value)
  return index === undefined ? { name, value } : { name, index, value }
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing and building

function ttlvEqual(a: TtlvItem, b: TtlvItem): boolean {
  return a.tag === b.tag && a.type === b.type && valuesEqual(a.value, b.value)
}

function valuesEqual(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((byte, i) => byte === b[i])
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => ttlvEqual(item as TtlvItem, b[i] as TtlvItem))
  }
  return a === b
}

export function attributeValuesEqual(a: KmipAttributeValue, b: KmipAttributeValue): boolean {
  return a.type === b.type && valuesEqual(a.value, b.value)
}

export const textValue = (value: string): KmipAttributeValue => ({ type: 'TextString', value })
export const integerValue = (value: number): KmipAttributeValue => ({ type: 'Integer', value })
export const enumValue = (value: number): KmipAttributeValue => ({ type: 'Enumeration', value })
export const dateValue = (seconds: number): KmipAttributeValue => ({ type: 'DateTime', value: seconds })

export function nameValue(text: string, nameType: number = NameType.UninterpretedTextString): KmipAttributeValue {
  return {
    type: 'Structure',
    value: [
      { tag: Tag.NameValue, type: 'TextString', value: text },
      { tag: Tag.NameType, type: 'Enumeration', value: nameType }
    ]
  }
}

/** The text and type of a Name value, or undefined if the value is not a well-formed Name. */
export function readName(value: KmipAttributeValue): { text: string; nameType: number } | undefined {
  if (value.type !== 'Structure' || value.value.length !== 2) return undefined
  const [text, type] = value.value
  if (text.tag !== Tag.NameValue || text.type !== 'TextString') return undefined
  if (type.tag !== Tag.NameType || type.type !== 'Enumeration') return undefined
  return { text: text.value as string, nameType: type.value as number }
}

/** Builders for the attributes clients send most. */
export const attribute = {
  name: (text: string, nameType?: number): KmipAttribute => ({ name: 'Name', value: nameValue(text, nameType) }),
  cryptographicAlgorithm: (code: number): KmipAttribute => ({ name: 'Cryptographic Algorithm', value: enumValue(code) }),
  cryptographicLength: (bits: number): KmipAttribute => ({ name: 'Cryptographic Length', value: integerValue(bits) }),
  cryptographicUsageMask: (mask: number): KmipAttribute => ({ name: 'Cryptographic Usage Mask', value: integerValue(mask) }),
  activationDate: (seconds: number): KmipAttribute => ({ name: 'Activation Date', value: dateValue(seconds) }),
  deactivationDate: (seconds: number): KmipAttribute => ({ name: 'Deactivation Date', value: dateValue(seconds) }),
  contactInformation: (text: string): KmipAttribute => ({ name: 'Contact Information', value: textValue(text) }),
  objectType: (code: number): KmipAttribute => ({ name: 'Object Type', value: enumValue(code) }),
  state: (code: number): KmipAttribute => ({ name: 'State', value: enumValue(code) }),
  uniqueIdentifier: (uid: string): KmipAttribute => ({ name: 'Unique Identifier', value: textValue(uid) }),
  /** A custom text attribute such as x-Vendor. */
  text: (name: string, text: string): KmipAttribute => ({ name, value: textValue(text) })
}
