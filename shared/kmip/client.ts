// KmipClient: a transport-agnostic KMIP 1.1 client. Every call returns the decoded result together with the exact
// bytes that went over the wire, and a failure throws an error that still carries those bytes: the lab shows the
// request and response of every exchange, failed ones included.

import { attribute as attr, type KmipAttribute } from './attributes'
import {
  CryptographicAlgorithm,
  CryptographicUsageMask,
  KeyFormatType,
  ObjectType,
  Operation,
  ResultStatus,
  operationName,
  resultReasonName
} from './enums'
import { KmipResultError } from './errors'
import {
  KMIP_1_1,
  decodeResponseMessage,
  encodeRequestMessage,
  text,
  structure,
  type ProtocolVersion,
  type RequestBatchItem,
  type RequestHeader,
  type ResponseBatchItem,
  type ResponseMessage
} from './messages'
import {
  activatePayload,
  addAttributePayload,
  createPayload,
  deleteAttributePayload,
  destroyPayload,
  discoverVersionsPayload,
  getAttributeListPayload,
  getAttributesPayload,
  getPayload,
  locatePayload,
  modifyAttributePayload,
  queryPayload,
  registerPayload,
  revokePayload,
  type CreateResponsePayload,
  type GetResponsePayload,
  type LocateRequestPayload,
  type QueryResponsePayload
} from './payloads'
import { Tag } from './tags'
import { KmipDecodeError, type TtlvItem, type TtlvLimits } from './ttlv'

export type KmipTransport = (request: Uint8Array) => Promise<Uint8Array>

export interface KmipExchange {
  /** 'Create', or for a batch 'Add Attribute ×3'. */
  operation: string
  request: Uint8Array
  response: Uint8Array
}

export interface KmipResult<T> {
  value: T
  exchanges: KmipExchange[]
}

/** The server answered a batch item with a failure. */
export class KmipOperationError extends Error {
  override readonly name = 'KmipOperationError'
  readonly operation: number
  readonly resultStatus: number
  readonly resultReason: number
  readonly resultMessage: string
  readonly exchange: KmipExchange

  constructor(operation: number, result: ResponseBatchItem, exchange: KmipExchange) {
    const reason = result.resultReason ?? 0
    const message = result.resultMessage ?? ''
    super(`${operationName(operation)} failed: ${resultReasonName(reason)}${message === '' ? '' : ` (${message})`}`)
    this.operation = operation
    this.resultStatus = result.resultStatus
    this.resultReason = reason
    this.resultMessage = message
    this.exchange = exchange
  }
}

/** The response could not be understood (undecodable, or not an answer to the request). */
export class KmipResponseError extends Error {
  override readonly name = 'KmipResponseError'
  readonly exchange: KmipExchange

  constructor(message: string, exchange: KmipExchange) {
    super(message)
    this.exchange = exchange
  }
}

export interface KmipClientOptions {
  /**
   * Unique Batch Item IDs are this prefix followed by the item's 1-based position in the message as a
   * little-endian uint32. vCenter 7.0.3 uses ASCII 'QLKC' (its IDs read 'QLKC' 01 00 00 00, 02 00 00 00, …).
   * Without a prefix, IDs are only added to multi-item batches (where KMIP requires them).
   */
  batchIdPrefix?: Uint8Array
  /** Protocol Version in request headers; default 1.1. */
  version?: ProtocolVersion
  /** Username/password Authentication in every header (optional in KMIP; identity normally comes from TLS). */
  credential?: { username: string; password?: string }
  limits?: Partial<TtlvLimits>
}

export interface BatchOperation {
  operation: number
  payload: TtlvItem
}

export interface RequestOptions {
  /** Send no Unique Batch Item ID even with a prefix configured (vCenter's first Discover Versions). */
  omitBatchItemId?: boolean
  batchErrorContinuationOption?: number
  maximumResponseSize?: number
}

export interface BatchReply {
  response: ResponseMessage
  /** The result for each request item, in request order; undefined where the server gave none (Stop). */
  results: (ResponseBatchItem | undefined)[]
  exchange: KmipExchange
}

