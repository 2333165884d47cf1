import fc from 'fast-check'
import { sha256 } from '@noble/hashes/sha2.js'
import { describe, expect, it } from 'vitest'
import { fromHex, toHex } from '../../../shared/crypto/bytes'
import { attribute, nameValue, type KmipAttribute } from '../../../shared/kmip/attributes'
import { KmipClient, KmipOperationError, type BatchOperation } from '../../../shared/kmip/client'
import {
  BatchErrorContinuationOption,
  CryptographicAlgorithm,
  KeyFormatType,
  NameType,
  ObjectType,
  Operation,
  QueryFunction,
  ResultReason,
  ResultStatus,
  RevocationReasonCode,
  State
} from '../../../shared/kmip/enums'
import {
  KMIP_1_1,
  decodeResponseMessage,
  encodeRequestMessage,
  protocolVersionToTtlv,
  structure,
  type ResponseBatchItem
} from '../../../shared/kmip/messages'
import {
  activatePayload,
  addAttributePayload,
  createPayload,
  destroyPayload,
  getAttributesPayload,
  getPayload,
  locatePayload,
  registerPayload,
  revokePayload,
  type KeyBlock
} from '../../../shared/kmip/payloads'
import { KmipServerCore, MemoryKeyStore, type KmipKeyStore } from '../../../shared/kmip/server'
import { Tag } from '../../../shared/kmip/tags'
import { encodeTtlv } from '../../../shared/kmip/ttlv'
import { countingBytes, labKms, type LabKms } from './helpers'
import { rejectionOf } from '../../helpers/rejection'

const NOW = 1_700_000_000

function clientFor(kms: LabKms, clientId = 'vcenter-sim', now = (): number => NOW): KmipClient {
  return new KmipClient(async (request) => kms.handle(request, clientId, now()))
}

const failure = (promise: Promise<unknown>) => rejectionOf(promise, KmipOperationError)

async function expectReason(promise: Promise<unknown>, reason: number, message?: RegExp): Promise<void> {
  const error = await failure(promise)
  expect(error.resultReason, error.resultMessage).toBe(reason)
  if (message !== undefined) expect(error.resultMessage).toMatch(message)
}

const op = (operation: number, payload: BatchOperation['payload']): BatchOperation => ({ operation, payload })
const createAes = (extra: KmipAttribute[] = []): BatchOperation =>
  op(
    Operation.Create,
    createPayload.encodeRequest({
      objectType: ObjectType.SymmetricKey,
      templateAttribute: {
        templateNames: [],
        attributes: [attribute.cryptographicAlgorithm(3), attribute.cryptographicLength(256), attribute.cryptographicUsageMask(12), ...extra]
      }
    })
  )

