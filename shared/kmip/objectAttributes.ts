// A managed object seen as KMIP attributes, and the rules for the client changing them (Create/Register
// templates, Add / Modify / Delete Attribute). Each change returns a new object; the stored one is never edited.

import {
  ATTRIBUTE_SPECS,
  attributeValuesEqual,
  dateValue,
  enumValue,
  integerValue,
  isClientCustomAttribute,
  isServerCustomAttribute,
  nameValue,
  readName,
  textValue,
  type KmipAttribute,
  type KmipAttributeValue
} from './attributes'
import { NameType, ResultReason, State, stateName } from './enums'
import { KmipResultError, invalidField } from './errors'
import { applyTimeTransitions } from './lifecycle'
import { enumeration, text } from './messages'
import type { KmipManagedObject } from './store'
import { Tag } from './tags'

// Attributes that live in dedicated fields of KmipManagedObject rather than in its attributes record.
const DEDICATED = new Set([
  'Unique Identifier',
  'Object Type',
  'Cryptographic Algorithm',
  'Cryptographic Length',
  'Cryptographic Usage Mask',
  'Name',
  'State',
  'Initial Date',
  'Activation Date',
  'Deactivation Date',
  'Destroy Date',
  'Compromise Occurrence Date',
  'Compromise Date',
  'Revocation Reason',
  'Last Change Date'
])

const withIndex = (name: string, value: KmipAttributeValue, index: number): KmipAttribute =>
  index > 0 ? { name, index, value } : { name, value }

/** All instances of one attribute, or [] if the object does not have it. */
export function objectAttribute(object: KmipManagedObject, name: string): KmipAttribute[] {
  const one = (value: KmipAttributeValue | undefined): KmipAttribute[] => (value === undefined ? [] : [{ name, value }])
  const date = (seconds: number | undefined): KmipAttribute[] => one(seconds === undefined ? undefined : dateValue(seconds))
  switch (name) {
    case 'Unique Identifier':
      return one(textValue(object.uid))
    case 'Object Type':
      return one(enumValue(object.objectType))
    case 'Cryptographic Algorithm':
      return one(enumValue(object.algorithm))
    case 'Cryptographic Length':
      return one(integerValue(object.length))
    case 'Cryptographic Usage Mask':
      return one(integerValue(object.usageMask))
    case 'Name':
      return object.names.map((n, i) => withIndex('Name', nameValue(n), i))
    case 'State':
      return one(enumValue(object.state))
    case 'Initial Date':
      return date(object.initialDate)
    case 'Activation Date':
      return date(object.activationDate)
    case 'Deactivation Date':
      return date(object.deactivationDate)
    case 'Destroy Date':
      return date(object.destroyDate)
    case 'Compromise Occurrence Date':
      return date(object.compromiseOccurrenceDate)
    case 'Compromise Date':
      return date(object.compromiseDate)
    case 'Last Change Date':
      return date(object.lastChangeDate)
    case 'Revocation Reason': {
      const r = object.revocation
      if (r === undefined) return []
      const fields = [enumeration(Tag.RevocationReasonCode, r.reason)]
      if (r.message !== undefined) fields.push(text(Tag.RevocationMessage, r.message))
      return one({ type: 'Structure', value: fields })
    }
    default:
      return Object.hasOwn(object.attributes, name) ? one(object.attributes[name]) : []
  }
}

const LISTING_ORDER = [
  'Unique Identifier',
  'Object Type',
  'Cryptographic Algorithm',
  'Cryptographic Length',
  'Cryptographic Usage Mask',
  'Name',
  'State',
  'Initial Date',
  'Activation Date',
  'Deactivation Date',
  'Compromise Occurrence Date',
  'Compromise Date',
  'Revocation Reason',
  'Destroy Date',
  'Last Change Date'
]

/** Every attribute the object has, dedicated ones first in a fixed order, then the rest as they were added. */
export function objectAttributes(object: KmipManagedObject): KmipAttribute[] {
  const names = [...LISTING_ORDER, ...Object.keys(object.attributes).filter((n) => !DEDICATED.has(n))]
  return names.flatMap((name) => objectAttribute(object, name))
}