export interface KeyMaterialResult {
  uniqueIdentifier: string
  objectType: number
  keyFormatType: number
  keyMaterial: Uint8Array
  cryptographicAlgorithm?: number
  cryptographicLength?: number
}

export interface SymmetricKeySpec {
  algorithm?: number
  length?: number
  usageMask?: number
  names?: string[]
  /** More template attributes (Activation Date, Contact Information, x-…), after the ones above. */
  attributes?: KmipAttribute[]
}

export interface RegisterKeySpec extends SymmetricKeySpec {
  material: Uint8Array
}

function batchLabel(items: readonly BatchOperation[]): string {
  const names = items.map((item) => operationName(item.operation))
  return names.every((n) => n === names[0]) && names.length > 1 ? `${names[0]} ×${names.length}` : names.join(' + ')
}

function uint32le(n: number): Uint8Array {
  return new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff])
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i])

export class KmipClient {
  private readonly version: ProtocolVersion

  constructor(
    private readonly transport: KmipTransport,
    private readonly options: KmipClientOptions = {}
  ) {
    this.version = options.version ?? KMIP_1_1
  }

  /** Builds the request message bytes for these items (what send() would put on the wire). */
  buildRequest(items: readonly BatchOperation[], options: RequestOptions = {}): Uint8Array {
    return this.build(items, options).request
  }

  private build(items: readonly BatchOperation[], options: RequestOptions): { request: Uint8Array; ids: (Uint8Array | undefined)[] } {
    const prefix = this.options.batchIdPrefix
    const withIds = options.omitBatchItemId !== true && (prefix !== undefined || items.length > 1)
    const header: RequestHeader = { protocolVersion: this.version }
    if (options.maximumResponseSize !== undefined) header.maximumResponseSize = options.maximumResponseSize
    const credential = this.options.credential
    if (credential !== undefined) {
      header.authentication = {
        credentialType: 1,
        credentialValue: structure(Tag.CredentialValue, [
          text(Tag.Username, credential.username),
          credential.password === undefined ? undefined : text(Tag.Password, credential.password)
        ])
      }
    }
    if (options.batchErrorContinuationOption !== undefined) header.batchErrorContinuationOption = options.batchErrorContinuationOption
    const batchItems = items.map((item, i): RequestBatchItem => {
      const out: RequestBatchItem = { operation: item.operation, payload: item.payload }
      if (withIds) {
        const counter = uint32le(i + 1)
        out.uniqueBatchItemId = prefix === undefined ? counter : new Uint8Array([...prefix, ...counter])
      }
      return out
    })
    return { request: encodeRequestMessage({ header, batchItems }), ids: batchItems.map((item) => item.uniqueBatchItemId) }
  }

  /**
   * Sends one request message with any number of batch items and returns every item's result without throwing
   * for failed items (a batch can partly fail). Throws KmipResponseError if the response makes no sense.
   */
  async send(items: readonly BatchOperation[], options: RequestOptions = {}): Promise<BatchReply> {
    const { request, ids } = this.build(items, options)
    const responseBytes = await this.transport(request)
    const exchange: KmipExchange = { operation: batchLabel(items), request, response: responseBytes }
    let response: ResponseMessage
    try {
      response = decodeResponseMessage(responseBytes, this.options.limits)
    } catch (error) {
      const why = error instanceof KmipDecodeError || error instanceof KmipResultError ? error.message : String(error)
      throw new KmipResponseError(`the KMS response could not be decoded: ${why}`, exchange)
    }
    return { response, results: matchResults(items, ids, response, exchange), exchange }
  }

  /** One operation in one message; a failure throws KmipOperationError. */
  private async call<T>(
    operation: number,
    payload: TtlvItem,
    decode: (payload: TtlvItem) => T,
    options: RequestOptions = {}
  ): Promise<KmipResult<T>> {
    const reply = await this.send([{ operation, payload }], options)
    return { value: this.decodeResult(operation, reply.results[0], decode, reply.exchange), exchanges: [reply.exchange] }
  }