describe('Create', () => {
  it('makes a Pre-Active AES key from ctx.random with the requested attributes', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey({ length: 192, names: ['k1'], attributes: [attribute.text('x-Purpose', 'demo')] })).value
    const key = kms.store.get(uid)!
    expect(key).toMatchObject({
      uid: 'key-1',
      objectType: ObjectType.SymmetricKey,
      algorithm: CryptographicAlgorithm.AES,
      length: 192,
      usageMask: 12,
      state: State.PreActive,
      names: ['k1'],
      owner: 'vcenter-sim',
      initialDate: NOW,
      lastChangeDate: NOW
    })
    expect(key.material).toHaveLength(24)
    expect(key.activationDate).toBeUndefined()
    const got = (await client.get(uid)).value
    expect(toHex(got.keyMaterial)).toBe(toHex(key.material!))
    const attributes = new Map((await client.getAttributes(uid)).value.map((a) => [a.name, a.value]))
    expect(attributes.get('x-Purpose')).toEqual({ type: 'TextString', value: 'demo' })
    expect(attributes.get('Initial Date')).toEqual({ type: 'DateTime', value: NOW })
    // The Digest is SHA-256 over the key material.
    const digest = attributes.get('Digest')!
    expect(digest.type).toBe('Structure')
    expect(toHex((digest.value as { value: unknown }[])[1].value as Uint8Array)).toBe(toHex(sha256(key.material!)))
  })

  it('makes an Active key when the Activation Date has already come, a Pre-Active one otherwise', async () => {
    let now = NOW
    const kms = labKms()
    const client = clientFor(kms, 'vcenter-sim', () => now)
    const past = (await client.createSymmetricKey({ attributes: [attribute.activationDate(NOW - 10)] })).value
    const future = (await client.createSymmetricKey({ attributes: [attribute.activationDate(NOW + 60)] })).value
    expect(kms.store.get(past)!.state).toBe(State.Active)
    expect(kms.store.get(future)!.state).toBe(State.PreActive)
    now = NOW + 60
    const state = (await client.getAttributes(future, ['State'])).value
    expect(state).toEqual([attribute.state(State.Active)])
    expect(kms.store.get(future)!.lastChangeDate).toBe(NOW + 60)
  })

  it('deactivates an Active key once its Deactivation Date has come', async () => {
    let now = NOW
    const kms = labKms()
    const client = clientFor(kms, 'vcenter-sim', () => now)
    const uid = (await client.createSymmetricKey({ attributes: [attribute.activationDate(NOW), attribute.deactivationDate(NOW + 100)] })).value
    expect(kms.store.get(uid)!.state).toBe(State.Active)
    now = NOW + 100
    expect((await client.locate({ attributes: [attribute.state(State.Deactivated)] })).value).toEqual([uid])
  })

  it('takes 128, 192 and 256 bits and refuses other lengths and algorithms', async () => {
    const client = clientFor(labKms())
    for (const length of [128, 192, 256]) expect((await client.createSymmetricKey({ length })).value).toMatch(/^key-/)
    await expectReason(client.createSymmetricKey({ length: 512 }), ResultReason.InvalidField, /128, 192 or 256/)
    await expectReason(client.createSymmetricKey({ algorithm: CryptographicAlgorithm.TripleDES, length: 168 }), ResultReason.InvalidField, /AES/)
  })

  it('needs algorithm, length and usage mask', async () => {
    const client = clientFor(labKms())
    const { cryptographicAlgorithm, cryptographicLength, cryptographicUsageMask } = attribute
    await expectReason(client.create([cryptographicLength(256), cryptographicUsageMask(12)]), ResultReason.MissingData, /Algorithm/)
    await expectReason(client.create([cryptographicAlgorithm(3), cryptographicUsageMask(12)]), ResultReason.MissingData, /Length/)
    await expectReason(client.create([cryptographicAlgorithm(3), cryptographicLength(256)]), ResultReason.MissingData, /Usage Mask/)
  })

  it('refuses other object types, templates, server-set attributes and repeated attributes', async () => {
    const client = clientFor(labKms())
    await expectReason(client.create([attribute.cryptographicAlgorithm(3)], ObjectType.SecretData), ResultReason.InvalidField, /symmetric keys only/)
    const withTemplate = createPayload.encodeRequest({
      objectType: ObjectType.SymmetricKey,
      templateAttribute: { templateNames: [{ text: 'Template1', nameType: 1 }], attributes: [] }
    })
    const reply = await client.send([op(Operation.Create, withTemplate)])
    expect(reply.results[0]).toMatchObject({ resultReason: ResultReason.FeatureNotSupported })
    await expectReason(client.createSymmetricKey({ attributes: [attribute.state(State.Active)] }), ResultReason.InvalidField, /set by the server/)
    await expectReason(client.createSymmetricKey({ attributes: [attribute.text('y-Mine', 'no')] }), ResultReason.InvalidField, /y-/)
    await expectReason(client.createSymmetricKey({ attributes: [attribute.cryptographicLength(128)] }), ResultReason.InvalidField, /more than once/)
    await expectReason(client.createSymmetricKey({ attributes: [attribute.text('Colour', 'red')] }), ResultReason.InvalidField, /not a KMIP 1.1 attribute/)
    await expectReason(client.createSymmetricKey({ names: [], attributes: [attribute.name('u', NameType.URI)] }), ResultReason.FeatureNotSupported)
  })

  it('reports a random source that fails, and an ID that is already taken, without storing anything', async () => {
    const kms = labKms()
    const short = new KmipClient(async (request) => kms.server.handle(request, { ...kms.context(), random: () => new Uint8Array(3) }))
    await expectReason(short.createSymmetricKey(), ResultReason.CryptographicFailure)
    const same = new KmipClient(async (request) => kms.server.handle(request, { ...kms.context(), newUid: () => 'fixed' }))
    expect((await same.createSymmetricKey()).value).toBe('fixed')
    await expectReason(same.createSymmetricKey(), ResultReason.GeneralFailure, /already in use/)
    expect(kms.store.list().map((k) => k.uid)).toEqual(['fixed'])
  })
})

describe('Register', () => {
  const raw = countingBytes(32, 100)

  it('stores raw AES key material; Get returns it', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.register({ material: raw, usageMask: 4, names: ['imported'] })).value
    expect(kms.store.get(uid)).toMatchObject({ state: State.PreActive, length: 256, usageMask: 4, names: ['imported'] })
    expect(toHex((await client.get(uid)).value.keyMaterial)).toBe(toHex(raw))
  })

  const registerWith = (block: Partial<KeyBlock>, attrs: KmipAttribute[] = [attribute.cryptographicUsageMask(12)], objectType: number = ObjectType.SymmetricKey) =>
    op(
      Operation.Register,
      registerPayload.encodeRequest({
        objectType,
        templateAttribute: { templateNames: [], attributes: attrs },
        object: {
          kind: 'SymmetricKey',
          keyBlock: { keyFormatType: KeyFormatType.Raw, keyValue: { keyMaterial: raw, attributes: [] }, cryptographicAlgorithm: 3, cryptographicLength: 256, ...block }
        }
      })
    )

  it('accepts a Transparent Symmetric Key and checks the key block', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const cases: [BatchOperation, number | undefined][] = [
      [registerWith({ keyFormatType: KeyFormatType.TransparentSymmetricKey, keyValue: { keyMaterial: [{ tag: Tag.Key, type: 'ByteString', value: raw }], attributes: [] } }), undefined],
      [registerWith({ cryptographicLength: 128 }), ResultReason.InvalidField],
      [registerWith({ keyFormatType: KeyFormatType.Pkcs8 }), ResultReason.KeyFormatTypeNotSupported],
      [registerWith({ keyCompressionType: 1 }), ResultReason.KeyCompressionTypeNotSupported],
      [registerWith({ keyValue: new Uint8Array(40) }), ResultReason.FeatureNotSupported],
      [registerWith({}, []), ResultReason.MissingData],
      [registerWith({ cryptographicAlgorithm: undefined }), ResultReason.MissingData],
      [registerWith({}, [attribute.cryptographicUsageMask(12), attribute.cryptographicAlgorithm(4)]), ResultReason.InvalidField],
      [registerWith({}, undefined, ObjectType.SecretData), ResultReason.FeatureNotSupported]
    ]
    for (const [request, reason] of cases) {
      const result = (await client.send([request])).results[0]!
      if (reason === undefined) expect(result.resultStatus).toBe(ResultStatus.Success)
      else expect(result.resultReason, result.resultMessage).toBe(reason)
    }
    expect(kms.store.list()).toHaveLength(1)
  })
})