/** The names of the attributes the object has (Get Attribute List). */
export function objectAttributeNames(object: KmipManagedObject): string[] {
  return [...new Set(objectAttributes(object).map((a) => a.name))]
}

// ---------------------------------------------------------------------------------------------------------------
// Rules for client changes

type Change = 'template' | 'add' | 'modify' | 'delete'

const permissionDenied = (message: string): KmipResultError => new KmipResultError(ResultReason.PermissionDenied, message)

/** Refuses attribute names the client may not touch in this kind of change. */
function checkClientMayChange(name: string, change: Change): void {
  // In a template every refusal is about a field of the request, hence Invalid Field there.
  const refuse = (message: string): KmipResultError => (change === 'template' ? invalidField(message) : permissionDenied(message))
  if (isServerCustomAttribute(name)) throw refuse(`'${name}': y- custom attributes are set by the server only`)
  if (isClientCustomAttribute(name)) return
  const spec = ATTRIBUTE_SPECS.get(name)
  if (spec === undefined) throw invalidField(`'${name}' is not a KMIP 1.1 attribute (custom attributes start with x-)`)
  if (spec.origin === 'server') throw refuse(`'${name}' is set by the server and cannot be set by a client`)
  if (spec.origin === 'creation' && change !== 'template') throw refuse(`'${name}' is fixed when the object is created`)
  if (change === 'delete' && name.endsWith(' Date')) throw refuse(`'${name}' cannot be deleted`)
}

function nameText(attribute: KmipAttribute): string {
  const name = readName(attribute.value)
  if (name === undefined) throw invalidField('Name must be a structure { Name Value, Name Type }')
  if (name.nameType !== NameType.UninterpretedTextString) {
    throw new KmipResultError(ResultReason.FeatureNotSupported, 'this KMS keeps only names of type Uninterpreted Text String')
  }
  return name.text
}

function dateSeconds(attribute: KmipAttribute): number {
  return attribute.value.value as number
}

function checkDateChange(object: KmipManagedObject, name: string): void {
  const allowed =
    name === 'Deactivation Date' ? [State.PreActive, State.Active] : name.endsWith(' Date') ? [State.PreActive] : undefined
  if (allowed !== undefined && !(allowed as number[]).includes(object.state)) {
    throw new KmipResultError(
      ResultReason.IllegalOperation,
      `'${name}' cannot be changed while object ${object.uid} is ${stateName(object.state)}`
    )
  }
}

function setSingle(object: KmipManagedObject, attribute: KmipAttribute, now: number): KmipManagedObject {
  const changed = { ...object, lastChangeDate: now }
  if (attribute.name === 'Activation Date') return applyTimeTransitions({ ...changed, activationDate: dateSeconds(attribute) }, now)
  if (attribute.name === 'Deactivation Date') return applyTimeTransitions({ ...changed, deactivationDate: dateSeconds(attribute) }, now)
  return { ...changed, attributes: { ...object.attributes, [attribute.name]: attribute.value } }
}

/** Add Attribute. Returns the new object and the attribute as the response echoes it. */
export function addObjectAttribute(
  object: KmipManagedObject,
  attribute: KmipAttribute,
  now: number
): { object: KmipManagedObject; attribute: KmipAttribute } {
  checkClientMayChange(attribute.name, 'add')
  if (attribute.index !== undefined) throw invalidField('Add Attribute must not carry an Attribute Index')
  if (attribute.name === 'Name') {
    const added = nameText(attribute)
    const next = { ...object, names: [...object.names, added], lastChangeDate: now }
    return { object: next, attribute: withIndex('Name', attribute.value, object.names.length) }
  }
  if (objectAttribute(object, attribute.name).length > 0) {
    throw new KmipResultError(
      ResultReason.IllegalOperation,
      `object ${object.uid} already has '${attribute.name}' (one instance only); use Modify Attribute`
    )
  }
  checkDateChange(object, attribute.name)
  return { object: setSingle(object, attribute, now), attribute }
}

