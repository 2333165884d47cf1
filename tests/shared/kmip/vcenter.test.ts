// The real vCenter 7.0.3 trace: our client builds the same request bytes, and our server answers every request.

import { describe, expect, it } from 'vitest'
import { fromHex, toHex } from '../../../shared/crypto/bytes'
import { readName } from '../../../shared/kmip/attributes'
import { KmipClient, KmipOperationError } from '../../../shared/kmip/client'
import { Operation, ResultReason, ResultStatus, State, operationName } from '../../../shared/kmip/enums'
import { decodeRequestMessage, decodeResponseMessage } from '../../../shared/kmip/messages'
import { addAttributePayload, createPayload, getAttributesPayload, getPayload } from '../../../shared/kmip/payloads'
import { Tag } from '../../../shared/kmip/tags'
import { decodeTtlv, encodeTtlv, type TtlvItem } from '../../../shared/kmip/ttlv'
import { VCENTER_7_0_3, createVcenterKmipClient, sessionsOn, vcenterSequence } from '../../../shared/kmip/vcenter'
import { labKms, replayRecorded, vcenterTrace } from './helpers'

const trace = vcenterTrace.map((e, i) => ({ index: i, session: e.session, request: fromHex(e.request), response: fromHex(e.response) }))

const payloadUid = (item: TtlvItem): string | undefined =>
  (item.value as TtlvItem[]).find((f) => f.tag === Tag.UniqueIdentifier)?.value as string | undefined

/** Makes the call that should produce this trace request, through a client whose transport answers from the trace. */
async function rebuild(requestBytes: Uint8Array, responseBytes: Uint8Array): Promise<Uint8Array> {
  let sent: Uint8Array | undefined
  const client = createVcenterKmipClient(async (request) => {
    sent = request
    return responseBytes
  })
  const message = decodeRequestMessage(requestBytes)
  const first = message.batchItems[0]
  const uid = payloadUid(first.payload) ?? ''
  try {
    switch (first.operation) {
      case Operation.DiscoverVersions:
        await vcenterSequence.discoverVersions(client, first.uniqueBatchItemId !== undefined)
        break
      case Operation.Query:
        await vcenterSequence.queryServerInformation(client)
        break
      case Operation.Create:
        await vcenterSequence.createKey(client)
        break
      case Operation.GetAttributes: {
        const [name] = getAttributesPayload.decodeRequest(first.payload).attributeNames
        await (name === 'State' ? vcenterSequence.getState(client, uid) : vcenterSequence.getAttribute(client, uid, name))
        break
      }
      case Operation.AddAttribute: {
        const added = message.batchItems.map((item) => addAttributePayload.decodeRequest(item.payload).attribute)
        const value = (name: string): string => added.find((a) => a.name === name)?.value.value as string
        if (added[0].name === 'x-Product_Version') await vcenterSequence.addProductTags(client, uid)
        else {
          const component = value('x-Component') as 'ESXi Server' | 'Virtual Machine'
          await vcenterSequence.addUsageTags(client, uid, { component, name: value('x-Name'), identifier: value('x-Identifier') })
        }
        break
      }
      case Operation.Get:
        await vcenterSequence.get(client, uid)
        break
      case Operation.Activate:
        await vcenterSequence.activate(client, uid)
        break
      default:
        throw new Error(`unexpected ${operationName(first.operation)} in the trace`)
    }
  } catch (error) {
    // PyKMIP refused the batched Add Attribute; the error must still carry the exact bytes exchanged.
    expect(error).toBeInstanceOf(KmipOperationError)
    expect(toHex((error as KmipOperationError).exchange.request)).toBe(toHex(sent!))
    expect(toHex((error as KmipOperationError).exchange.response)).toBe(toHex(responseBytes))
  }
  if (sent === undefined) throw new Error('nothing was sent')
  return sent
}

