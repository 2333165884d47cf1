// KMIP 1.1 request and response messages (§7): header, batch items, result fields. Payloads stay TTLV here
// (see payloads.ts for their typed forms), so a message with an operation this lab does not know still decodes
// and the server can answer it item by item with 'Operation Not Supported'.

import { invalidMessage } from './errors'
import { MESSAGE_REASONS, StructureReader, dateTimeSeconds, expectStructure } from './reader'
import { Tag } from './tags'
import { decodeTtlv, encodeTtlv, type TtlvItem, type TtlvLimits } from './ttlv'

export interface ProtocolVersion {
  major: number
  minor: number
}

export const KMIP_1_0: ProtocolVersion = Object.freeze({ major: 1, minor: 0 })
export const KMIP_1_1: ProtocolVersion = Object.freeze({ major: 1, minor: 1 })

export interface Credential {
  credentialType: number
  /** Credential Value: for Username and Password a structure { Username, [Password] }. Kept as sent. */
  credentialValue: TtlvItem
}

export interface RequestHeader {
  protocolVersion: ProtocolVersion
  maximumResponseSize?: number
  asynchronousIndicator?: boolean
  authentication?: Credential
  batchErrorContinuationOption?: number
  batchOrderOption?: boolean
  timeStamp?: number
}

export interface RequestBatchItem {
  operation: number
  uniqueBatchItemId?: Uint8Array
  payload: TtlvItem
  messageExtension?: TtlvItem
}

/** Batch Count is not stored: it is written from batchItems.length and checked against it when decoding. */
export interface RequestMessage {
  header: RequestHeader
  batchItems: RequestBatchItem[]
}

export interface ResponseHeader {
  protocolVersion: ProtocolVersion
  /** POSIX seconds. */
  timeStamp: number
}

export interface ResponseBatchItem {
  operation?: number
  uniqueBatchItemId?: Uint8Array
  resultStatus: number
  resultReason?: number
  resultMessage?: string
  asynchronousCorrelationValue?: Uint8Array
  payload?: TtlvItem
  messageExtension?: TtlvItem
}

export interface ResponseMessage {
  header: ResponseHeader
  batchItems: ResponseBatchItem[]
}

// ---------------------------------------------------------------------------------------------------------------
// Small TTLV builders shared by the message and payload codecs

export const text = (tag: number, value: string): TtlvItem => ({ tag, type: 'TextString', value })
export const bytes = (tag: number, value: Uint8Array): TtlvItem => ({ tag, type: 'ByteString', value })
export const integer = (tag: number, value: number): TtlvItem => ({ tag, type: 'Integer', value })
export const enumeration = (tag: number, value: number): TtlvItem => ({ tag, type: 'Enumeration', value })
export const boolean = (tag: number, value: boolean): TtlvItem => ({ tag, type: 'Boolean', value })
export const dateTime = (tag: number, seconds: number): TtlvItem => ({ tag, type: 'DateTime', value: seconds })
export const structure = (tag: number, children: (TtlvItem | undefined)[]): TtlvItem => ({
  tag,
  type: 'Structure',
  value: children.filter((child): child is TtlvItem => child !== undefined)
})

/** Adds an item only when its value is present: keeps optional fields optional on the wire. */
export function maybe<T>(value: T | undefined, build: (value: T) => TtlvItem): TtlvItem | undefined {
  return value === undefined ? undefined : build(value)
}

export function protocolVersionToTtlv(version: ProtocolVersion): TtlvItem {
  return structure(Tag.ProtocolVersion, [
    integer(Tag.ProtocolVersionMajor, version.major),
    integer(Tag.ProtocolVersionMinor, version.minor)
  ])
}