  private decodeResult<T>(
    operation: number,
    result: ResponseBatchItem | undefined,
    decode: (payload: TtlvItem) => T,
    exchange: KmipExchange
  ): T {
    if (result === undefined) throw new KmipResponseError(`the KMS gave no result for ${operationName(operation)}`, exchange)
    if (result.resultStatus !== ResultStatus.Success) throw new KmipOperationError(operation, result, exchange)
    if (result.payload === undefined) {
      throw new KmipResponseError(`the KMS answered ${operationName(operation)} without a Response Payload`, exchange)
    }
    try {
      return decode(result.payload)
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      throw new KmipResponseError(`the ${operationName(operation)} response payload is invalid: ${why}`, exchange)
    }
  }

  /** Several operations in one message; the first failed item throws KmipOperationError. */
  private async callBatch<T>(
    operations: BatchOperation[],
    decode: (payload: TtlvItem) => T,
    options: RequestOptions = {}
  ): Promise<KmipResult<T[]>> {
    const reply = await this.send(operations, options)
    const value = operations.map((op, i) => this.decodeResult(op.operation, reply.results[i], decode, reply.exchange))
    return { value, exchanges: [reply.exchange] }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Operations

  discoverVersions(versions: ProtocolVersion[] = [], options?: RequestOptions): Promise<KmipResult<ProtocolVersion[]>> {
    return this.call(Operation.DiscoverVersions, discoverVersionsPayload.encodeRequest({ versions }), (p) =>
      discoverVersionsPayload.decodeResponse(p).versions, options)
  }

  query(queryFunctions: number[], options?: RequestOptions): Promise<KmipResult<QueryResponsePayload>> {
    return this.call(Operation.Query, queryPayload.encodeRequest({ queryFunctions }), queryPayload.decodeResponse, options)
  }

  /** Create with the template attributes exactly as given, in this order. */
  create(
    attributes: KmipAttribute[],
    objectType: number = ObjectType.SymmetricKey,
    options?: RequestOptions
  ): Promise<KmipResult<CreateResponsePayload>> {
    const payload = createPayload.encodeRequest({ objectType, templateAttribute: { templateNames: [], attributes } })
    return this.call(Operation.Create, payload, createPayload.decodeResponse, options)
  }

  /** Create a symmetric key (default AES-256, Encrypt|Decrypt); returns its Unique Identifier. */
  async createSymmetricKey(spec: SymmetricKeySpec = {}, options?: RequestOptions): Promise<KmipResult<string>> {
    const result = await this.create(templateFor(spec), ObjectType.SymmetricKey, options)
    return { value: result.value.uniqueIdentifier, exchanges: result.exchanges }
  }

  /** Register existing key material as a Raw symmetric key; returns its Unique Identifier. */
  register(spec: RegisterKeySpec, options?: RequestOptions): Promise<KmipResult<string>> {
    const algorithm = spec.algorithm ?? CryptographicAlgorithm.AES
    const payload = registerPayload.encodeRequest({
      objectType: ObjectType.SymmetricKey,
      templateAttribute: {
        templateNames: [],
        attributes: [
          attr.cryptographicUsageMask(spec.usageMask ?? CryptographicUsageMask.Encrypt | CryptographicUsageMask.Decrypt),
          ...(spec.names ?? []).map((n) => attr.name(n)),
          ...(spec.attributes ?? [])
        ]
      },
      object: {
        kind: 'SymmetricKey',
        keyBlock: {
          keyFormatType: KeyFormatType.Raw,
          keyValue: { keyMaterial: spec.material, attributes: [] },
          cryptographicAlgorithm: algorithm,
          cryptographicLength: spec.length ?? spec.material.length * 8
        }
      }
    })
    return this.call(Operation.Register, payload, (p) => registerPayload.decodeResponse(p).uniqueIdentifier, options)
  }

  locate(request: LocateRequestPayload, options?: RequestOptions): Promise<KmipResult<string[]>> {
    const decode = (p: TtlvItem): string[] => locatePayload.decodeResponse(p).uniqueIdentifiers
    return this.call(Operation.Locate, locatePayload.encodeRequest(request), decode, options)
  }

  locateByName(name: string, options?: RequestOptions): Promise<KmipResult<string[]>> {
    return this.locate({ attributes: [attr.name(name)] }, options)
  }

  /** Get a symmetric key's material (Raw unless another Key Format Type is asked for). */
  get(uid: string | undefined, request: { keyFormatType?: number } = {}, options?: RequestOptions): Promise<KmipResult<KeyMaterialResult>> {
    const payload = getPayload.encodeRequest({ ...(uid === undefined ? {} : { uniqueIdentifier: uid }), ...request })
    return this.call(Operation.Get, payload, (p) => keyMaterialOf(getPayload.decodeResponse(p)), options)
  }

  /** Get Attributes: all of them, or only the named ones (names the object lacks are absent from the answer). */
  getAttributes(uid: string | undefined, names: string[] = [], options?: RequestOptions): Promise<KmipResult<KmipAttribute[]>> {
    const payload = getAttributesPayload.encodeRequest({ ...(uid === undefined ? {} : { uniqueIdentifier: uid }), attributeNames: names })
    return this.call(Operation.GetAttributes, payload, (p) => getAttributesPayload.decodeResponse(p).attributes, options)
  }

  getAttributeList(uid: string | undefined, options?: RequestOptions): Promise<KmipResult<string[]>> {
    const payload = getAttributeListPayload.encodeRequest(uid === undefined ? {} : { uniqueIdentifier: uid })
    return this.call(Operation.GetAttributeList, payload, (p) => getAttributeListPayload.decodeResponse(p).attributeNames, options)
  }

  addAttribute(uid: string | undefined, attribute: KmipAttribute, options?: RequestOptions): Promise<KmipResult<KmipAttribute>> {
    const payload = addAttributePayload.encodeRequest({ ...(uid === undefined ? {} : { uniqueIdentifier: uid }), attribute })
    return this.call(Operation.AddAttribute, payload, (p) => addAttributePayload.decodeResponse(p).attribute, options)
  }

  /** Several Add Attribute items in one batched message (what vCenter does for its x- tags). */
  addAttributes(uid: string, attributes: KmipAttribute[], options?: RequestOptions): Promise<KmipResult<KmipAttribute[]>> {
    const operations = attributes.map((attribute) => ({
      operation: Operation.AddAttribute,
      payload: addAttributePayload.encodeRequest({ uniqueIdentifier: uid, attribute })
    }))
    return this.callBatch(operations, (p) => addAttributePayload.decodeResponse(p).attribute, options)
  }

  modifyAttribute(uid: string | undefined, attribute: KmipAttribute, options?: RequestOptions): Promise<KmipResult<KmipAttribute>> {
    const payload = modifyAttributePayload.encodeRequest({ ...(uid === undefined ? {} : { uniqueIdentifier: uid }), attribute })
    return this.call(Operation.ModifyAttribute, payload, (p) => modifyAttributePayload.decodeResponse(p).attribute, options)
  }

  deleteAttribute(
    uid: string | undefined,
    attributeName: string,
    attributeIndex?: number,
    options?: RequestOptions
  ): Promise<KmipResult<KmipAttribute>> {
    const payload = deleteAttributePayload.encodeRequest({
      ...(uid === undefined ? {} : { uniqueIdentifier: uid }),
      attributeName,
      ...(attributeIndex === undefined ? {} : { attributeIndex })
    })
    return this.call(Operation.DeleteAttribute, payload, (p) => deleteAttributePayload.decodeResponse(p).attribute, options)
  }

  activate(uid: string | undefined, options?: RequestOptions): Promise<KmipResult<string>> {
    const payload = activatePayload.encodeRequest(uid === undefined ? {} : { uniqueIdentifier: uid })
    return this.call(Operation.Activate, payload, (p) => activatePayload.decodeResponse(p).uniqueIdentifier, options)
  }

  revoke(
    uid: string | undefined,
    reason: number,
    details: { message?: string; compromiseOccurrenceDate?: number } = {},
    options?: RequestOptions
  ): Promise<KmipResult<string>> {
    const payload = revokePayload.encodeRequest({
      ...(uid === undefined ? {} : { uniqueIdentifier: uid }),
      revocationReason: details.message === undefined ? { code: reason } : { code: reason, message: details.message },
      ...(details.compromiseOccurrenceDate === undefined ? {} : { compromiseOccurrenceDate: details.compromiseOccurrenceDate })
    })
    return this.call(Operation.Revoke, payload, (p) => revokePayload.decodeResponse(p).uniqueIdentifier, options)
  }

  destroy(uid: string | undefined, options?: RequestOptions): Promise<KmipResult<string>> {
    const payload = destroyPayload.encodeRequest(uid === undefined ? {} : { uniqueIdentifier: uid })
    return this.call(Operation.Destroy, payload, (p) => destroyPayload.decodeResponse(p).uniqueIdentifier, options)
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** Template attributes for a symmetric key: algorithm, length, usage mask, names, then the extras. */
export function templateFor(spec: SymmetricKeySpec): KmipAttribute[] {
  return [
    attr.cryptographicAlgorithm(spec.algorithm ?? CryptographicAlgorithm.AES),
    attr.cryptographicLength(spec.length ?? 256),
    attr.cryptographicUsageMask(spec.usageMask ?? CryptographicUsageMask.Encrypt | CryptographicUsageMask.Decrypt),
    ...(spec.names ?? []).map((n) => attr.name(n)),
    ...(spec.attributes ?? [])
  ]
}

export function keyMaterialOf(response: GetResponsePayload): KeyMaterialResult {
  if (response.object.kind !== 'SymmetricKey') throw new Error('the object is not a symmetric key')
  const block = response.object.keyBlock
  if (block.keyValue instanceof Uint8Array) throw new Error('the key is wrapped')
  const material = block.keyValue.keyMaterial
  const bytes = material instanceof Uint8Array ? material : material.find((f) => f.tag === Tag.Key)?.value
  if (!(bytes instanceof Uint8Array)) throw new Error('no key bytes in the Key Material')
  return {
    uniqueIdentifier: response.uniqueIdentifier,
    objectType: response.objectType,
    keyFormatType: block.keyFormatType,
    keyMaterial: bytes,
    ...(block.cryptographicAlgorithm === undefined ? {} : { cryptographicAlgorithm: block.cryptographicAlgorithm }),
    ...(block.cryptographicLength === undefined ? {} : { cryptographicLength: block.cryptographicLength })
  }
}

/**
 * Pairs response items with request items: by Unique Batch Item ID when the request carried IDs, else by
 * position. A single failed item without Operation or ID is a whole-message failure (Invalid Message) and
 * applies to every request item.
 */
function matchResults(
  items: readonly BatchOperation[],
  ids: (Uint8Array | undefined)[],
  response: ResponseMessage,
  exchange: KmipExchange
): (ResponseBatchItem | undefined)[] {
  const answers = response.batchItems
  const only = answers.length === 1 ? answers[0] : undefined
  const wholeMessage =
    only !== undefined && only.operation === undefined && only.uniqueBatchItemId === undefined && only.resultStatus !== ResultStatus.Success
  if (wholeMessage) {
    return items.map(() => only)
  }
  const results = items.map((item, i) => {
    const id = ids[i]
    const answer = id === undefined ? answers[i] : answers.find((a) => sameBytes(a.uniqueBatchItemId, id))
    if (answer !== undefined && answer.operation !== undefined && answer.operation !== item.operation) {
      const why = `the KMS answered ${operationName(answer.operation)} to a ${operationName(item.operation)} request`
      throw new KmipResponseError(why, exchange)
    }
    return answer
  })
  if (answers.length > items.length) throw new KmipResponseError('the KMS sent more results than there were batch items', exchange)
  return results
}
