import { describe, expect, it } from 'vitest'
import { toHex } from '../../../shared/crypto/bytes'
import { attribute } from '../../../shared/kmip/attributes'
import { KmipClient, KmipOperationError, KmipResponseError, type KmipTransport } from '../../../shared/kmip/client'
import { CryptographicAlgorithm, Operation, ResultReason, ResultStatus } from '../../../shared/kmip/enums'
import {
  KMIP_1_0,
  decodeRequestMessage,
  encodeResponseMessage,
  type ResponseBatchItem
} from '../../../shared/kmip/messages'
import { createPayload, destroyPayload } from '../../../shared/kmip/payloads'
import { Tag } from '../../../shared/kmip/tags'
import { labKms } from './helpers'

function recording(inner: KmipTransport): { transport: KmipTransport; sent: Uint8Array[]; received: Uint8Array[] } {
  const sent: Uint8Array[] = []
  const received: Uint8Array[] = []
  return {
    sent,
    received,
    transport: async (request) => {
      sent.push(request)
      const response = await inner(request)
      received.push(response)
      return response
    }
  }
}

const respondWith = (items: ResponseBatchItem[]): KmipTransport => async () =>
  encodeResponseMessage({ header: { protocolVersion: { major: 1, minor: 1 }, timeStamp: 1 }, batchItems: items })

