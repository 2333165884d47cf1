// vCenter against a KMS that refuses its tags: PyKMIP cannot parse the batched Add Attribute and answers Invalid
// Message in its own shape (Protocol Version 1.0, one batch item without Operation). The real vCenter carries on
// (trace exchanges 34/35); provisionKey must too, but not when Create, Get, the State check or Activate fail.

import { describe, expect, it } from 'vitest'
import { fromHex } from '../../../shared/crypto/bytes'
import { KmipOperationError, KmipResponseError } from '../../../shared/kmip/client'
import { Operation, ResultReason, State } from '../../../shared/kmip/enums'
import { decodeRequestMessage, decodeResponseMessage } from '../../../shared/kmip/messages'
import { getAttributesPayload } from '../../../shared/kmip/payloads'
import { createVcenterKmipClient, sessionsOn, vcenterSequence } from '../../../shared/kmip/vcenter'
import { labKms, vcenterTrace } from './helpers'

// PyKMIP 0.11's answer to vCenter's batched Add Attribute, straight from the trace.
const pykmipInvalidMessage = fromHex(vcenterTrace.find((e) => e.op === null && e.request.length > 800)!.response)
const usage = { component: 'Virtual Machine' as const, name: 'vm-1', identifier: 'vm-uuid' }

/** A lab KMS whose answer is replaced by PyKMIP's Invalid Message when `refuse` says so. */
function kmsRefusing(refuse: (operation: number, attributeNames: string[]) => boolean) {
  const kms = labKms()
  const refused: number[] = []
  const client = createVcenterKmipClient(async (request) => {
    const item = decodeRequestMessage(request).batchItems[0]
    const names = item.operation === Operation.GetAttributes ? getAttributesPayload.decodeRequest(item.payload).attributeNames : []
    if (refuse(item.operation, names)) {
      refused.push(item.operation)
      return pykmipInvalidMessage
    }
    return kms.handle(request)
  })
  return { kms, client, refused }
}

describe("PyKMIP's answer to a request it cannot parse", () => {
  it('is Protocol Version 1.0, one failed item without Operation, Invalid Message', () => {
    const answer = decodeResponseMessage(pykmipInvalidMessage)
    expect(answer.header.protocolVersion).toEqual({ major: 1, minor: 0 })
    expect(answer.batchItems).toHaveLength(1)
    expect(answer.batchItems[0].operation).toBeUndefined()
    expect(answer.batchItems[0].resultReason).toBe(ResultReason.InvalidMessage)
  })

  it('reaches the client as an operation failure for every item of the batch, not as an unreadable answer', async () => {
    const { client } = kmsRefusing((op) => op === Operation.AddAttribute)
    const uid = (await vcenterSequence.createKey(client)).value
    const error = await vcenterSequence.addProductTags(client, uid).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KmipOperationError)
    expect(error).not.toBeInstanceOf(KmipResponseError)
    expect((error as KmipOperationError).resultReason).toBe(ResultReason.InvalidMessage)
    expect((error as KmipOperationError).exchange.operation).toBe('Add Attribute ×3')
  })
})

describe('vcenterSequence.provisionKey against a KMS that refuses the tags', () => {
  it('carries on when every batched Add Attribute fails, and records the failed exchanges', async () => {
    const { kms, client, refused } = kmsRefusing((op) => op === Operation.AddAttribute)
    const { value, exchanges } = await vcenterSequence.provisionKey(sessionsOn(client), usage)
    expect(refused).toEqual([Operation.AddAttribute, Operation.AddAttribute])
    expect(value.state).toBe(State.Active)
    expect(value.material).toEqual(kms.store.get(value.uid)!.material)
    expect(value.material).toHaveLength(32)
    // Four sessions, each opened with Discover Versions: Create; 3 checks, Add ×3; Get, State, Activate; 3 checks,
    // Add ×3: nothing skipped.
    expect(exchanges.map((e) => e.operation)).toEqual([
      'Discover Versions',
      'Create',
      'Discover Versions',
      'Get Attributes',
      'Get Attributes',
      'Get Attributes',
      'Add Attribute ×3',
      'Discover Versions',
      'Get',
      'Get Attributes',
      'Activate',
      'Discover Versions',
      'Get Attributes',
      'Get Attributes',
      'Get Attributes',
      'Add Attribute ×3'
    ])
    expect(decodeResponseMessage(exchanges[6].response).batchItems[0].resultReason).toBe(ResultReason.InvalidMessage)
    expect(kms.store.get(value.uid)!.attributes['x-Vendor']).toBeUndefined()
  })

  it('treats a failed check of an x- tag as a missing tag and still adds it', async () => {
    const { kms, client, refused } = kmsRefusing((op, names) => op === Operation.GetAttributes && names.some((n) => n.startsWith('x-')))
    const { value } = await vcenterSequence.provisionKey(sessionsOn(client), usage)
    expect(refused).toHaveLength(6)
    expect(value.state).toBe(State.Active)
    const stored = kms.store.get(value.uid)!
    expect(stored.attributes['x-Vendor']).toEqual({ type: 'TextString', value: 'VMware, Inc.' })
    expect(stored.attributes['x-Name']).toEqual({ type: 'TextString', value: 'vm-1' })
  })

  for (const [what, operation, names] of [
    ['Create', Operation.Create, []],
    ['Get', Operation.Get, []],
    ['Activate', Operation.Activate, []],
    ['the State check', Operation.GetAttributes, ['State']]
  ] as const) {
    it(`fails when ${what} fails`, async () => {
      const { client } = kmsRefusing((op, asked) => op === operation && (names.length === 0 || asked.includes(names[0])))
      const error = await vcenterSequence.provisionKey(sessionsOn(client), usage).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(KmipOperationError)
      expect((error as KmipOperationError).operation).toBe(operation)
    })
  }

  it('does not pass over an answer it cannot read, even to a tag batch', async () => {
    const kms = labKms()
    const client = createVcenterKmipClient(async (request) =>
      decodeRequestMessage(request).batchItems[0].operation === Operation.AddAttribute ? new Uint8Array([1, 2, 3]) : kms.handle(request)
    )
    await expect(vcenterSequence.provisionKey(sessionsOn(client), usage)).rejects.toBeInstanceOf(KmipResponseError)
  })
})