describe('Get', () => {
  it('returns Raw or Transparent Symmetric Key, refuses other formats, compression and wrapping', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey()).value
    const material = kms.store.get(uid)!.material!
    expect(toHex((await client.get(uid, { keyFormatType: KeyFormatType.TransparentSymmetricKey })).value.keyMaterial)).toBe(toHex(material))
    await expectReason(client.get(uid, { keyFormatType: KeyFormatType.Pkcs1 }), ResultReason.KeyFormatTypeNotSupported)
    const compressed = await client.send([op(Operation.Get, getPayload.encodeRequest({ uniqueIdentifier: uid, keyCompressionType: 1 }))])
    expect(compressed.results[0]!.resultReason).toBe(ResultReason.KeyCompressionTypeNotSupported)
    const wrapped = await client.send([
      op(Operation.Get, getPayload.encodeRequest({ uniqueIdentifier: uid, keyWrappingSpecification: structure(Tag.KeyWrappingSpecification, []) }))
    ])
    expect(wrapped.results[0]!.resultReason).toBe(ResultReason.FeatureNotSupported)
  })

  it('answers Item Not Found for unknown IDs and for destroyed keys (whose attributes stay readable)', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    await expectReason(client.get('nope'), ResultReason.ItemNotFound, /nope/)
    const uid = (await client.createSymmetricKey()).value
    await client.destroy(uid)
    await expectReason(client.get(uid), ResultReason.ItemNotFound, /destroyed/)
    expect((await client.getAttributes(uid, ['State', 'Destroy Date'])).value).toEqual([
      attribute.state(State.Destroyed),
      { name: 'Destroy Date', value: { type: 'DateTime', value: NOW } }
    ])
    expect(kms.store.get(uid)!.material).toBeNull()
  })
})

describe('ownership', () => {
  it('denies every operation on another client’s key and hides it from Locate', async () => {
    const kms = labKms()
    const owner = clientFor(kms, 'vcenter-a')
    const other = clientFor(kms, 'vcenter-b')
    const uid = (await owner.createSymmetricKey({ names: ['shared-name'] })).value
    const attempts: Promise<unknown>[] = [
      other.get(uid),
      other.getAttributes(uid),
      other.getAttributeList(uid),
      other.addAttribute(uid, attribute.text('x-Mine', 'yes')),
      other.modifyAttribute(uid, attribute.name('stolen')),
      other.deleteAttribute(uid, 'Name'),
      other.activate(uid),
      other.revoke(uid, RevocationReasonCode.Unspecified),
      other.destroy(uid)
    ]
    for (const attempt of attempts) await expectReason(attempt, ResultReason.PermissionDenied, /belongs to another client/)
    expect((await other.locateByName('shared-name')).value).toEqual([])
    expect((await owner.locateByName('shared-name')).value).toEqual([uid])
    expect(kms.store.get(uid)!.state).toBe(State.PreActive)
  })
})

describe('Locate', () => {
  it('filters by name, object type, state, usage mask, custom attributes and date ranges', async () => {
    let now = NOW
    const kms = labKms()
    const client = clientFor(kms, 'vcenter-sim', () => now)
    const a = (await client.createSymmetricKey({ names: ['alpha'], usageMask: 12, attributes: [attribute.text('x-Component', 'Virtual Machine')] })).value
    now = NOW + 10
    const b = (await client.createSymmetricKey({ names: ['beta'], usageMask: 4 | 8 | 0x10, attributes: [attribute.text('x-Component', 'ESXi Server')] })).value
    now = NOW + 20
    const c = (await client.createSymmetricKey({ names: ['alpha', 'gamma'], usageMask: 4 })).value
    await client.activate(b)

    const find = async (attributes: KmipAttribute[], extra: { maximumItems?: number; storageStatusMask?: number } = {}) =>
      (await client.locate({ attributes, ...extra })).value
    expect(await find([attribute.name('alpha')])).toEqual([a, c])
    expect(await find([attribute.name('alpha'), attribute.name('gamma')])).toEqual([c])
    expect(await find([attribute.objectType(ObjectType.SymmetricKey), attribute.name('beta')])).toEqual([b])
    expect(await find([attribute.state(State.Active)])).toEqual([b])
    expect(await find([attribute.cryptographicUsageMask(12)])).toEqual([a, b])
    expect(await find([attribute.text('x-Component', 'ESXi Server')])).toEqual([b])
    const initial = (t: number): KmipAttribute => ({ name: 'Initial Date', value: { type: 'DateTime', value: t } })
    expect(await find([initial(NOW + 10)])).toEqual([b])
    expect(await find([initial(NOW + 5), initial(NOW + 30)])).toEqual([b, c])
    expect(await find([])).toEqual([a, b, c])
    expect(await find([], { maximumItems: 2 })).toEqual([a, b])
    expect(await find([], { storageStatusMask: 2 })).toEqual([])
    expect(await find([], { storageStatusMask: 1 })).toEqual([a, b, c])
    expect(await find([attribute.name('nobody')])).toEqual([])
  })

  it('leaves destroyed keys out unless the client asks for a State', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey({ names: ['gone'] })).value
    await client.destroy(uid)
    expect((await client.locateByName('gone')).value).toEqual([])
    expect((await client.locate({ attributes: [attribute.name('gone'), attribute.state(State.Destroyed)] })).value).toEqual([uid])
  })

  it('refuses what it cannot do', async () => {
    const client = clientFor(labKms())
    await expectReason(client.locate({ attributes: [], objectGroupMember: 1 }), ResultReason.FeatureNotSupported)
    await expectReason(client.locate({ attributes: [], maximumItems: 0 }), ResultReason.InvalidField)
    await expectReason(client.locate({ attributes: [attribute.text('Colour', 'red')] }), ResultReason.InvalidField)
    const date = { name: 'Initial Date', value: { type: 'DateTime' as const, value: NOW } }
    await expectReason(client.locate({ attributes: [date, date, date] }), ResultReason.InvalidField, /range/)
  })
})