function instanceIndex(object: KmipManagedObject, name: string, index: number | undefined): number {
  const count = objectAttribute(object, name).length
  if (count === 0) throw new KmipResultError(ResultReason.ItemNotFound, `object ${object.uid} has no '${name}'`)
  const i = index ?? 0
  if (i >= count) {
    throw new KmipResultError(ResultReason.IndexOutOfBounds, `object ${object.uid} has no '${name}' with Attribute Index ${i}`)
  }
  return i
}

/** Modify Attribute. Returns the new object and the attribute with its new value. */
export function modifyObjectAttribute(
  object: KmipManagedObject,
  attribute: KmipAttribute,
  now: number
): { object: KmipManagedObject; attribute: KmipAttribute } {
  checkClientMayChange(attribute.name, 'modify')
  const i = instanceIndex(object, attribute.name, attribute.index)
  if (attribute.name === 'Name') {
    const names = [...object.names]
    names[i] = nameText(attribute)
    return { object: { ...object, names, lastChangeDate: now }, attribute }
  }
  checkDateChange(object, attribute.name)
  return { object: setSingle(object, attribute, now), attribute }
}

/** Delete Attribute. Returns the new object and the attribute that was removed (with its old value). */
export function deleteObjectAttribute(
  object: KmipManagedObject,
  name: string,
  index: number | undefined,
  now: number
): { object: KmipManagedObject; attribute: KmipAttribute } {
  checkClientMayChange(name, 'delete')
  const i = instanceIndex(object, name, index)
  const removed = objectAttribute(object, name)[i]
  const echoed = index === undefined ? { name, value: removed.value } : { name, index, value: removed.value }
  if (name === 'Name') {
    return { object: { ...object, names: object.names.filter((_, j) => j !== i), lastChangeDate: now }, attribute: echoed }
  }
  const rest = { ...object.attributes }
  delete rest[name]
  return { object: { ...object, attributes: rest, lastChangeDate: now }, attribute: echoed }
}

// ---------------------------------------------------------------------------------------------------------------
// Templates (Create, Register)

/** What a Create/Register template says about the new object. */
export interface TemplateChoices {
  algorithm?: number
  length?: number
  usageMask?: number
  names: string[]
  activationDate?: number
  deactivationDate?: number
  attributes: Record<string, KmipAttributeValue>
}

/** Reads a template's attributes, refusing server-only ones and repeated single-instance ones. */
export function readTemplate(attributes: KmipAttribute[]): TemplateChoices {
  const out: TemplateChoices = { names: [], attributes: {} }
  const seen = new Set<string>()
  for (const a of attributes) {
    checkClientMayChange(a.name, 'template')
    if (a.name === 'Name') {
      if (a.index !== undefined && a.index !== out.names.length) {
        throw invalidField(`Name has Attribute Index ${a.index}, expected ${out.names.length}`)
      }
      out.names.push(nameText(a))
      continue
    }
    if (a.index !== undefined && a.index !== 0) throw invalidField(`'${a.name}' has only one instance in this KMS`)
    if (seen.has(a.name)) throw invalidField(`the template sets '${a.name}' more than once`)
    seen.add(a.name)
    switch (a.name) {
      case 'Cryptographic Algorithm':
        out.algorithm = a.value.value as number
        break
      case 'Cryptographic Length':
        out.length = a.value.value as number
        break
      case 'Cryptographic Usage Mask':
        out.usageMask = a.value.value as number
        break
      case 'Activation Date':
        out.activationDate = dateSeconds(a)
        break
      case 'Deactivation Date':
        out.deactivationDate = dateSeconds(a)
        break
      default:
        out.attributes[a.name] = a.value
    }
  }
  return out
}

/** Does the object have this attribute value (any instance)? Used by Locate for non-special attributes. */
export function objectHasAttributeValue(object: KmipManagedObject, wanted: KmipAttribute): boolean {
  return objectAttribute(object, wanted.name).some((a) => attributeValuesEqual(a.value, wanted.value))
}
