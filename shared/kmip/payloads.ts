// Typed KMIP 1.1 request and response payloads (§4) for the operations the lab speaks, and their TTLV codecs.
// Decoders throw KmipResultError (Invalid Field / Missing Data), which the server reports for that batch item.
// Every codec writes fields in spec order and keeps optional fields optional, so decode → encode is byte-exact.

import { attributeFromTtlv, attributeToTtlv, type KmipAttribute } from './attributes'
import { invalidField, missingData } from './errors'
import {
  PAYLOAD_REASONS,
  StructureReader,
  expectStructure
} from './reader'
import {
  dateTime,
  enumeration,
  integer,
  maybe,
  protocolVersionFromTtlv,
  protocolVersionToTtlv,
  structure,
  text,
  type ProtocolVersion
} from './messages'
import { Tag } from './tags'
import type { TtlvItem } from './ttlv'

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces

/** A Name inside a Template-Attribute refers to a registered Template (not the object's own name). */
export interface TemplateReference {
  text: string
  nameType: number
}

export interface TemplateAttribute {
  templateNames: TemplateReference[]
  attributes: KmipAttribute[]
}

export interface KeyValue {
  /** Raw key bytes, or the fields of a structured format (Transparent Symmetric Key: { Key }). */
  keyMaterial: Uint8Array | TtlvItem[]
  attributes: KmipAttribute[]
}

export interface KeyBlock {
  keyFormatType: number
  keyCompressionType?: number
  /** A wrapped key travels as a ByteString instead of a Key Value structure. */
  keyValue: KeyValue | Uint8Array
  cryptographicAlgorithm?: number
  cryptographicLength?: number
  keyWrappingData?: TtlvItem
}

/** The object in Register requests and Get responses. Only symmetric keys are typed; others are kept as sent. */
export type ObjectPayload = { kind: 'SymmetricKey'; keyBlock: KeyBlock } | { kind: 'Other'; item: TtlvItem }

const OBJECT_TAGS: ReadonlySet<number> = new Set([
  Tag.Certificate,
  Tag.SymmetricKey,
  Tag.PublicKey,
  Tag.PrivateKey,
  Tag.SplitKey,
  Tag.Template,
  Tag.SecretData,
  Tag.OpaqueObject
])

const request = (children: (TtlvItem | undefined)[]): TtlvItem => structure(Tag.RequestPayload, children)
const response = (children: (TtlvItem | undefined)[]): TtlvItem => structure(Tag.ResponsePayload, children)

function reader(item: TtlvItem, tag: number, where: string): StructureReader {
  return new StructureReader(expectStructure(item, tag, PAYLOAD_REASONS), where)
}

const requestReader = (item: TtlvItem, operation: string): StructureReader =>
  reader(item, Tag.RequestPayload, `${operation} request payload`)
const responseReader = (item: TtlvItem, operation: string): StructureReader =>
  reader(item, Tag.ResponsePayload, `${operation} response payload`)

export function templateAttributeToTtlv(template: TemplateAttribute): TtlvItem {
  return structure(Tag.TemplateAttribute, [
    ...template.templateNames.map((n) =>
      structure(Tag.Name, [text(Tag.NameValue, n.text), enumeration(Tag.NameType, n.nameType)])
    ),
    ...template.attributes.map(attributeToTtlv)
  ])
}

export function templateAttributeFromTtlv(fields: TtlvItem[]): TemplateAttribute {
  const r = new StructureReader(fields, 'Template-Attribute')
  const templateNames = r.many(Tag.Name, 'Structure').map((item) => {
    const n = new StructureReader(item.value as TtlvItem[], 'Name')
    const ref = { text: n.requiredText(Tag.NameValue), nameType: n.requiredEnum(Tag.NameType) }
    n.end()
    return ref
  })
  const attributes = r.many(Tag.Attribute, 'Structure').map(attributeFromTtlv)
  r.end()
  return { templateNames, attributes }
}