describe('vCenter 7.0.3 requests built by KmipClient', () => {
  it('are byte-identical to all 58 requests of the trace', async () => {
    const operations = new Set<string>()
    for (const e of trace) {
      const built = await rebuild(e.request, e.response)
      expect(toHex(built), `request ${e.index}`).toBe(toHex(e.request))
      operations.add(operationName(decodeRequestMessage(e.request).batchItems[0].operation))
    }
    expect([...operations].sort()).toEqual(['Activate', 'Add Attribute', 'Create', 'Discover Versions', 'Get', 'Get Attributes', 'Query'])
  })

  it('number batch items QLKC + little-endian counter from 1 in each message', async () => {
    const sent: Uint8Array[] = []
    const kms = labKms()
    const client = createVcenterKmipClient(async (request) => {
      sent.push(request)
      return kms.handle(request)
    })
    const uid = (await vcenterSequence.createKey(client)).value
    await vcenterSequence.addProductTags(client, uid)
    const ids = sent.map((bytes) => decodeRequestMessage(bytes).batchItems.map((i) => toHex(i.uniqueBatchItemId!)))
    expect(ids).toEqual([['514c4b4301000000'], ['514c4b4301000000', '514c4b4302000000', '514c4b4303000000']])
    expect(toHex(VCENTER_7_0_3.batchIdPrefix)).toBe(toHex(new TextEncoder().encode('QLKC')))
  })

  it('reproduce the trace requests of a whole VM key creation (provisionKey), given the same uid', async () => {
    // Key '1' of the trace is the VM key of 'test01': four TLS sessions (51, 52, 57, 58), each opened with Discover
    // Versions — Create; product-tag checks and batch; Get, State, Activate; usage-tag checks and batch
    // (docs/vsphere-facts.md#kmip-session-per-step).
    const bySession = [[26, 27], [28, 29, 31, 33, 34], [49, 50, 51, 52], [53, 54, 55, 56, 57]]
    expect(bySession.map((ids) => [...new Set(ids.map((i) => trace[i].session))])).toEqual([['00000051'], ['00000052'], ['00000057'], ['00000058']])
    const kms = labKms()
    let uids = 0
    const sent: string[][] = []
    const session = async <T>(fn: (client: KmipClient) => Promise<T>): Promise<T> => {
      const requests: string[] = []
      sent.push(requests)
      return fn(
        createVcenterKmipClient(async (request) => {
          requests.push(toHex(request))
          return kms.server.handle(request, { ...kms.context(), newUid: () => String(++uids) })
        })
      )
    }
    const result = await vcenterSequence.provisionKey(session, {
      component: 'Virtual Machine',
      name: 'test01',
      identifier: '4226f566-3ed5-1c8f-cda3-b0b037b6dc97'
    })
    expect(sent).toEqual(bySession.map((ids) => ids.map((i) => toHex(trace[i].request))))
    expect(result.exchanges.map((e) => toHex(e.request))).toEqual(sent.flat())
    expect(result.value.uid).toBe('1')
    expect(result.value.state).toBe(State.Active)
    expect(toHex(result.value.material)).toBe(toHex(kms.store.get('1')!.material!))
  })
})