describe('attributes', () => {
  it('Get Attributes: all, by name, names the key lacks are left out; Get Attribute List', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey({ names: ['n1'] })).value
    const all = (await client.getAttributes(uid)).value.map((a) => a.name)
    expect(all).toEqual([
      'Unique Identifier',
      'Object Type',
      'Cryptographic Algorithm',
      'Cryptographic Length',
      'Cryptographic Usage Mask',
      'Name',
      'State',
      'Initial Date',
      'Last Change Date',
      'Digest'
    ])
    expect((await client.getAttributes(uid, ['x-Vendor', 'State', 'State', 'Activation Date'])).value).toEqual([attribute.state(State.PreActive)])
    expect((await client.getAttributeList(uid)).value).toEqual(all)
  })

  it('Add Attribute: custom x- attributes once, Names many times; server and creation attributes are refused', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey({ names: ['first'] })).value
    expect((await client.addAttribute(uid, attribute.text('x-Vendor', 'VMware, Inc.'))).value).toEqual(attribute.text('x-Vendor', 'VMware, Inc.'))
    await expectReason(client.addAttribute(uid, attribute.text('x-Vendor', 'again')), ResultReason.IllegalOperation, /Modify Attribute/)
    expect((await client.addAttribute(uid, attribute.name('second'))).value).toEqual({ ...attribute.name('second'), index: 1 })
    expect(kms.store.get(uid)!.names).toEqual(['first', 'second'])
    await expectReason(client.addAttribute(uid, attribute.text('y-Server', 'x')), ResultReason.PermissionDenied, /y-/)
    await expectReason(client.addAttribute(uid, attribute.state(State.Active)), ResultReason.PermissionDenied)
    await expectReason(client.addAttribute(uid, attribute.cryptographicLength(128)), ResultReason.PermissionDenied, /fixed/)
    await expectReason(client.addAttribute(uid, attribute.text('Colour', 'red')), ResultReason.InvalidField)
    await expectReason(client.addAttribute(uid, { ...attribute.text('x-Indexed', 'v'), index: 1 }), ResultReason.InvalidField, /Index/)
    await expectReason(client.addAttribute(uid, { name: 'Name', value: { type: 'TextString', value: 'flat' } }), ResultReason.InvalidField)
    expect(kms.store.get(uid)!.lastChangeDate).toBe(NOW)
  })

  it('Add Attribute of an Activation Date that has come activates a Pre-Active key', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey()).value
    await client.addAttribute(uid, attribute.activationDate(NOW))
    expect(kms.store.get(uid)!.state).toBe(State.Active)
    expect((await client.addAttribute(uid, attribute.deactivationDate(NOW + 1))).value).toEqual(attribute.deactivationDate(NOW + 1))
    expect(kms.store.get(uid)).toMatchObject({ state: State.Active, activationDate: NOW, deactivationDate: NOW + 1 })
    await expectReason(client.addAttribute(uid, attribute.activationDate(NOW)), ResultReason.IllegalOperation, /already has/)
  })

  it('Modify Attribute: existing instances only, by index; dates only in the states that allow it', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey({ names: ['a', 'b'], attributes: [attribute.text('x-Name', 'vm1')] })).value
    expect((await client.modifyAttribute(uid, attribute.text('x-Name', 'vm2'))).value).toEqual(attribute.text('x-Name', 'vm2'))
    expect((await client.modifyAttribute(uid, { ...attribute.name('B'), index: 1 })).value).toEqual({ ...attribute.name('B'), index: 1 })
    expect(kms.store.get(uid)!.names).toEqual(['a', 'B'])
    await expectReason(client.modifyAttribute(uid, { ...attribute.name('C'), index: 2 }), ResultReason.IndexOutOfBounds)
    await expectReason(client.modifyAttribute(uid, attribute.text('x-Missing', 'v')), ResultReason.ItemNotFound, /Add Attribute|no 'x-Missing'/)
    await expectReason(client.modifyAttribute(uid, attribute.cryptographicUsageMask(4)), ResultReason.PermissionDenied)
    await client.addAttribute(uid, attribute.activationDate(NOW + 100))
    await client.modifyAttribute(uid, attribute.activationDate(NOW + 50))
    expect(kms.store.get(uid)!.activationDate).toBe(NOW + 50)
    await client.activate(uid)
    await expectReason(client.modifyAttribute(uid, attribute.activationDate(NOW + 500)), ResultReason.IllegalOperation, /Active/)
  })

  it('Delete Attribute: returns what it removed; lifecycle dates cannot be deleted', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey({ names: ['a', 'b'], attributes: [attribute.text('x-Name', 'vm1'), attribute.activationDate(NOW + 5)] })).value
    expect((await client.deleteAttribute(uid, 'x-Name')).value).toEqual(attribute.text('x-Name', 'vm1'))
    expect((await client.deleteAttribute(uid, 'Name', 0)).value).toEqual({ ...attribute.name('a'), index: 0 })
    expect(kms.store.get(uid)!.names).toEqual(['b'])
    await expectReason(client.deleteAttribute(uid, 'x-Name'), ResultReason.ItemNotFound)
    await expectReason(client.deleteAttribute(uid, 'Activation Date'), ResultReason.PermissionDenied)
    await expectReason(client.deleteAttribute(uid, 'Unique Identifier'), ResultReason.PermissionDenied)
  })
})