export function keyBlockToTtlv(block: KeyBlock): TtlvItem {
  const keyValue =
    block.keyValue instanceof Uint8Array
      ? { tag: Tag.KeyValue, type: 'ByteString' as const, value: block.keyValue }
      : structure(Tag.KeyValue, [
          block.keyValue.keyMaterial instanceof Uint8Array
            ? { tag: Tag.KeyMaterial, type: 'ByteString', value: block.keyValue.keyMaterial }
            : structure(Tag.KeyMaterial, block.keyValue.keyMaterial),
          ...block.keyValue.attributes.map(attributeToTtlv)
        ])
  return structure(Tag.KeyBlock, [
    enumeration(Tag.KeyFormatType, block.keyFormatType),
    maybe(block.keyCompressionType, (v) => enumeration(Tag.KeyCompressionType, v)),
    keyValue,
    maybe(block.cryptographicAlgorithm, (v) => enumeration(Tag.CryptographicAlgorithm, v)),
    maybe(block.cryptographicLength, (v) => integer(Tag.CryptographicLength, v)),
    block.keyWrappingData
  ])
}

export function keyBlockFromTtlv(fields: TtlvItem[]): KeyBlock {
  const r = new StructureReader(fields, 'Key Block')
  const keyFormatType = r.requiredEnum(Tag.KeyFormatType)
  const keyCompressionType = r.optionalEnum(Tag.KeyCompressionType)
  let keyValue: KeyValue | Uint8Array
  const next = r.peek(Tag.KeyValue) ? r.next() : undefined
  if (next === undefined) throw missingData('Key Block lacks its Key Value')
  if (next.type === 'ByteString') {
    keyValue = next.value as Uint8Array
  } else {
    if (next.type !== 'Structure') throw invalidField(`Key Value must be a Structure or a ByteString, got ${next.type}`)
    const v = new StructureReader(next.value as TtlvItem[], 'Key Value')
    const material = v.next()
    if (material === undefined || material.tag !== Tag.KeyMaterial) throw missingData('Key Value lacks Key Material')
    if (material.type !== 'ByteString' && material.type !== 'Structure') {
      throw invalidField(`Key Material must be a ByteString or a Structure, got ${material.type}`)
    }
    const attributes = v.many(Tag.Attribute, 'Structure').map(attributeFromTtlv)
    v.end()
    keyValue = { keyMaterial: material.value as Uint8Array | TtlvItem[], attributes }
  }
  const block: KeyBlock = { keyFormatType, keyValue }
  if (keyCompressionType !== undefined) block.keyCompressionType = keyCompressionType
  const algorithm = r.optionalEnum(Tag.CryptographicAlgorithm)
  if (algorithm !== undefined) block.cryptographicAlgorithm = algorithm
  const length = r.optionalInteger(Tag.CryptographicLength)
  if (length !== undefined) block.cryptographicLength = length
  const wrapping = r.optional(Tag.KeyWrappingData, 'Structure')
  if (wrapping !== undefined) block.keyWrappingData = wrapping
  r.end()
  return block
}

function objectToTtlv(object: ObjectPayload): TtlvItem {
  return object.kind === 'SymmetricKey' ? structure(Tag.SymmetricKey, [keyBlockToTtlv(object.keyBlock)]) : object.item
}

function readObject(r: StructureReader, where: string): ObjectPayload {
  const item = r.next()
  if (item === undefined || !OBJECT_TAGS.has(item.tag)) throw missingData(`${where} lacks the managed object`)
  if (item.type !== 'Structure') throw invalidField(`the managed object in ${where} must be a Structure`)
  if (item.tag !== Tag.SymmetricKey) return { kind: 'Other', item }
  const s = new StructureReader(item.value as TtlvItem[], 'Symmetric Key')
  const keyBlock = keyBlockFromTtlv(s.requiredStructure(Tag.KeyBlock))
  s.end()
  return { kind: 'SymmetricKey', keyBlock }
}

const uidItem = (uid: string | undefined): TtlvItem | undefined => maybe(uid, (v) => text(Tag.UniqueIdentifier, v))