export function protocolVersionFromTtlv(fields: TtlvItem[], reasons = MESSAGE_REASONS): ProtocolVersion {
  const r = new StructureReader(fields, 'Protocol Version', reasons)
  const major = r.requiredInteger(Tag.ProtocolVersionMajor)
  const minor = r.requiredInteger(Tag.ProtocolVersionMinor)
  r.end()
  return { major, minor }
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

export function requestMessageToTtlv(message: RequestMessage): TtlvItem {
  const h = message.header
  const header = structure(Tag.RequestHeader, [
    protocolVersionToTtlv(h.protocolVersion),
    maybe(h.maximumResponseSize, (v) => integer(Tag.MaximumResponseSize, v)),
    maybe(h.asynchronousIndicator, (v) => boolean(Tag.AsynchronousIndicator, v)),
    maybe(h.authentication, (c) =>
      structure(Tag.Authentication, [
        structure(Tag.Credential, [enumeration(Tag.CredentialType, c.credentialType), c.credentialValue])
      ])
    ),
    maybe(h.batchErrorContinuationOption, (v) => enumeration(Tag.BatchErrorContinuationOption, v)),
    maybe(h.batchOrderOption, (v) => boolean(Tag.BatchOrderOption, v)),
    maybe(h.timeStamp, (v) => dateTime(Tag.TimeStamp, v)),
    integer(Tag.BatchCount, message.batchItems.length)
  ])
  const items = message.batchItems.map((item) =>
    structure(Tag.BatchItem, [
      enumeration(Tag.Operation, item.operation),
      maybe(item.uniqueBatchItemId, (v) => bytes(Tag.UniqueBatchItemId, v)),
      { ...item.payload, tag: Tag.RequestPayload },
      item.messageExtension
    ])
  )
  return structure(Tag.RequestMessage, [header, ...items])
}

function readCredential(fields: TtlvItem[]): Credential {
  const r = new StructureReader(fields, 'Authentication', MESSAGE_REASONS)
  const credential = new StructureReader(r.requiredStructure(Tag.Credential), 'Credential', MESSAGE_REASONS)
  r.end()
  const credentialType = credential.requiredEnum(Tag.CredentialType)
  const credentialValue = credential.next()
  if (credentialValue === undefined || credentialValue.tag !== Tag.CredentialValue) {
    throw invalidMessage('Credential lacks its Credential Value')
  }
  credential.end()
  return { credentialType, credentialValue }
}

/**
 * The protocol version of a request, read as early and as leniently as possible, so that even an invalid
 * message can be answered in the client's version. Undefined if the header cannot be found.
 */
export function peekProtocolVersion(message: TtlvItem): ProtocolVersion | undefined {
  if (message.tag !== Tag.RequestMessage || message.type !== 'Structure') return undefined
  const header = (message.value as TtlvItem[])[0]
  if (header === undefined || header.tag !== Tag.RequestHeader || header.type !== 'Structure') return undefined
  const version = (header.value as TtlvItem[])[0]
  if (version === undefined || version.tag !== Tag.ProtocolVersion || version.type !== 'Structure') return undefined
  try {
    return protocolVersionFromTtlv(version.value as TtlvItem[])
  } catch {
    return undefined
  }
}

/** Reads a Request Message; any schema violation is a KmipResultError with reason Invalid Message. */
export function requestMessageFromTtlv(message: TtlvItem): RequestMessage {
  const top = new StructureReader(expectStructure(message, Tag.RequestMessage, MESSAGE_REASONS), 'Request Message', MESSAGE_REASONS)
  const r = new StructureReader(top.requiredStructure(Tag.RequestHeader), 'Request Header', MESSAGE_REASONS)
  const header: RequestHeader = { protocolVersion: protocolVersionFromTtlv(r.requiredStructure(Tag.ProtocolVersion)) }
  const maximumResponseSize = r.optionalInteger(Tag.MaximumResponseSize)
  if (maximumResponseSize !== undefined) header.maximumResponseSize = maximumResponseSize
  const asynchronousIndicator = r.optionalBoolean(Tag.AsynchronousIndicator)
  if (asynchronousIndicator !== undefined) header.asynchronousIndicator = asynchronousIndicator
  const authentication = r.optionalStructure(Tag.Authentication)
  if (authentication !== undefined) header.authentication = readCredential(authentication)
  const continuation = r.optionalEnum(Tag.BatchErrorContinuationOption)
  if (continuation !== undefined) header.batchErrorContinuationOption = continuation
  const batchOrderOption = r.optionalBoolean(Tag.BatchOrderOption)
  if (batchOrderOption !== undefined) header.batchOrderOption = batchOrderOption
  const timeStamp = r.optional(Tag.TimeStamp, 'DateTime')
  if (timeStamp !== undefined) header.timeStamp = dateTimeSeconds(timeStamp, MESSAGE_REASONS.invalid)
  const batchCount = r.requiredInteger(Tag.BatchCount)
  r.end()

  const batchItems = top.many(Tag.BatchItem, 'Structure').map((item, i) => {
    const b = new StructureReader(item.value as TtlvItem[], `Batch Item ${i + 1}`, MESSAGE_REASONS)
    const operation = b.requiredEnum(Tag.Operation)
    const uniqueBatchItemId = b.optionalBytes(Tag.UniqueBatchItemId)
    const payload = b.required(Tag.RequestPayload, 'Structure')
    const messageExtension = b.optional(Tag.MessageExtension, 'Structure')
    b.end()
    const out: RequestBatchItem = { operation, payload }
    if (uniqueBatchItemId !== undefined) out.uniqueBatchItemId = uniqueBatchItemId
    if (messageExtension !== undefined) out.messageExtension = messageExtension
    return out
  })
  top.end()

  if (batchItems.length === 0) throw invalidMessage('the request has no Batch Item')
  if (batchCount !== batchItems.length) {
    throw invalidMessage(`Batch Count says ${batchCount} but the message has ${batchItems.length} Batch Items`)
  }
  return { header, batchItems }
}

export function encodeRequestMessage(message: RequestMessage): Uint8Array {
  return encodeTtlv(requestMessageToTtlv(message))
}

/** Decodes bytes into a Request Message. Throws KmipDecodeError (bytes) or KmipResultError (schema). */
export function decodeRequestMessage(bytes: Uint8Array, limits?: Partial<TtlvLimits>): RequestMessage {
  return requestMessageFromTtlv(decodeTtlv(bytes, limits))
}

// ---------------------------------------------------------------------------------------------------------------
// Responses

export function responseMessageToTtlv(message: ResponseMessage): TtlvItem {
  const header = structure(Tag.ResponseHeader, [
    protocolVersionToTtlv(message.header.protocolVersion),
    dateTime(Tag.TimeStamp, message.header.timeStamp),
    integer(Tag.BatchCount, message.batchItems.length)
  ])
  const items = message.batchItems.map((item) =>
    structure(Tag.BatchItem, [
      maybe(item.operation, (v) => enumeration(Tag.Operation, v)),
      maybe(item.uniqueBatchItemId, (v) => bytes(Tag.UniqueBatchItemId, v)),
      enumeration(Tag.ResultStatus, item.resultStatus),
      maybe(item.resultReason, (v) => enumeration(Tag.ResultReason, v)),
      maybe(item.resultMessage, (v) => text(Tag.ResultMessage, v)),
      maybe(item.asynchronousCorrelationValue, (v) => bytes(Tag.AsynchronousCorrelationValue, v)),
      item.payload === undefined ? undefined : { ...item.payload, tag: Tag.ResponsePayload },
      item.messageExtension
    ])
  )
  return structure(Tag.ResponseMessage, [header, ...items])
}

export function responseMessageFromTtlv(message: TtlvItem): ResponseMessage {
  const top = new StructureReader(expectStructure(message, Tag.ResponseMessage, MESSAGE_REASONS), 'Response Message', MESSAGE_REASONS)
  const r = new StructureReader(top.requiredStructure(Tag.ResponseHeader), 'Response Header', MESSAGE_REASONS)
  const protocolVersion = protocolVersionFromTtlv(r.requiredStructure(Tag.ProtocolVersion))
  const timeStamp = dateTimeSeconds(r.required(Tag.TimeStamp, 'DateTime'), MESSAGE_REASONS.invalid)
  const batchCount = r.requiredInteger(Tag.BatchCount)
  r.end()

  const batchItems = top.many(Tag.BatchItem, 'Structure').map((item, i) => {
    const b = new StructureReader(item.value as TtlvItem[], `Batch Item ${i + 1}`, MESSAGE_REASONS)
    const out: ResponseBatchItem = { resultStatus: 0 }
    const operation = b.optionalEnum(Tag.Operation)
    const uniqueBatchItemId = b.optionalBytes(Tag.UniqueBatchItemId)
    out.resultStatus = b.requiredEnum(Tag.ResultStatus)
    const resultReason = b.optionalEnum(Tag.ResultReason)
    const resultMessage = b.optionalText(Tag.ResultMessage)
    const correlation = b.optionalBytes(Tag.AsynchronousCorrelationValue)
    const payload = b.optional(Tag.ResponsePayload, 'Structure')
    const messageExtension = b.optional(Tag.MessageExtension, 'Structure')
    b.end()
    if (operation !== undefined) out.operation = operation
    if (uniqueBatchItemId !== undefined) out.uniqueBatchItemId = uniqueBatchItemId
    if (resultReason !== undefined) out.resultReason = resultReason
    if (resultMessage !== undefined) out.resultMessage = resultMessage
    if (correlation !== undefined) out.asynchronousCorrelationValue = correlation
    if (payload !== undefined) out.payload = payload
    if (messageExtension !== undefined) out.messageExtension = messageExtension
    return out
  })
  top.end()
  if (batchCount !== batchItems.length) {
    throw invalidMessage(`Batch Count says ${batchCount} but the message has ${batchItems.length} Batch Items`)
  }
  return { header: { protocolVersion, timeStamp }, batchItems }
}

export function encodeResponseMessage(message: ResponseMessage): Uint8Array {
  return encodeTtlv(responseMessageToTtlv(message))
}

export function decodeResponseMessage(bytes: Uint8Array, limits?: Partial<TtlvLimits>): ResponseMessage {
  return responseMessageFromTtlv(decodeTtlv(bytes, limits))
}
