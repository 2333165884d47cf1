// What the lab KMS does for each KMIP 1.1 operation. Each handler reads its typed payload, checks ownership and
// lifecycle rules, puts new object records into the (staged) store and returns its response payload. Failures
// are thrown as KmipResultError and become that batch item's Result Reason and Result Message.

import { sha256 } from '@noble/hashes/sha2.js'
import { ATTRIBUTE_SPECS, isCustomAttribute, readName, type KmipAttribute } from './attributes'
import {
  CryptographicAlgorithm,
  HashingAlgorithm,
  KeyFormatType,
  NameType,
  ObjectType,
  Operation,
  QueryFunction,
  REVOCATION_REASON_CODE,
  ResultReason,
  State,
  StorageStatusMask,
  KEY_FORMAT_TYPE,
  OBJECT_TYPE,
  formatEnumCode
} from './enums'
import { KmipResultError, invalidField, missingData } from './errors'
import { activateObject, applyTimeTransitions, destroyObject, isDestroyed, revokeObject } from './lifecycle'
import type { ProtocolVersion } from './messages'
import {
  addObjectAttribute,
  deleteObjectAttribute,
  modifyObjectAttribute,
  objectAttribute,
  objectAttributeNames,
  objectAttributes,
  objectHasAttributeValue,
  readTemplate,
  type TemplateChoices
} from './objectAttributes'
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
  type KeyBlock,
  type TemplateAttribute
} from './payloads'
import type { StagedStore } from './stagedStore'
import type { KmipManagedObject } from './store'
import { Tag } from './tags'
import type { TtlvItem } from './ttlv'

/** What a handler gets: the caller's context for this message, plus the batch state. */
export interface OperationEnv {
  clientId: string
  now: number
  store: StagedStore
  newUid: () => string
  random: (n: number) => Uint8Array
  /** The Unique Identifier produced by the previous batch item, if any. */
  idPlaceholder: string | undefined
  vendorIdentification: string
  protocolVersions: readonly ProtocolVersion[]
  digest: boolean
}

export interface OperationResult {
  payload: TtlvItem
  /** The object the item acted on; becomes the ID Placeholder for the next batch item. */
  uid?: string
  /** Locate found nothing: the ID Placeholder is cleared. */
  clearsPlaceholder?: boolean
}

type Handler = (payload: TtlvItem, env: OperationEnv) => OperationResult

const AES_LENGTHS = [128, 192, 256]

const fail = (reason: ResultReason, message: string): KmipResultError => new KmipResultError(reason, message)

// ---------------------------------------------------------------------------------------------------------------
// Shared checks

/** An omitted Unique Identifier means the ID Placeholder: the object of the previous batch item. */
function resolveUid(given: string | undefined, env: OperationEnv): string {
  if (given !== undefined) return given
  if (env.idPlaceholder !== undefined) return env.idPlaceholder
  throw missingData('no Unique Identifier, and no earlier batch item produced one to use as ID Placeholder')
}

/** The object, if it exists and belongs to this client, with any time-driven state change applied. */
function loadOwned(uid: string, env: OperationEnv): KmipManagedObject {
  const stored = env.store.get(uid)
  if (stored === undefined) throw fail(ResultReason.ItemNotFound, `no object with Unique Identifier '${uid}'`)
  if (stored.owner !== env.clientId) {
    throw fail(ResultReason.PermissionDenied, `object ${uid} belongs to another client, not to '${env.clientId}'`)
  }
  return touch(stored, env)
}

function touch(object: KmipManagedObject, env: OperationEnv): KmipManagedObject {
  const current = applyTimeTransitions(object, env.now)
  if (current !== object) env.store.put(current)
  return current
}

function refuseTemplates(template: TemplateAttribute): void {
  if (template.templateNames.length > 0) {
    throw fail(ResultReason.FeatureNotSupported, 'Template objects are not supported by this KMS: send the attributes themselves')
  }
}

function freshUid(env: OperationEnv): string {
  const uid = env.newUid()
  if (typeof uid !== 'string' || uid.length === 0) throw fail(ResultReason.GeneralFailure, 'the KMS could not issue a Unique Identifier')
  if (env.store.get(uid) !== undefined) throw fail(ResultReason.GeneralFailure, `Unique Identifier '${uid}' is already in use`)
  return uid
}