// ---------------------------------------------------------------------------------------------------------------
// Discover Versions

export interface DiscoverVersionsPayload {
  versions: ProtocolVersion[]
}

function versionsToTtlv(tag: number, p: DiscoverVersionsPayload): TtlvItem {
  return structure(tag, p.versions.map(protocolVersionToTtlv))
}

function versionsFromTtlv(r: StructureReader): DiscoverVersionsPayload {
  const versions = r.many(Tag.ProtocolVersion, 'Structure').map((v) => protocolVersionFromTtlv(v.value as TtlvItem[], PAYLOAD_REASONS))
  r.end()
  return { versions }
}

export const discoverVersionsPayload = {
  encodeRequest: (p: DiscoverVersionsPayload): TtlvItem => versionsToTtlv(Tag.RequestPayload, p),
  decodeRequest: (item: TtlvItem): DiscoverVersionsPayload => versionsFromTtlv(requestReader(item, 'Discover Versions')),
  encodeResponse: (p: DiscoverVersionsPayload): TtlvItem => versionsToTtlv(Tag.ResponsePayload, p),
  decodeResponse: (item: TtlvItem): DiscoverVersionsPayload => versionsFromTtlv(responseReader(item, 'Discover Versions'))
}

// ---------------------------------------------------------------------------------------------------------------
// Query

export interface QueryRequestPayload {
  queryFunctions: number[]
}

export interface QueryResponsePayload {
  operations: number[]
  objectTypes: number[]
  vendorIdentification?: string
  /** Server Information is vendor-defined: its fields are kept as sent. */
  serverInformation?: TtlvItem[]
  applicationNamespaces: string[]
  extensionInformation: TtlvItem[]
}