describe('key lifecycle', () => {
  it('Activate only from Pre-Active', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey()).value
    expect((await client.activate(uid)).value).toBe(uid)
    expect(kms.store.get(uid)).toMatchObject({ state: State.Active, activationDate: NOW })
    await expectReason(client.activate(uid), ResultReason.IllegalOperation, /Pre-Active/)
  })

  it('Revoke deactivates an Active key and records why; a compromise needs its date', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey()).value
    await expectReason(client.revoke(uid, RevocationReasonCode.CessationOfOperation), ResultReason.IllegalOperation, /Active/)
    await client.activate(uid)
    await client.revoke(uid, RevocationReasonCode.CessationOfOperation, { message: 'done' })
    expect(kms.store.get(uid)).toMatchObject({ state: State.Deactivated, deactivationDate: NOW, revocation: { reason: 6, message: 'done' } })
    const reason = (await client.getAttributes(uid, ['Revocation Reason'])).value[0]
    expect(reason.value.type).toBe('Structure')
    await expectReason(client.revoke(uid, RevocationReasonCode.KeyCompromise), ResultReason.MissingData, /Compromise Occurrence Date/)
    await client.revoke(uid, RevocationReasonCode.KeyCompromise, { compromiseOccurrenceDate: NOW - 3600 })
    expect(kms.store.get(uid)).toMatchObject({ state: State.Compromised, compromiseDate: NOW, compromiseOccurrenceDate: NOW - 3600 })
    await expectReason(client.revoke(uid, RevocationReasonCode.CACompromise, { compromiseOccurrenceDate: NOW }), ResultReason.IllegalOperation, /already compromised/)
    await expectReason(client.revoke(uid, 0x42), ResultReason.InvalidField)
  })

  it('Destroy: not an Active key; removes the material; a compromised key becomes Destroyed Compromised', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const active = (await client.createSymmetricKey()).value
    await client.activate(active)
    await expectReason(client.destroy(active), ResultReason.IllegalOperation, /revoked before/)
    await client.revoke(active, RevocationReasonCode.KeyCompromise, { compromiseOccurrenceDate: NOW })
    await client.destroy(active)
    expect(kms.store.get(active)).toMatchObject({ state: State.DestroyedCompromised, material: null, destroyDate: NOW })
    await expectReason(client.destroy(active), ResultReason.IllegalOperation, /already destroyed/)

    const destroyed = (await client.createSymmetricKey()).value
    await client.destroy(destroyed)
    await client.revoke(destroyed, RevocationReasonCode.KeyCompromise, { compromiseOccurrenceDate: NOW })
    expect(kms.store.get(destroyed)!.state).toBe(State.DestroyedCompromised)
    await expectReason(client.activate(destroyed), ResultReason.IllegalOperation)
  })

  // The KMIP 1.1 state diagram as a table: what each action does from each state (undefined = refused).
  type Action = 'activate' | 'revoke' | 'compromise' | 'destroy'
  const MODEL: Record<number, Record<Action, number | undefined>> = {
    [State.PreActive]: { activate: State.Active, revoke: undefined, compromise: State.Compromised, destroy: State.Destroyed },
    [State.Active]: { activate: undefined, revoke: State.Deactivated, compromise: State.Compromised, destroy: undefined },
    [State.Deactivated]: { activate: undefined, revoke: undefined, compromise: State.Compromised, destroy: State.Destroyed },
    [State.Compromised]: { activate: undefined, revoke: undefined, compromise: undefined, destroy: State.DestroyedCompromised },
    [State.Destroyed]: { activate: undefined, revoke: undefined, compromise: State.DestroyedCompromised, destroy: undefined },
    [State.DestroyedCompromised]: { activate: undefined, revoke: undefined, compromise: undefined, destroy: undefined }
  }

  it('follows the KMIP 1.1 state diagram for any sequence of actions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Action>('activate', 'revoke', 'compromise', 'destroy'), { maxLength: 8 }), async (actions) => {
        const kms = labKms()
        const client = clientFor(kms)
        const uid = (await client.createSymmetricKey()).value
        let expected: number = State.PreActive
        for (const action of actions) {
          const call =
            action === 'activate'
              ? client.activate(uid)
              : action === 'revoke'
                ? client.revoke(uid, RevocationReasonCode.Superseded)
                : action === 'compromise'
                  ? client.revoke(uid, RevocationReasonCode.KeyCompromise, { compromiseOccurrenceDate: NOW })
                  : client.destroy(uid)
          const next = MODEL[expected][action]
          if (next === undefined) await expectReason(call, ResultReason.IllegalOperation)
          else {
            await call
            expected = next
          }
          const key = kms.store.get(uid)!
          expect(key.state).toBe(expected)
          // Key material exists exactly as long as the key is not destroyed.
          expect(key.material === null).toBe(expected === State.Destroyed || expected === State.DestroyedCompromised)
        }
      }),
      { numRuns: 150 }
    )
  })
})

