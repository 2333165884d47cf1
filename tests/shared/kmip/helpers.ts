// Fixtures and a deterministic lab KMS for the KMIP tests.

import { fromHex } from '../../../shared/crypto/bytes'
import { Operation, ResultStatus } from '../../../shared/kmip/enums'
import { decodeResponseMessage } from '../../../shared/kmip/messages'
import { createPayload, getPayload, registerPayload } from '../../../shared/kmip/payloads'
import { KmipServerCore, type KmipServerContext, type KmipServerOptions } from '../../../shared/kmip/server'
import { MemoryKeyStore } from '../../../shared/kmip/store'
import oasisFixture from '../../fixtures/kmip/oasis-kmip10-testcases.json'
import pykmipFixture from '../../fixtures/kmip/pykmip-unit-vectors.json'
import captureFixture from '../../fixtures/kmip/pykmip-capture-kmip11.json'
import primitivesFixture from '../../fixtures/kmip/spec-primitives.json'
import vcenterFixture from '../../fixtures/kmip/vcenter-7.0.3-trace.json'

export const oasisVectors: { name: string; hex: string }[] = oasisFixture.vectors
export const pykmipVectors: { class: string; name: string; ttlvOk: boolean; hex: string; comment: string }[] = pykmipFixture.vectors
export const captureExchanges: { operation: string; request: string; response: string }[] = captureFixture.exchanges
export const specPrimitives: { name: string; hex: string }[] = primitivesFixture.examples
export const vcenterTrace: { session: string; op: string | null; request: string; response: string }[] = vcenterFixture.exchanges

/** An OASIS KMIP 1.0 test-case message by name, e.g. '4_1_a_create_request'. */
export const oasisMessage = (name: string): Uint8Array => {
  const v = oasisVectors.find((x) => x.name === `kmip_1_0__${name}`)
  if (v === undefined) throw new Error(`no OASIS vector ${name}`)
  return fromHex(v.hex)
}

/** Deterministic key bytes: n bytes counting up from a seed (the tests never need secret randomness). */
export function countingBytes(n: number, seed = 1): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (seed + i) & 0xff)
}

export interface LabKms {
  server: KmipServerCore
  store: MemoryKeyStore
  /** Sends one request as `clientId` at time `now`. */
  handle(request: Uint8Array, clientId?: string, now?: number): Uint8Array
  context(clientId?: string, now?: number): KmipServerContext
}

/** A server with an in-memory store, uids 'key-1', 'key-2', … and counting key material. */
export function labKms(options: KmipServerOptions = {}, start = 1_700_000_000): LabKms {
  const server = new KmipServerCore({ vendorIdentification: 'KeyFlow Lab KMS', ...options })
  const store = new MemoryKeyStore()
  let uids = 0
  let seed = 0
  const context = (clientId = 'vcenter-sim', now = start): KmipServerContext => ({
    clientId,
    now,
    store,
    newUid: () => `key-${++uids}`,
    random: (n) => countingBytes(n, ++seed * 16)
  })
  return { server, store, context, handle: (request, clientId, now) => server.handle(request, context(clientId, now)) }
}

export interface RecordedExchange {
  request: Uint8Array
  response: Uint8Array
}

/**
 * Replays recorded requests against a fresh KmipServerCore that issues the same Unique Identifiers, hands out
 * the same key material and reads the same clock as the recorded server, so its answers can be compared byte
 * for byte. Uids come from the recorded Create/Register responses, material from the recorded Get responses.
 */
export function replayRecorded(exchanges: RecordedExchange[], options: KmipServerOptions = {}, clientId = 'replay'): Uint8Array[] {
  const uids: string[] = []
  const material = new Map<string, Uint8Array>()
  for (const e of exchanges) {
    const response = decodeResponseMessage(e.response)
    for (const item of response.batchItems) {
      if (item.resultStatus !== ResultStatus.Success || item.payload === undefined) continue
      if (item.operation === Operation.Create) uids.push(createPayload.decodeResponse(item.payload).uniqueIdentifier)
      if (item.operation === Operation.Register) uids.push(registerPayload.decodeResponse(item.payload).uniqueIdentifier)
      if (item.operation === Operation.Get) {
        const got = getPayload.decodeResponse(item.payload)
        if (got.object.kind === 'SymmetricKey' && !(got.object.keyBlock.keyValue instanceof Uint8Array)) {
          material.set(got.uniqueIdentifier, got.object.keyBlock.keyValue.keyMaterial as Uint8Array)
        }
      }
    }
  }
  const server = new KmipServerCore(options)
  const store = new MemoryKeyStore()
  let issued = 0
  return exchanges.map((e) =>
    server.handle(e.request, {
      clientId,
      now: decodeResponseMessage(e.response).header.timeStamp,
      store,
      // Create asks for the material before it takes the uid, so the next uid tells which key is being made.
      random: (n) => material.get(uids[issued]) ?? countingBytes(n),
      newUid: () => uids[issued++]
    })
  )
}