describe('KmipClient', () => {
  it('returns each result with the exact bytes exchanged', async () => {
    const kms = labKms()
    const wire = recording(async (request) => kms.handle(request))
    const client = new KmipClient(wire.transport)
    const created = await client.createSymmetricKey({ names: ['k'] })
    expect(created.exchanges).toEqual([{ operation: 'Create', request: wire.sent[0], response: wire.received[0] }])
    const got = await client.get(created.value)
    expect(got.value).toMatchObject({ uniqueIdentifier: created.value, cryptographicAlgorithm: CryptographicAlgorithm.AES, cryptographicLength: 256 })
    expect(toHex(got.value.keyMaterial)).toBe(toHex(kms.store.get(created.value)!.material!))
    const batch = await client.addAttributes(created.value, [attribute.text('x-a', '1'), attribute.text('x-b', '2'), attribute.text('x-c', '3')])
    expect(batch.exchanges[0].operation).toBe('Add Attribute ×3')
    expect(batch.value.map((a) => a.name)).toEqual(['x-a', 'x-b', 'x-c'])
    expect((await client.locateByName('k')).value).toEqual([created.value])
    expect((await client.getAttributeList(created.value)).value).toContain('x-b')
  })

  it('throws KmipOperationError with the result reason, message and the bytes of the failed exchange', async () => {
    const kms = labKms()
    const wire = recording(async (request) => kms.handle(request))
    const client = new KmipClient(wire.transport)
    const error = await client.destroy('missing').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KmipOperationError)
    const failure = error as KmipOperationError
    expect(failure).toMatchObject({ operation: Operation.Destroy, resultStatus: ResultStatus.OperationFailed, resultReason: ResultReason.ItemNotFound })
    expect(failure.resultMessage).toMatch(/missing/)
    expect(failure.message).toMatch(/^Destroy failed: Item Not Found/)
    expect(failure.exchange).toEqual({ operation: 'Destroy', request: wire.sent[0], response: wire.received[0] })
  })

  it('numbers batch items: none for a single item, a little-endian counter in batches, a prefix when configured', async () => {
    const kms = labKms()
    const wire = recording(async (request) => kms.handle(request))
    const plain = new KmipClient(wire.transport)
    await plain.discoverVersions()
    await plain.send([
      { operation: Operation.Query, payload: { tag: Tag.RequestPayload, type: 'Structure', value: [] } },
      { operation: Operation.Query, payload: { tag: Tag.RequestPayload, type: 'Structure', value: [] } }
    ])
    const prefixed = new KmipClient(wire.transport, { batchIdPrefix: new Uint8Array([0x4b, 0x46]) })
    await prefixed.discoverVersions()
    await prefixed.discoverVersions([], { omitBatchItemId: true })
    const ids = wire.sent.map((bytes) => decodeRequestMessage(bytes).batchItems.map((i) => (i.uniqueBatchItemId === undefined ? '-' : toHex(i.uniqueBatchItemId))))
    expect(ids).toEqual([['-'], ['01000000', '02000000'], ['4b4601000000'], ['-']])
  })

  it('sends the protocol version and credential it was given', async () => {
    const kms = labKms()
    const wire = recording(async (request) => kms.handle(request))
    const client = new KmipClient(wire.transport, { version: KMIP_1_0, credential: { username: 'vpxd', password: 'secret' } })
    const versions = await client.discoverVersions()
    expect(versions.value).toEqual([{ major: 1, minor: 1 }, { major: 1, minor: 0 }])
    const header = decodeRequestMessage(wire.sent[0]).header
    expect(header.protocolVersion).toEqual(KMIP_1_0)
    expect(header.authentication).toMatchObject({ credentialType: 1 })
    expect(header.authentication!.credentialValue.value).toEqual([
      { tag: Tag.Username, type: 'TextString', value: 'vpxd' },
      { tag: Tag.Password, type: 'TextString', value: 'secret' }
    ])
  })

  it('treats a single failed item without Operation as a failure of the whole message', async () => {
    const client = new KmipClient(respondWith([{ resultStatus: 1, resultReason: ResultReason.InvalidMessage, resultMessage: 'Error parsing request message' }]))
    const reply = await client.send([
      { operation: Operation.Query, payload: { tag: Tag.RequestPayload, type: 'Structure', value: [] } },
      { operation: Operation.Query, payload: { tag: Tag.RequestPayload, type: 'Structure', value: [] } }
    ])
    expect(reply.results.map((r) => r?.resultReason)).toEqual([ResultReason.InvalidMessage, ResultReason.InvalidMessage])
    const error = await client.addAttributes('1', [attribute.text('x-a', 'b')]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KmipOperationError)
    expect((error as KmipOperationError).resultReason).toBe(ResultReason.InvalidMessage)
  })

  it('throws KmipResponseError, with the bytes, for answers that make no sense', async () => {
    const created = createPayload.encodeResponse({ objectType: 2, uniqueIdentifier: 'x' })
    const nonsense: [string, KmipTransport][] = [
      ['garbage', async () => new Uint8Array([1, 2, 3])],
      ['a request instead of a response', async (request) => request],
      ['the wrong operation', respondWith([{ operation: Operation.Get, resultStatus: 0, payload: created }])],
      ['no payload on success', respondWith([{ operation: Operation.Create, resultStatus: 0 }])],
      ['an invalid payload', respondWith([{ operation: Operation.Create, resultStatus: 0, payload: destroyPayload.encodeResponse({ uniqueIdentifier: 'x' }) }])],
      ['no result at all', respondWith([])],
      ['more results than items', respondWith([{ operation: Operation.Create, resultStatus: 0, payload: created }, { operation: Operation.Create, resultStatus: 0, payload: created }])]
    ]
    for (const [why, transport] of nonsense) {
      const client = new KmipClient(transport)
      const error = await client.createSymmetricKey().catch((e: unknown) => e)
      expect(error, why).toBeInstanceOf(KmipResponseError)
      expect((error as KmipResponseError).exchange.request.length, why).toBeGreaterThan(0)
    }
  })

  it('matches results by Unique Batch Item ID, whatever their order', async () => {
    const payload = (uid: string) => createPayload.encodeResponse({ objectType: 2, uniqueIdentifier: uid })
    const client = new KmipClient(async (request) => {
      const [a, b] = decodeRequestMessage(request).batchItems
      return encodeResponseMessage({
        header: { protocolVersion: { major: 1, minor: 1 }, timeStamp: 1 },
        batchItems: [
          { operation: Operation.Create, uniqueBatchItemId: b.uniqueBatchItemId, resultStatus: 0, payload: payload('second') },
          { operation: Operation.Create, uniqueBatchItemId: a.uniqueBatchItemId, resultStatus: 0, payload: payload('first') }
        ]
      })
    })
    const create = { operation: Operation.Create, payload: createPayload.encodeRequest({ objectType: 2, templateAttribute: { templateNames: [], attributes: [] } }) }
    const reply = await client.send([create, create])
    expect(reply.results.map((r) => createPayload.decodeResponse(r!.payload!).uniqueIdentifier)).toEqual(['first', 'second'])
  })
})