describe('batches', () => {
  const ids = (reply: { response: { batchItems: ResponseBatchItem[] } }) => reply.response.batchItems.map((i) => [i.operation, i.resultStatus])

  it('use the ID Placeholder: Create, Activate, Add Attribute and Get without Unique Identifier', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const reply = await client.send([
      createAes(),
      op(Operation.Activate, activatePayload.encodeRequest({})),
      op(Operation.AddAttribute, addAttributePayload.encodeRequest({ attribute: attribute.text('x-Step', '3') })),
      op(Operation.Get, getPayload.encodeRequest({}))
    ])
    expect(reply.results.map((r) => r!.resultStatus)).toEqual([0, 0, 0, 0])
    const uid = createPayload.decodeResponse(reply.results[0]!.payload!).uniqueIdentifier
    expect(getPayload.decodeResponse(reply.results[3]!.payload!).uniqueIdentifier).toBe(uid)
    expect(kms.store.get(uid)).toMatchObject({ state: State.Active, attributes: { 'x-Step': { type: 'TextString', value: '3' } } })
  })

  it('use the first located object as ID Placeholder (OASIS 3.1.4-b: Locate then Get)', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey({ names: ['Key1'] })).value
    const reply = await client.send([
      op(Operation.Locate, locatePayload.encodeRequest({ attributes: [attribute.objectType(2), attribute.name('Key1')] })),
      op(Operation.Get, getPayload.encodeRequest({}))
    ])
    expect(getPayload.decodeResponse(reply.results[1]!.payload!).uniqueIdentifier).toBe(uid)
    const none = await client.send(
      [op(Operation.Locate, locatePayload.encodeRequest({ attributes: [attribute.name('nobody')] })), op(Operation.Get, getPayload.encodeRequest({}))],
      { batchErrorContinuationOption: BatchErrorContinuationOption.Continue }
    )
    expect(none.results[1]).toMatchObject({ resultStatus: ResultStatus.OperationFailed, resultReason: ResultReason.MissingData })
  })

  it('Stop (the default): answer up to the first failure and keep what was done before it', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const reply = await client.send([createAes(), op(Operation.Get, getPayload.encodeRequest({ uniqueIdentifier: 'missing' })), createAes()])
    expect(ids(reply)).toEqual([
      [Operation.Create, ResultStatus.Success],
      [Operation.Get, ResultStatus.OperationFailed]
    ])
    expect(reply.results[2]).toBeUndefined()
    expect(kms.store.list()).toHaveLength(1)
  })

  it('Continue: answer every item; a failed item clears the ID Placeholder', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const reply = await client.send(
      [createAes(), op(Operation.Destroy, destroyPayload.encodeRequest({ uniqueIdentifier: 'missing' })), op(Operation.Activate, activatePayload.encodeRequest({})), createAes()],
      { batchErrorContinuationOption: BatchErrorContinuationOption.Continue }
    )
    expect(reply.results.map((r) => [r!.resultStatus, r!.resultReason])).toEqual([
      [ResultStatus.Success, undefined],
      [ResultStatus.OperationFailed, ResultReason.ItemNotFound],
      [ResultStatus.OperationFailed, ResultReason.MissingData],
      [ResultStatus.Success, undefined]
    ])
    expect(kms.store.list().map((k) => k.state)).toEqual([State.PreActive, State.PreActive])
  })

  it('Undo: a failure rolls back the earlier items and reports them Operation Undone', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const existing = (await client.createSymmetricKey()).value
    const reply = await client.send(
      [
        createAes(),
        op(Operation.Activate, activatePayload.encodeRequest({ uniqueIdentifier: existing })),
        op(Operation.Activate, activatePayload.encodeRequest({ uniqueIdentifier: existing }))
      ],
      { batchErrorContinuationOption: BatchErrorContinuationOption.Undo }
    )
    expect(reply.results.map((r) => r!.resultStatus)).toEqual([ResultStatus.OperationUndone, ResultStatus.OperationUndone, ResultStatus.OperationFailed])
    expect(reply.results[2]!.resultReason).toBe(ResultReason.IllegalOperation)
    expect(kms.store.list().map((k) => [k.uid, k.state])).toEqual([[existing, State.PreActive]])
  })

  it('echo each Unique Batch Item ID and need one on every item of a multi-item batch', async () => {
    const kms = labKms()
    const withIds = await new KmipClient(async (r) => kms.handle(r), { batchIdPrefix: new Uint8Array([0xab]) }).send([createAes(), createAes()])
    expect(withIds.response.batchItems.map((i) => toHex(i.uniqueBatchItemId!))).toEqual(['ab01000000', 'ab02000000'])

    const message = (items: { id?: Uint8Array }[]) =>
      encodeRequestMessage({
        header: { protocolVersion: KMIP_1_1 },
        batchItems: items.map((i) => ({
          operation: Operation.Query,
          payload: structure(Tag.RequestPayload, []),
          ...(i.id === undefined ? {} : { uniqueBatchItemId: i.id })
        }))
      })
    for (const bad of [[{ id: new Uint8Array([1]) }, {}], [{ id: new Uint8Array([1]) }, { id: new Uint8Array([1]) }]]) {
      const answer = decodeResponseMessage(kms.handle(message(bad)))
      expect(answer.batchItems).toEqual([
        {
          resultStatus: ResultStatus.OperationFailed,
          resultReason: ResultReason.InvalidMessage,
          resultMessage: expect.stringMatching(/Unique Batch Item ID/)
        }
      ])
    }
  })

  it('answer an operation this server does not implement with Operation Not Supported, and carry on', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const reply = await client.send([op(Operation.CreateKeyPair, structure(Tag.RequestPayload, [])), op(0x7f, structure(Tag.RequestPayload, [])), createAes()], {
      batchErrorContinuationOption: BatchErrorContinuationOption.Continue
    })
    expect(reply.results.map((r) => [r!.operation, r!.resultReason])).toEqual([
      [Operation.CreateKeyPair, ResultReason.OperationNotSupported],
      [0x7f, ResultReason.OperationNotSupported],
      [Operation.Create, undefined]
    ])
    expect(reply.results[0]!.resultMessage).toMatch(/Create Key Pair is not supported/)
  })

  it('fail every item with Response Too Large, and keep nothing, when the answer exceeds Maximum Response Size', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const reply = await client.send([createAes()], { maximumResponseSize: 100 })
    expect(reply.results[0]).toMatchObject({ resultStatus: ResultStatus.OperationFailed, resultReason: ResultReason.ResponseTooLarge })
    expect(kms.store.list()).toHaveLength(0)
    expect((await client.send([createAes()], { maximumResponseSize: 4096 })).results[0]!.resultStatus).toBe(ResultStatus.Success)
  })
})