function digestOf(material: Uint8Array): KmipAttribute['value'] {
  return {
    type: 'Structure',
    value: [
      { tag: Tag.HashingAlgorithm, type: 'Enumeration', value: HashingAlgorithm.SHA256 },
      { tag: Tag.DigestValue, type: 'ByteString', value: sha256(material) },
      { tag: Tag.KeyFormatType, type: 'Enumeration', value: KeyFormatType.Raw }
    ]
  }
}

/** A new symmetric key record from template choices (Create and Register share this). */
function newSymmetricKey(
  env: OperationEnv,
  template: TemplateChoices,
  key: { algorithm: number; length: number; usageMask: number; material: Uint8Array }
): KmipManagedObject {
  const uid = freshUid(env)
  const attributes = env.digest ? { Digest: digestOf(key.material), ...template.attributes } : { ...template.attributes }
  const object: KmipManagedObject = {
    uid,
    objectType: ObjectType.SymmetricKey,
    algorithm: key.algorithm,
    length: key.length,
    usageMask: key.usageMask,
    material: key.material,
    state: State.PreActive,
    names: template.names,
    attributes,
    owner: env.clientId,
    initialDate: env.now,
    lastChangeDate: env.now,
    ...(template.activationDate === undefined ? {} : { activationDate: template.activationDate }),
    ...(template.deactivationDate === undefined ? {} : { deactivationDate: template.deactivationDate })
  }
  // An Activation Date that has already come makes the key Active from the start (KMIP 1.1 §3.22).
  const current = applyTimeTransitions({ ...object }, env.now)
  env.store.put(current)
  return current
}

// ---------------------------------------------------------------------------------------------------------------
// Server information

const discoverVersions: Handler = (payload, env) => {
  const wanted = discoverVersionsPayload.decodeRequest(payload).versions
  // An empty list asks for everything the server speaks; otherwise the server answers the versions both speak,
  // in its own order of preference.
  const versions =
    wanted.length === 0
      ? [...env.protocolVersions]
      : env.protocolVersions.filter((v) => wanted.some((w) => w.major === v.major && w.minor === v.minor))
  return { payload: discoverVersionsPayload.encodeResponse({ versions }) }
}

export const SUPPORTED_OPERATIONS: readonly number[] = [
  Operation.Create,
  Operation.Register,
  Operation.Locate,
  Operation.Get,
  Operation.GetAttributes,
  Operation.GetAttributeList,
  Operation.AddAttribute,
  Operation.ModifyAttribute,
  Operation.DeleteAttribute,
  Operation.Activate,
  Operation.Revoke,
  Operation.Destroy,
  Operation.Query,
  Operation.DiscoverVersions
]