describe('the lab KMS answering the vCenter trace', () => {
  it('answers every request successfully, batched Add Attribute included (trace key IDs mapped to ours)', () => {
    const kms = labKms()
    const idMap = new Map<string, string>()
    const mapUids = (item: TtlvItem): TtlvItem =>
      item.type === 'Structure'
        ? { ...item, value: (item.value as TtlvItem[]).map(mapUids) }
        : item.tag === Tag.UniqueIdentifier
          ? { ...item, value: idMap.get(item.value as string) ?? `unmapped ${item.value as string}` }
          : item

    for (const e of trace) {
      const request = encodeTtlv(mapUids(decodeTtlv(e.request)))
      const sent = decodeRequestMessage(request)
      const answer = decodeResponseMessage(kms.handle(request, 'buntu20', decodeResponseMessage(e.response).header.timeStamp))
      expect(answer.header.protocolVersion, `exchange ${e.index}`).toEqual({ major: 1, minor: 1 })
      expect(answer.batchItems).toHaveLength(sent.batchItems.length)
      for (const [j, item] of answer.batchItems.entries()) {
        expect(item, `exchange ${e.index} item ${j}`).toMatchObject({ operation: sent.batchItems[j].operation, resultStatus: ResultStatus.Success })
        expect(toHex(item.uniqueBatchItemId ?? new Uint8Array()), 'echoed batch item ID').toBe(toHex(sent.batchItems[j].uniqueBatchItemId ?? new Uint8Array()))
      }
      const first = answer.batchItems[0]
      if (first.operation === Operation.Create) {
        // Trace key IDs ('1', '2') stand for whatever IDs this KMS issues.
        const theirs = createPayload.decodeResponse(only(e.response).payload!).uniqueIdentifier
        idMap.set(theirs, createPayload.decodeResponse(first.payload!).uniqueIdentifier)
      }
      if (first.operation === Operation.Get) {
        const key = getPayload.decodeResponse(first.payload!)
        expect(key.object.kind).toBe('SymmetricKey')
      }
    }

    expect([...idMap.keys()]).toEqual(['1', '2'])
    for (const uid of idMap.values()) {
      const key = kms.store.get(uid)!
      expect(key.state).toBe(State.Active)
      expect(key.length).toBe(256)
      expect(key.usageMask).toBe(12)
      expect(key.attributes['x-Vendor']).toEqual({ type: 'TextString', value: 'VMware, Inc.' })
      expect(key.attributes['x-Product_Version']).toEqual({ type: 'TextString', value: '7.0.3 build-19480866' })
    }
    expect(kms.store.get(idMap.get('1')!)!.attributes['x-Component']).toEqual({ type: 'TextString', value: 'Virtual Machine' })
    expect(kms.store.get(idMap.get('2')!)!.attributes['x-Component']).toEqual({ type: 'TextString', value: 'ESXi Server' })
    expect(kms.store.get(idMap.get('2')!)!.attributes['x-Name']).toEqual({ type: 'TextString', value: '172.16.220.132' })
  })

  it('answers byte for byte like PyKMIP wherever PyKMIP succeeded (same uids, material, clock, versions and vendor)', () => {
    const answers = replayRecorded(
      trace,
      {
        vendorIdentification: 'PyKMIP 0.11.0.dev1 Software Server',
        protocolVersions: [
          { major: 2, minor: 0 },
          { major: 1, minor: 4 },
          { major: 1, minor: 3 },
          { major: 1, minor: 2 },
          { major: 1, minor: 1 },
          { major: 1, minor: 0 }
        ]
      },
      'buntu20'
    )
    let identical = 0
    for (const [i, e] of trace.entries()) {
      const recorded = decodeResponseMessage(e.response)
      if (recorded.batchItems[0].resultStatus !== ResultStatus.Success) {
        // PyKMIP 0.11 could not parse the batched Add Attribute (Invalid Message); the lab KMS accepts it.
        expect(recorded.batchItems[0].resultReason).toBe(ResultReason.InvalidMessage)
        expect(decodeRequestMessage(e.request).batchItems.every((item) => item.operation === Operation.AddAttribute)).toBe(true)
        expect(decodeResponseMessage(answers[i]).batchItems.map((item) => item.resultStatus)).toEqual([0, 0, 0])
        continue
      }
      expect(toHex(answers[i]), `exchange ${i}`).toBe(toHex(e.response))
      identical++
    }
    expect(identical).toBe(54)
  })

  it('lets vCenter read back what it tagged, and the key names are absent (vCenter sends none)', async () => {
    const kms = labKms()
    const client: KmipClient = createVcenterKmipClient(async (request) => kms.handle(request))
    const { value } = await vcenterSequence.provisionKey(sessionsOn(client), { component: 'ESXi Server', name: 'esx-01', identifier: 'host-uuid' })
    const attributes = (await client.getAttributes(value.uid)).value
    const byName = new Map(attributes.map((a) => [a.name, a.value.value]))
    expect(byName.get('x-Component')).toBe('ESXi Server')
    expect(byName.get('x-Product')).toBe('VMware vSphere')
    expect(byName.get('State')).toBe(State.Active)
    expect(attributes.some((a) => a.name === 'Name' && readName(a.value) !== undefined)).toBe(false)
    // A second provisioning round on the same key adds nothing: every tag is already there.
    const again = await vcenterSequence.addProductTags(client, value.uid).catch((e: unknown) => e)
    expect(again).toBeInstanceOf(KmipOperationError)
    expect((again as KmipOperationError).resultReason).toBe(ResultReason.IllegalOperation)
  })
})

function only(bytes: Uint8Array) {
  const items = decodeResponseMessage(bytes).batchItems
  expect(items).toHaveLength(1)
  return items[0]
}