describe('messages the server cannot process', () => {
  const answer = (bytes: Uint8Array, kms = labKms()) => decodeResponseMessage(kms.handle(bytes, 'c', NOW + 7))

  it('answers undecodable bytes with Invalid Message in protocol version 1.0, with the offset in the message', () => {
    const reply = answer(fromHex('42007801000000084200770100000000ff'))
    expect(reply.header).toEqual({ protocolVersion: { major: 1, minor: 0 }, timeStamp: NOW + 7 })
    expect(reply.batchItems).toEqual([
      { resultStatus: ResultStatus.OperationFailed, resultReason: ResultReason.InvalidMessage, resultMessage: expect.stringMatching(/at byte \d+/) }
    ])
  })

  it('echoes the client’s version when the header could be read but the message is invalid', () => {
    const bad = encodeTtlv(structure(Tag.RequestMessage, [structure(Tag.RequestHeader, [protocolVersionToTtlv({ major: 1, minor: 1 })])]))
    const reply = answer(bad)
    expect(reply.header.protocolVersion).toEqual({ major: 1, minor: 1 })
    expect(reply.batchItems[0].resultReason).toBe(ResultReason.InvalidMessage)
  })

  it('refuses protocol versions it does not speak, except for Discover Versions', () => {
    const kms = labKms()
    const at = (version: { major: number; minor: number }, operation: number, payload = structure(Tag.RequestPayload, [])) =>
      decodeResponseMessage(kms.handle(encodeRequestMessage({ header: { protocolVersion: version }, batchItems: [{ operation, payload }] })))
    const query = at({ major: 2, minor: 0 }, Operation.Query)
    expect(query.header.protocolVersion).toEqual({ major: 2, minor: 0 })
    expect(query.batchItems[0]).toMatchObject({ resultReason: ResultReason.InvalidMessage, resultMessage: expect.stringMatching(/1\.1, 1\.0/) })
    const versions = [protocolVersionToTtlv({ major: 1, minor: 4 }), protocolVersionToTtlv({ major: 1, minor: 0 })]
    const discover = at({ major: 1, minor: 4 }, Operation.DiscoverVersions, structure(Tag.RequestPayload, versions))
    expect(discover.batchItems[0].resultStatus).toBe(ResultStatus.Success)
    expect(at({ major: 1, minor: 0 }, Operation.Query).batchItems[0].resultStatus).toBe(ResultStatus.Success)
  })

  it('reports a payload that breaks the schema for that item only', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const revokeMissing = op(Operation.Revoke, revokePayload.encodeRequest({ uniqueIdentifier: 'x', revocationReason: { code: 1 } }))
    const withoutUid = op(Operation.GetAttributes, getAttributesPayload.encodeRequest({ attributeNames: [] }))
    const reply = await client.send([revokeMissing, withoutUid], { batchErrorContinuationOption: BatchErrorContinuationOption.Continue })
    expect(reply.results.map((r) => r!.resultReason)).toEqual([ResultReason.ItemNotFound, ResultReason.MissingData])
    const broken = await client.send([op(Operation.Activate, structure(Tag.RequestPayload, [{ tag: Tag.UniqueIdentifier, type: 'Integer', value: 1 }]))])
    expect(broken.results[0]).toMatchObject({ operation: Operation.Activate, resultReason: ResultReason.InvalidField })
  })

  it('never throws, even when the caller’s store, uid source or clock misbehave', () => {
    const server = new KmipServerCore()
    const broken: KmipKeyStore = {
      get: () => {
        throw new Error('disk on fire')
      },
      put: () => {
        throw new Error('disk on fire')
      },
      list: () => {
        throw new Error('disk on fire')
      }
    }
    const create = encodeRequestMessage({ header: { protocolVersion: KMIP_1_1 }, batchItems: [{ operation: Operation.Create, payload: createAes().payload }] })
    const contexts = [
      { clientId: 'c', now: NOW, store: broken, newUid: () => 'u', random: countingBytes },
      { clientId: 'c', now: NOW, store: new MemoryKeyStore(), newUid: (): string => { throw new Error('no ids') }, random: countingBytes },
      { clientId: 'c', now: NOW, store: new MemoryKeyStore(), newUid: () => 42 as unknown as string, random: countingBytes },
      undefined as never
    ]
    for (const ctx of contexts) {
      const reply = decodeResponseMessage(server.handle(create, ctx))
      expect(reply.batchItems[0].resultStatus).toBe(ResultStatus.OperationFailed)
      expect(reply.batchItems[0].resultReason).toBe(ResultReason.GeneralFailure)
    }
    // A clock that is not a number is read as 0 rather than breaking the Time Stamp.
    const nan = decodeResponseMessage(server.handle(create, { clientId: 'c', now: Number.NaN, store: new MemoryKeyStore(), newUid: () => 'u', random: countingBytes }))
    expect(nan.header.timeStamp).toBe(0)
    expect(nan.batchItems[0].resultStatus).toBe(ResultStatus.Success)
  })
})