const query: Handler = (payload, env) => {
  const functions = new Set(queryPayload.decodeRequest(payload).queryFunctions)
  return {
    payload: queryPayload.encodeResponse({
      operations: functions.has(QueryFunction.QueryOperations) ? [...SUPPORTED_OPERATIONS] : [],
      objectTypes: functions.has(QueryFunction.QueryObjects) ? [ObjectType.SymmetricKey] : [],
      ...(functions.has(QueryFunction.QueryServerInformation) ? { vendorIdentification: env.vendorIdentification } : {}),
      // No application namespaces and no extensions: those query functions get empty answers.
      applicationNamespaces: [],
      extensionInformation: []
    })
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Create, Register

const create: Handler = (payload, env) => {
  const request = createPayload.decodeRequest(payload)
  if (request.objectType !== ObjectType.SymmetricKey) {
    const asked = OBJECT_TYPE.names.get(request.objectType) ?? formatEnumCode(request.objectType)
    throw invalidField(`Create makes symmetric keys only, not ${asked}`)
  }
  refuseTemplates(request.templateAttribute)
  const template = readTemplate(request.templateAttribute.attributes)
  if (template.algorithm === undefined) throw missingData('Create needs the Cryptographic Algorithm')
  if (template.algorithm !== CryptographicAlgorithm.AES) throw invalidField('this KMS generates AES keys only')
  if (template.length === undefined) throw missingData('Create needs the Cryptographic Length')
  if (!AES_LENGTHS.includes(template.length)) throw invalidField(`AES keys are 128, 192 or 256 bits, not ${template.length}`)
  if (template.usageMask === undefined) throw missingData('Create needs the Cryptographic Usage Mask')

  const material = env.random(template.length / 8)
  if (!(material instanceof Uint8Array) || material.length !== template.length / 8) {
    throw fail(ResultReason.CryptographicFailure, 'the random generator did not deliver the key material')
  }
  const object = newSymmetricKey(env, template, {
    algorithm: template.algorithm,
    length: template.length,
    usageMask: template.usageMask,
    material: new Uint8Array(material)
  })
  return {
    payload: createPayload.encodeResponse({ objectType: ObjectType.SymmetricKey, uniqueIdentifier: object.uid }),
    uid: object.uid
  }
}

function registeredMaterial(block: KeyBlock): Uint8Array {
  if (block.keyFormatType !== KeyFormatType.Raw && block.keyFormatType !== KeyFormatType.TransparentSymmetricKey) {
    throw fail(
      ResultReason.KeyFormatTypeNotSupported,
      `Key Format Type ${KEY_FORMAT_TYPE.names.get(block.keyFormatType) ?? formatEnumCode(block.keyFormatType)} is not supported: use Raw`
    )
  }
  if (block.keyCompressionType !== undefined) throw fail(ResultReason.KeyCompressionTypeNotSupported, 'keys must not be compressed')
  if (block.keyValue instanceof Uint8Array || block.keyWrappingData !== undefined) {
    throw fail(ResultReason.FeatureNotSupported, 'wrapped keys cannot be registered with this KMS')
  }
  const material = block.keyValue.keyMaterial
  if (block.keyFormatType === KeyFormatType.Raw) {
    if (!(material instanceof Uint8Array)) throw invalidField('Raw Key Material must be a ByteString')
    return material
  }
  // Transparent Symmetric Key: Key Material is a structure { Key }.
  const key = Array.isArray(material) && material.length === 1 ? material[0] : undefined
  if (key === undefined || key.tag !== Tag.Key || key.type !== 'ByteString') {
    throw invalidField('Transparent Symmetric Key material must be a structure { Key }')
  }
  return key.value as Uint8Array
}

function agree(fromBlock: number | undefined, fromTemplate: number | undefined, what: string): number | undefined {
  if (fromBlock !== undefined && fromTemplate !== undefined && fromBlock !== fromTemplate) {
    throw invalidField(`the Key Block and the template disagree about the ${what}`)
  }
  return fromBlock ?? fromTemplate
}

const register: Handler = (payload, env) => {
  const request = registerPayload.decodeRequest(payload)
  if (request.objectType !== ObjectType.SymmetricKey) {
    throw fail(ResultReason.FeatureNotSupported, 'this KMS stores symmetric keys only')
  }
  if (request.object.kind !== 'SymmetricKey') throw invalidField('Object Type is Symmetric Key but the object is not')
  refuseTemplates(request.templateAttribute)
  const block = request.object.keyBlock
  const material = registeredMaterial(block)
  const keyValueAttributes = block.keyValue instanceof Uint8Array ? [] : block.keyValue.attributes
  const template = readTemplate([...request.templateAttribute.attributes, ...keyValueAttributes])
  const algorithm = agree(block.cryptographicAlgorithm, template.algorithm, 'Cryptographic Algorithm')
  if (algorithm === undefined) throw missingData('Register needs the Cryptographic Algorithm')
  const length = agree(block.cryptographicLength, template.length, 'Cryptographic Length') ?? material.length * 8
  if (material.length === 0) throw invalidField('Key Material is empty')
  if (algorithm === CryptographicAlgorithm.AES && (!AES_LENGTHS.includes(length) || material.length * 8 !== length)) {
    throw invalidField(`an AES key of ${material.length} bytes does not match Cryptographic Length ${length}`)
  }
  if (length <= 0 || length > material.length * 8) throw invalidField(`Cryptographic Length ${length} does not fit the material`)
  if (template.usageMask === undefined) throw missingData('Register needs the Cryptographic Usage Mask')
  const object = newSymmetricKey(env, template, { algorithm, length, usageMask: template.usageMask, material: new Uint8Array(material) })
  return { payload: registerPayload.encodeResponse({ uniqueIdentifier: object.uid }), uid: object.uid }
}

// ---------------------------------------------------------------------------------------------------------------
// Locate

type Matcher = (object: KmipManagedObject) => boolean

function locateMatcher(name: string, wanted: KmipAttribute[]): Matcher {
  const spec = ATTRIBUTE_SPECS.get(name)
  if (spec === undefined && !isCustomAttribute(name)) throw invalidField(`'${name}' is not a KMIP 1.1 attribute`)
  if (spec?.type === 'DateTime') {
    // One date: that exact date; two dates: the range between them (KMIP 1.1 Locate).
    if (wanted.length > 2) throw invalidField(`Locate takes at most two '${name}' values (a range)`)
    const dates = wanted.map((a) => a.value.value as number)
    const from = Math.min(...dates)
    const to = Math.max(...dates)
    return (object) =>
      objectAttribute(object, name).some((a) => (a.value.value as number) >= from && (a.value.value as number) <= to)
  }
  if (name === 'Cryptographic Usage Mask') {
    // A mask matches objects that allow at least those usages.
    return (object) => wanted.every((a) => (object.usageMask & (a.value.value as number)) === (a.value.value as number))
  }
  if (name === 'Name') {
    const names = wanted.map((a) => readName(a.value))
    const texts = names.map((n) => (n !== undefined && n.nameType === NameType.UninterpretedTextString ? n.text : undefined))
    return (object) => texts.every((text) => text !== undefined && object.names.includes(text))
  }
  return (object) => wanted.every((a) => objectHasAttributeValue(object, a))
}

const locate: Handler = (payload, env) => {
  const request = locatePayload.decodeRequest(payload)
  if (request.objectGroupMember !== undefined) {
    throw fail(ResultReason.FeatureNotSupported, 'Object Group Member is not supported by this KMS')
  }
  if (request.maximumItems !== undefined && request.maximumItems <= 0) throw invalidField('Maximum Items must be positive')

  const byName = new Map<string, KmipAttribute[]>()
  for (const a of request.attributes) byName.set(a.name, [...(byName.get(a.name) ?? []), a])
  const matchers = [...byName].map(([name, wanted]) => locateMatcher(name, wanted))
  // Destroyed objects no longer show up unless the client asks for a State (as in the OASIS 3.1.3 test case).
  const includeDestroyed = byName.has('State')
  // Only online storage exists here, so a mask without that bit finds nothing.
  const online = request.storageStatusMask === undefined || (request.storageStatusMask & StorageStatusMask.OnlineStorage) !== 0

  const found: string[] = []
  if (online) {
    for (const stored of env.store.list()) {
      if (stored.owner !== env.clientId) continue
      const object = touch(stored, env)
      if (!includeDestroyed && isDestroyed(object.state)) continue
      if (matchers.every((match) => match(object))) found.push(object.uid)
      if (request.maximumItems !== undefined && found.length >= request.maximumItems) break
    }
  }
  return {
    payload: locatePayload.encodeResponse({ uniqueIdentifiers: found }),
    ...(found.length > 0 ? { uid: found[0] } : { clearsPlaceholder: true })
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Get, Get Attributes, Get Attribute List

const get: Handler = (payload, env) => {
  const request = getPayload.decodeRequest(payload)
  const object = loadOwned(resolveUid(request.uniqueIdentifier, env), env)
  if (request.keyWrappingSpecification !== undefined) {
    throw fail(ResultReason.FeatureNotSupported, 'this KMS does not wrap keys on Get')
  }
  if (request.keyCompressionType !== undefined) throw fail(ResultReason.KeyCompressionTypeNotSupported, 'keys are not compressed')
  const format = request.keyFormatType ?? KeyFormatType.Raw
  if (format !== KeyFormatType.Raw && format !== KeyFormatType.TransparentSymmetricKey) {
    throw fail(
      ResultReason.KeyFormatTypeNotSupported,
      `Key Format Type ${KEY_FORMAT_TYPE.names.get(format) ?? formatEnumCode(format)} is not supported for symmetric keys`
    )
  }
  // As in the OASIS 3.1.4 test case: after Destroy there is nothing to get, only attributes remain.
  if (isDestroyed(object.state) || object.material === null) {
    throw fail(ResultReason.ItemNotFound, `object ${object.uid} was destroyed: its key material no longer exists`)
  }
  const keyMaterial =
    format === KeyFormatType.Raw ? object.material : [{ tag: Tag.Key, type: 'ByteString' as const, value: object.material }]
  return {
    payload: getPayload.encodeResponse({
      objectType: object.objectType,
      uniqueIdentifier: object.uid,
      object: {
        kind: 'SymmetricKey',
        keyBlock: {
          keyFormatType: format,
          keyValue: { keyMaterial, attributes: [] },
          cryptographicAlgorithm: object.algorithm,
          cryptographicLength: object.length
        }
      }
    }),
    uid: object.uid
  }
}

const getAttributes: Handler = (payload, env) => {
  const request = getAttributesPayload.decodeRequest(payload)
  const object = loadOwned(resolveUid(request.uniqueIdentifier, env), env)
  // Names the object does not have are simply left out (what the vCenter trace shows for x-Product_Version).
  const attributes =
    request.attributeNames.length === 0
      ? objectAttributes(object)
      : [...new Set(request.attributeNames)].flatMap((name) => objectAttribute(object, name))
  return { payload: getAttributesPayload.encodeResponse({ uniqueIdentifier: object.uid, attributes }), uid: object.uid }
}

const getAttributeList: Handler = (payload, env) => {
  const request = getAttributeListPayload.decodeRequest(payload)
  const object = loadOwned(resolveUid(request.uniqueIdentifier, env), env)
  return {
    payload: getAttributeListPayload.encodeResponse({ uniqueIdentifier: object.uid, attributeNames: objectAttributeNames(object) }),
    uid: object.uid
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Add / Modify / Delete Attribute

const addAttribute: Handler = (payload, env) => {
  const request = addAttributePayload.decodeRequest(payload)
  const object = loadOwned(resolveUid(request.uniqueIdentifier, env), env)
  const result = addObjectAttribute(object, request.attribute, env.now)
  env.store.put(result.object)
  return { payload: addAttributePayload.encodeResponse({ uniqueIdentifier: object.uid, attribute: result.attribute }), uid: object.uid }
}

const modifyAttribute: Handler = (payload, env) => {
  const request = modifyAttributePayload.decodeRequest(payload)
  const object = loadOwned(resolveUid(request.uniqueIdentifier, env), env)
  const result = modifyObjectAttribute(object, request.attribute, env.now)
  env.store.put(result.object)
  return {
    payload: modifyAttributePayload.encodeResponse({ uniqueIdentifier: object.uid, attribute: result.attribute }),
    uid: object.uid
  }
}

const deleteAttribute: Handler = (payload, env) => {
  const request = deleteAttributePayload.decodeRequest(payload)
  const object = loadOwned(resolveUid(request.uniqueIdentifier, env), env)
  const result = deleteObjectAttribute(object, request.attributeName, request.attributeIndex, env.now)
  env.store.put(result.object)
  return {
    payload: deleteAttributePayload.encodeResponse({ uniqueIdentifier: object.uid, attribute: result.attribute }),
    uid: object.uid
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Activate, Revoke, Destroy

const activate: Handler = (payload, env) => {
  const request = activatePayload.decodeRequest(payload)
  const object = loadOwned(resolveUid(request.uniqueIdentifier, env), env)
  env.store.put(activateObject(object, env.now))
  return { payload: activatePayload.encodeResponse({ uniqueIdentifier: object.uid }), uid: object.uid }
}

const revoke: Handler = (payload, env) => {
  const request = revokePayload.decodeRequest(payload)
  const code = request.revocationReason.code
  if (!REVOCATION_REASON_CODE.names.has(code)) throw invalidField(`Revocation Reason Code ${formatEnumCode(code)} is not a KMIP 1.1 value`)
  const object = loadOwned(resolveUid(request.uniqueIdentifier, env), env)
  env.store.put(
    revokeObject(
      object,
      {
        reason: code,
        ...(request.revocationReason.message === undefined ? {} : { message: request.revocationReason.message }),
        ...(request.compromiseOccurrenceDate === undefined ? {} : { compromiseOccurrenceDate: request.compromiseOccurrenceDate })
      },
      env.now
    )
  )
  return { payload: revokePayload.encodeResponse({ uniqueIdentifier: object.uid }), uid: object.uid }
}

const destroy: Handler = (payload, env) => {
  const request = destroyPayload.decodeRequest(payload)
  const object = loadOwned(resolveUid(request.uniqueIdentifier, env), env)
  env.store.put(destroyObject(object, env.now))
  return { payload: destroyPayload.encodeResponse({ uniqueIdentifier: object.uid }), uid: object.uid }
}

export const OPERATION_HANDLERS: ReadonlyMap<number, Handler> = new Map<number, Handler>([
  [Operation.Create, create],
  [Operation.Register, register],
  [Operation.Locate, locate],
  [Operation.Get, get],
  [Operation.GetAttributes, getAttributes],
  [Operation.GetAttributeList, getAttributeList],
  [Operation.AddAttribute, addAttribute],
  [Operation.ModifyAttribute, modifyAttribute],
  [Operation.DeleteAttribute, deleteAttribute],
  [Operation.Activate, activate],
  [Operation.Revoke, revoke],
  [Operation.Destroy, destroy],
  [Operation.Query, query],
  [Operation.DiscoverVersions, discoverVersions]
])