export const queryPayload = {
  encodeRequest: (p: QueryRequestPayload): TtlvItem =>
    request(p.queryFunctions.map((f) => enumeration(Tag.QueryFunction, f))),
  decodeRequest: (item: TtlvItem): QueryRequestPayload => {
    const r = requestReader(item, 'Query')
    const queryFunctions = r.many(Tag.QueryFunction, 'Enumeration').map((i) => i.value as number)
    r.end()
    return { queryFunctions }
  },
  encodeResponse: (p: QueryResponsePayload): TtlvItem =>
    response([
      ...p.operations.map((o) => enumeration(Tag.Operation, o)),
      ...p.objectTypes.map((o) => enumeration(Tag.ObjectType, o)),
      maybe(p.vendorIdentification, (v) => text(Tag.VendorIdentification, v)),
      maybe(p.serverInformation, (v) => structure(Tag.ServerInformation, v)),
      ...p.applicationNamespaces.map((n) => text(Tag.ApplicationNamespace, n)),
      ...p.extensionInformation
    ]),
  decodeResponse: (item: TtlvItem): QueryResponsePayload => {
    const r = responseReader(item, 'Query')
    const out: QueryResponsePayload = {
      operations: r.many(Tag.Operation, 'Enumeration').map((i) => i.value as number),
      objectTypes: r.many(Tag.ObjectType, 'Enumeration').map((i) => i.value as number),
      applicationNamespaces: [],
      extensionInformation: []
    }
    const vendor = r.optionalText(Tag.VendorIdentification)
    if (vendor !== undefined) out.vendorIdentification = vendor
    const info = r.optionalStructure(Tag.ServerInformation)
    if (info !== undefined) out.serverInformation = info
    out.applicationNamespaces = r.many(Tag.ApplicationNamespace, 'TextString').map((i) => i.value as string)
    out.extensionInformation = r.many(Tag.ExtensionInformation, 'Structure')
    r.end()
    return out
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Create, Register

export interface CreateRequestPayload {
  objectType: number
  templateAttribute: TemplateAttribute
}

export interface CreateResponsePayload {
  objectType: number
  uniqueIdentifier: string
  /** Attributes the server set or changed implicitly (optional; this server leaves it out, like PyKMIP). */
  templateAttribute?: TemplateAttribute
}

export const createPayload = {
  encodeRequest: (p: CreateRequestPayload): TtlvItem =>
    request([enumeration(Tag.ObjectType, p.objectType), templateAttributeToTtlv(p.templateAttribute)]),
  decodeRequest: (item: TtlvItem): CreateRequestPayload => {
    const r = requestReader(item, 'Create')
    const objectType = r.requiredEnum(Tag.ObjectType)
    const templateAttribute = templateAttributeFromTtlv(r.requiredStructure(Tag.TemplateAttribute))
    r.end()
    return { objectType, templateAttribute }
  },
  encodeResponse: (p: CreateResponsePayload): TtlvItem =>
    response([
      enumeration(Tag.ObjectType, p.objectType),
      text(Tag.UniqueIdentifier, p.uniqueIdentifier),
      maybe(p.templateAttribute, templateAttributeToTtlv)
    ]),
  decodeResponse: (item: TtlvItem): CreateResponsePayload => {
    const r = responseReader(item, 'Create')
    const out: CreateResponsePayload = {
      objectType: r.requiredEnum(Tag.ObjectType),
      uniqueIdentifier: r.requiredText(Tag.UniqueIdentifier)
    }
    const template = r.optionalStructure(Tag.TemplateAttribute)
    if (template !== undefined) out.templateAttribute = templateAttributeFromTtlv(template)
    r.end()
    return out
  }
}

export interface RegisterRequestPayload {
  objectType: number
  templateAttribute: TemplateAttribute
  object: ObjectPayload
}

export interface RegisterResponsePayload {
  uniqueIdentifier: string
  templateAttribute?: TemplateAttribute
}

export const registerPayload = {
  encodeRequest: (p: RegisterRequestPayload): TtlvItem =>
    request([enumeration(Tag.ObjectType, p.objectType), templateAttributeToTtlv(p.templateAttribute), objectToTtlv(p.object)]),
  decodeRequest: (item: TtlvItem): RegisterRequestPayload => {
    const r = requestReader(item, 'Register')
    const objectType = r.requiredEnum(Tag.ObjectType)
    const templateAttribute = templateAttributeFromTtlv(r.requiredStructure(Tag.TemplateAttribute))
    const object = readObject(r, 'Register request payload')
    r.end()
    return { objectType, templateAttribute, object }
  },
  encodeResponse: (p: RegisterResponsePayload): TtlvItem =>
    response([text(Tag.UniqueIdentifier, p.uniqueIdentifier), maybe(p.templateAttribute, templateAttributeToTtlv)]),
  decodeResponse: (item: TtlvItem): RegisterResponsePayload => {
    const r = responseReader(item, 'Register')
    const out: RegisterResponsePayload = { uniqueIdentifier: r.requiredText(Tag.UniqueIdentifier) }
    const template = r.optionalStructure(Tag.TemplateAttribute)
    if (template !== undefined) out.templateAttribute = templateAttributeFromTtlv(template)
    r.end()
    return out
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Locate

export interface LocateRequestPayload {
  maximumItems?: number
  storageStatusMask?: number
  objectGroupMember?: number
  attributes: KmipAttribute[]
}

export interface LocateResponsePayload {
  uniqueIdentifiers: string[]
}

export const locatePayload = {
  encodeRequest: (p: LocateRequestPayload): TtlvItem =>
    request([
      maybe(p.maximumItems, (v) => integer(Tag.MaximumItems, v)),
      maybe(p.storageStatusMask, (v) => integer(Tag.StorageStatusMask, v)),
      maybe(p.objectGroupMember, (v) => enumeration(Tag.ObjectGroupMember, v)),
      ...p.attributes.map(attributeToTtlv)
    ]),
  decodeRequest: (item: TtlvItem): LocateRequestPayload => {
    const r = requestReader(item, 'Locate')
    const out: LocateRequestPayload = { attributes: [] }
    const maximumItems = r.optionalInteger(Tag.MaximumItems)
    if (maximumItems !== undefined) out.maximumItems = maximumItems
    const storageStatusMask = r.optionalInteger(Tag.StorageStatusMask)
    if (storageStatusMask !== undefined) out.storageStatusMask = storageStatusMask
    const objectGroupMember = r.optionalEnum(Tag.ObjectGroupMember)
    if (objectGroupMember !== undefined) out.objectGroupMember = objectGroupMember
    out.attributes = r.many(Tag.Attribute, 'Structure').map(attributeFromTtlv)
    r.end()
    return out
  },
  encodeResponse: (p: LocateResponsePayload): TtlvItem =>
    response(p.uniqueIdentifiers.map((uid) => text(Tag.UniqueIdentifier, uid))),
  decodeResponse: (item: TtlvItem): LocateResponsePayload => {
    const r = responseReader(item, 'Locate')
    const uniqueIdentifiers = r.many(Tag.UniqueIdentifier, 'TextString').map((i) => i.value as string)
    r.end()
    return { uniqueIdentifiers }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Get

export interface GetRequestPayload {
  /** Absent: the ID Placeholder (the result of the previous batch item). */
  uniqueIdentifier?: string
  keyFormatType?: number
  keyCompressionType?: number
  keyWrappingSpecification?: TtlvItem
}

export interface GetResponsePayload {
  objectType: number
  uniqueIdentifier: string
  object: ObjectPayload
}

export const getPayload = {
  encodeRequest: (p: GetRequestPayload): TtlvItem =>
    request([
      uidItem(p.uniqueIdentifier),
      maybe(p.keyFormatType, (v) => enumeration(Tag.KeyFormatType, v)),
      maybe(p.keyCompressionType, (v) => enumeration(Tag.KeyCompressionType, v)),
      p.keyWrappingSpecification
    ]),
  decodeRequest: (item: TtlvItem): GetRequestPayload => {
    const r = requestReader(item, 'Get')
    const out: GetRequestPayload = {}
    const uid = r.optionalText(Tag.UniqueIdentifier)
    if (uid !== undefined) out.uniqueIdentifier = uid
    const format = r.optionalEnum(Tag.KeyFormatType)
    if (format !== undefined) out.keyFormatType = format
    const compression = r.optionalEnum(Tag.KeyCompressionType)
    if (compression !== undefined) out.keyCompressionType = compression
    const wrapping = r.optional(Tag.KeyWrappingSpecification, 'Structure')
    if (wrapping !== undefined) out.keyWrappingSpecification = wrapping
    r.end()
    return out
  },
  encodeResponse: (p: GetResponsePayload): TtlvItem =>
    response([enumeration(Tag.ObjectType, p.objectType), text(Tag.UniqueIdentifier, p.uniqueIdentifier), objectToTtlv(p.object)]),
  decodeResponse: (item: TtlvItem): GetResponsePayload => {
    const r = responseReader(item, 'Get')
    const objectType = r.requiredEnum(Tag.ObjectType)
    const uniqueIdentifier = r.requiredText(Tag.UniqueIdentifier)
    const object = readObject(r, 'Get response payload')
    r.end()
    return { objectType, uniqueIdentifier, object }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Get Attributes, Get Attribute List

export interface GetAttributesRequestPayload {
  uniqueIdentifier?: string
  /** Empty: all attributes. */
  attributeNames: string[]
}

export interface GetAttributesResponsePayload {
  uniqueIdentifier: string
  attributes: KmipAttribute[]
}

export const getAttributesPayload = {
  encodeRequest: (p: GetAttributesRequestPayload): TtlvItem =>
    request([uidItem(p.uniqueIdentifier), ...p.attributeNames.map((n) => text(Tag.AttributeName, n))]),
  decodeRequest: (item: TtlvItem): GetAttributesRequestPayload => {
    const r = requestReader(item, 'Get Attributes')
    const uid = r.optionalText(Tag.UniqueIdentifier)
    const attributeNames = r.many(Tag.AttributeName, 'TextString').map((i) => i.value as string)
    r.end()
    return uid === undefined ? { attributeNames } : { uniqueIdentifier: uid, attributeNames }
  },
  encodeResponse: (p: GetAttributesResponsePayload): TtlvItem =>
    response([text(Tag.UniqueIdentifier, p.uniqueIdentifier), ...p.attributes.map(attributeToTtlv)]),
  decodeResponse: (item: TtlvItem): GetAttributesResponsePayload => {
    const r = responseReader(item, 'Get Attributes')
    const uniqueIdentifier = r.requiredText(Tag.UniqueIdentifier)
    const attributes = r.many(Tag.Attribute, 'Structure').map(attributeFromTtlv)
    r.end()
    return { uniqueIdentifier, attributes }
  }
}

export interface GetAttributeListResponsePayload {
  uniqueIdentifier: string
  attributeNames: string[]
}

export const getAttributeListPayload = {
  encodeRequest: (p: UidRequestPayload): TtlvItem => uidRequest(p),
  decodeRequest: (item: TtlvItem): UidRequestPayload => uidRequestFrom(item, 'Get Attribute List'),
  encodeResponse: (p: GetAttributeListResponsePayload): TtlvItem =>
    response([text(Tag.UniqueIdentifier, p.uniqueIdentifier), ...p.attributeNames.map((n) => text(Tag.AttributeName, n))]),
  decodeResponse: (item: TtlvItem): GetAttributeListResponsePayload => {
    const r = responseReader(item, 'Get Attribute List')
    const uniqueIdentifier = r.requiredText(Tag.UniqueIdentifier)
    const attributeNames = r.many(Tag.AttributeName, 'TextString').map((i) => i.value as string)
    r.end()
    return { uniqueIdentifier, attributeNames }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Add / Modify / Delete Attribute

export interface AttributeRequestPayload {
  uniqueIdentifier?: string
  attribute: KmipAttribute
}

export interface AttributeResponsePayload {
  uniqueIdentifier: string
  attribute: KmipAttribute
}

function attributeRequestCodec(operation: string) {
  return {
    encodeRequest: (p: AttributeRequestPayload): TtlvItem => request([uidItem(p.uniqueIdentifier), attributeToTtlv(p.attribute)]),
    decodeRequest: (item: TtlvItem): AttributeRequestPayload => {
      const r = requestReader(item, operation)
      const uid = r.optionalText(Tag.UniqueIdentifier)
      const attribute = attributeFromTtlv(r.required(Tag.Attribute, 'Structure'))
      r.end()
      return uid === undefined ? { attribute } : { uniqueIdentifier: uid, attribute }
    },
    encodeResponse: (p: AttributeResponsePayload): TtlvItem =>
      response([text(Tag.UniqueIdentifier, p.uniqueIdentifier), attributeToTtlv(p.attribute)]),
    decodeResponse: (item: TtlvItem): AttributeResponsePayload => {
      const r = responseReader(item, operation)
      const uniqueIdentifier = r.requiredText(Tag.UniqueIdentifier)
      const attribute = attributeFromTtlv(r.required(Tag.Attribute, 'Structure'))
      r.end()
      return { uniqueIdentifier, attribute }
    }
  }
}

export const addAttributePayload = attributeRequestCodec('Add Attribute')
export const modifyAttributePayload = attributeRequestCodec('Modify Attribute')

export interface DeleteAttributeRequestPayload {
  uniqueIdentifier?: string
  attributeName: string
  attributeIndex?: number
}

export const deleteAttributePayload = {
  encodeRequest: (p: DeleteAttributeRequestPayload): TtlvItem =>
    request([
      uidItem(p.uniqueIdentifier),
      text(Tag.AttributeName, p.attributeName),
      maybe(p.attributeIndex, (v) => integer(Tag.AttributeIndex, v))
    ]),
  decodeRequest: (item: TtlvItem): DeleteAttributeRequestPayload => {
    const r = requestReader(item, 'Delete Attribute')
    const uid = r.optionalText(Tag.UniqueIdentifier)
    const out: DeleteAttributeRequestPayload = { attributeName: r.requiredText(Tag.AttributeName) }
    if (uid !== undefined) out.uniqueIdentifier = uid
    const index = r.optionalInteger(Tag.AttributeIndex)
    if (index !== undefined) out.attributeIndex = index
    r.end()
    return out
  },
  encodeResponse: addAttributePayload.encodeResponse,
  decodeResponse: (item: TtlvItem): AttributeResponsePayload => attributeRequestCodec('Delete Attribute').decodeResponse(item)
}

// ---------------------------------------------------------------------------------------------------------------
// Activate, Destroy (and the Unique Identifier-only payloads)

export interface UidRequestPayload {
  uniqueIdentifier?: string
}

export interface UidResponsePayload {
  uniqueIdentifier: string
}

function uidRequest(p: UidRequestPayload): TtlvItem {
  return request([uidItem(p.uniqueIdentifier)])
}

function uidRequestFrom(item: TtlvItem, operation: string): UidRequestPayload {
  const r = requestReader(item, operation)
  const uid = r.optionalText(Tag.UniqueIdentifier)
  r.end()
  return uid === undefined ? {} : { uniqueIdentifier: uid }
}

function uidResponseCodec(operation: string) {
  return {
    encodeResponse: (p: UidResponsePayload): TtlvItem => response([text(Tag.UniqueIdentifier, p.uniqueIdentifier)]),
    decodeResponse: (item: TtlvItem): UidResponsePayload => {
      const r = responseReader(item, operation)
      const uniqueIdentifier = r.requiredText(Tag.UniqueIdentifier)
      r.end()
      return { uniqueIdentifier }
    }
  }
}

export const activatePayload = {
  encodeRequest: uidRequest,
  decodeRequest: (item: TtlvItem): UidRequestPayload => uidRequestFrom(item, 'Activate'),
  ...uidResponseCodec('Activate')
}

export const destroyPayload = {
  encodeRequest: uidRequest,
  decodeRequest: (item: TtlvItem): UidRequestPayload => uidRequestFrom(item, 'Destroy'),
  ...uidResponseCodec('Destroy')
}

// ---------------------------------------------------------------------------------------------------------------
// Revoke

export interface RevocationReason {
  code: number
  message?: string
}

export interface RevokeRequestPayload {
  uniqueIdentifier?: string
  revocationReason: RevocationReason
  /** POSIX seconds; required with Key Compromise and CA Compromise. */
  compromiseOccurrenceDate?: number
}

export function revocationReasonToTtlv(reason: RevocationReason): TtlvItem {
  return structure(Tag.RevocationReason, [
    enumeration(Tag.RevocationReasonCode, reason.code),
    maybe(reason.message, (v) => text(Tag.RevocationMessage, v))
  ])
}

export const revokePayload = {
  encodeRequest: (p: RevokeRequestPayload): TtlvItem =>
    request([
      uidItem(p.uniqueIdentifier),
      revocationReasonToTtlv(p.revocationReason),
      maybe(p.compromiseOccurrenceDate, (v) => dateTime(Tag.CompromiseOccurrenceDate, v))
    ]),
  decodeRequest: (item: TtlvItem): RevokeRequestPayload => {
    const r = requestReader(item, 'Revoke')
    const uid = r.optionalText(Tag.UniqueIdentifier)
    const reason = new StructureReader(r.requiredStructure(Tag.RevocationReason), 'Revocation Reason')
    const revocationReason: RevocationReason = { code: reason.requiredEnum(Tag.RevocationReasonCode) }
    const message = reason.optionalText(Tag.RevocationMessage)
    if (message !== undefined) revocationReason.message = message
    reason.end()
    const out: RevokeRequestPayload = { revocationReason }
    if (uid !== undefined) out.uniqueIdentifier = uid
    const date = r.optionalDateTime(Tag.CompromiseOccurrenceDate)
    if (date !== undefined) out.compromiseOccurrenceDate = date
    r.end()
    return out
  },
  ...uidResponseCodec('Revoke')
}