describe('server information', () => {
  it('Discover Versions: everything for an empty list, otherwise what both sides speak, in server order', async () => {
    const client = clientFor(labKms())
    expect((await client.discoverVersions()).value).toEqual([{ major: 1, minor: 1 }, { major: 1, minor: 0 }])
    expect((await client.discoverVersions([{ major: 1, minor: 0 }, { major: 1, minor: 1 }, { major: 1, minor: 2 }])).value).toEqual([
      { major: 1, minor: 1 },
      { major: 1, minor: 0 }
    ])
    expect((await client.discoverVersions([{ major: 2, minor: 0 }])).value).toEqual([])
  })

  it('Query: operations, objects and the vendor identification passed in; nothing for namespaces/extensions', async () => {
    const client = clientFor(labKms({ vendorIdentification: 'KeyFlow Lab KMS 0.1' }))
    const all = (await client.query([QueryFunction.QueryOperations, QueryFunction.QueryObjects, QueryFunction.QueryServerInformation])).value
    expect(all.operations).toContain(Operation.AddAttribute)
    expect(all.operations).not.toContain(Operation.CreateKeyPair)
    expect(all.objectTypes).toEqual([ObjectType.SymmetricKey])
    expect(all.vendorIdentification).toBe('KeyFlow Lab KMS 0.1')
    const info = (await client.query([QueryFunction.QueryServerInformation])).value
    expect(info).toEqual({ operations: [], objectTypes: [], vendorIdentification: 'KeyFlow Lab KMS 0.1', applicationNamespaces: [], extensionInformation: [] })
    const empty = (await client.query([QueryFunction.QueryApplicationNamespaces, QueryFunction.QueryExtensionList])).value
    expect(empty).toEqual({ operations: [], objectTypes: [], applicationNamespaces: [], extensionInformation: [] })
  })

  it('stamps every response with ctx.now', () => {
    const kms = labKms()
    const query = encodeRequestMessage({ header: { protocolVersion: KMIP_1_1 }, batchItems: [{ operation: Operation.Query, payload: structure(Tag.RequestPayload, []) }] })
    for (const now of [0, NOW, 2 ** 40]) expect(decodeResponseMessage(kms.handle(query, 'c', now)).header.timeStamp).toBe(now)
  })
})

describe('immutable records', () => {
  it('never edits a stored object: every change puts a new record', async () => {
    const kms = labKms()
    const client = clientFor(kms)
    const uid = (await client.createSymmetricKey({ names: ['n'] })).value
    const before = kms.store.get(uid)!
    await client.activate(uid)
    await client.addAttribute(uid, attribute.text('x-A', '1'))
    expect(before.state).toBe(State.PreActive)
    expect(before.attributes).not.toHaveProperty('x-A')
    expect(Object.isFrozen(kms.store.get(uid))).toBe(true)
    expect(kms.store.get(uid)).not.toBe(before)
    expect(nameValue('n')).toEqual(attribute.name('n').value)
  })
})
