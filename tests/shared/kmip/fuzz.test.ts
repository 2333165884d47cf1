// Hostile input: random and mutated bytes must never make the decoder throw anything but KmipDecodeError,
// and must never make the server throw at all.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromHex, toHex } from '../../../shared/crypto/bytes'
import { decodeResponseMessage } from '../../../shared/kmip/messages'
import { KmipServerCore, MemoryKeyStore, type KmipManagedObject } from '../../../shared/kmip/server'
import { Tag } from '../../../shared/kmip/tags'
import { KmipDecodeError, decodeTtlv, encodeTtlv, type TtlvItem, type TtlvType } from '../../../shared/kmip/ttlv'
import { captureExchanges, countingBytes, oasisVectors, vcenterTrace } from './helpers'

const RUNS = 20_000

const corpus: Uint8Array[] = [
  ...vcenterTrace.flatMap((e) => [e.request, e.response]),
  ...captureExchanges.flatMap((e) => [e.request, e.response]),
  ...oasisVectors.map((v) => v.hex)
].map(fromHex)
const requests = corpus.filter((b) => b[0] === 0x42 && b[1] === 0x00 && b[2] === 0x78)

/** Byte-level damage to a valid message: flips, overwrites, cuts, insertions, and poked length fields. */
const mutated = (pool: Uint8Array[]): fc.Arbitrary<Uint8Array> =>
  fc
    .tuple(
      fc.integer({ min: 0, max: pool.length - 1 }),
      fc.array(
        fc.tuple(fc.constantFrom('flip', 'set', 'cut', 'insert', 'length'), fc.nat(), fc.integer({ min: 0, max: 255 })),
        { minLength: 1, maxLength: 4 }
      )
    )
    .map(([which, edits]) => {
      let bytes = pool[which].slice()
      for (const [kind, at, value] of edits) {
        const i = bytes.length === 0 ? 0 : at % bytes.length
        if (kind === 'flip') bytes[i] ^= 1 << (value % 8)
        else if (kind === 'set') bytes[i] = value
        else if (kind === 'cut') bytes = bytes.slice(0, i)
        else if (kind === 'insert') bytes = Uint8Array.from([...bytes.subarray(0, i), value, ...bytes.subarray(i)])
        else {
          // Item headers sit on 8-byte boundaries; bump a Length field there.
          const header = i - (i % 8)
          if (header + 8 <= bytes.length) bytes[header + 4 + (value % 4)] = value
        }
      }
      return bytes
    })

const TAGS = Object.values(Tag) as number[]

/** A value of any TTLV type, to put where the schema expects something else. */
const anyValue = fc.oneof(
  fc.record({ type: fc.constant<TtlvType>('Integer'), value: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) }),
  fc.record({ type: fc.constant<TtlvType>('Enumeration'), value: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.nat()) }),
  fc.record({ type: fc.constant<TtlvType>('DateTime'), value: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }) }),
  fc.record({ type: fc.constant<TtlvType>('TextString'), value: fc.oneof(fc.constantFrom('1', 'State', 'Name', 'x-Vendor', 'Cryptographic Length'), fc.string({ maxLength: 12 })) }),
  fc.record({ type: fc.constant<TtlvType>('ByteString'), value: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({ type: fc.constant<TtlvType>('Boolean'), value: fc.boolean() }),
  fc.record({ type: fc.constant<TtlvType>('Structure'), value: fc.constant([]) })
) as fc.Arbitrary<Pick<TtlvItem, 'type' | 'value'>>

/** Structure-aware damage: the bytes stay valid TTLV, so the server's message and payload logic is exercised. */
const reshaped: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.integer({ min: 0, max: requests.length - 1 }),
    fc.array(fc.tuple(fc.constantFrom('retype', 'retag', 'drop', 'duplicate', 'swap'), fc.noBias(fc.nat(1_000_000)), fc.constantFrom(...TAGS), anyValue), {
      minLength: 1,
      maxLength: 2
    })
  )
  .map(([which, edits]) => {
    let tree = decodeTtlv(requests[which])
    for (const [kind, pick, tag, value] of edits) {
      const nodes: TtlvItem[] = []
      const walk = (item: TtlvItem): void => {
        nodes.push(item)
        if (item.type === 'Structure') (item.value as TtlvItem[]).forEach(walk)
      }
      // Mostly inside payloads (where each operation reads its fields), sometimes anywhere in the message.
      const top = tree.type === 'Structure' ? (tree.value as TtlvItem[]) : []
      const payloads = top
        .filter((i) => i.tag === Tag.BatchItem && i.type === 'Structure')
        .flatMap((i) => (i.value as TtlvItem[]).filter((f) => f.tag === Tag.RequestPayload && f.type === 'Structure'))
      if (pick % 5 === 0 || payloads.length === 0) walk(tree)
      else payloads.forEach((payload) => (payload.value as TtlvItem[]).forEach(walk))
      if (nodes.length === 0) walk(tree)
      const parentOf = new Map<TtlvItem, TtlvItem>()
      const link = (item: TtlvItem): void => {
        if (item.type !== 'Structure') return
        for (const child of item.value as TtlvItem[]) {
          parentOf.set(child, item)
          link(child)
        }
      }
      link(tree)
      const target = nodes[Math.floor(pick / 5) % nodes.length]
      const parent = parentOf.get(target)
      const siblings = parent?.value as TtlvItem[] | undefined
      const at = siblings?.indexOf(target) ?? -1
      if (kind === 'retype') Object.assign(target, value)
      else if (kind === 'retag') target.tag = tag
      else if (siblings !== undefined && kind === 'drop') siblings.splice(at, 1)
      else if (siblings !== undefined && kind === 'duplicate') siblings.splice(at, 0, structuredClone(target))
      else if (siblings !== undefined && kind === 'swap' && at > 0) [siblings[at - 1], siblings[at]] = [siblings[at], siblings[at - 1]]
      tree = { ...tree }
    }
    return encodeTtlv(tree)
  })

function decodeOutcome(bytes: Uint8Array): void {
  let item: TtlvItem
  try {
    item = decodeTtlv(bytes)
  } catch (error) {
    expect(error).toBeInstanceOf(KmipDecodeError)
    const { offset } = error as KmipDecodeError
    expect(offset >= 0 && offset <= bytes.length).toBe(true)
    return
  }
  // Whatever the strict decoder accepts is canonical: it encodes back to the same bytes.
  expect(toHex(encodeTtlv(item))).toBe(toHex(bytes))
}

describe('decodeTtlv on hostile input', () => {
  it(`throws only KmipDecodeError for ${RUNS} random byte strings`, () => {
    const ttlvish = fc.uint8Array({ maxLength: 96 }).map((tail) => Uint8Array.from([0x42, 0x00, 0x78, 0x01, 0, 0, 0, tail.length & 0xf8, ...tail]))
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 256 }), ttlvish), (bytes) => decodeOutcome(bytes)), { numRuns: RUNS })
  })

  it(`throws only KmipDecodeError for ${RUNS} mutated real messages, and round-trips what it accepts`, () => {
    fc.assert(fc.property(mutated(corpus), (bytes) => decodeOutcome(bytes)), { numRuns: RUNS })
  })
})

describe('KmipServerCore.handle on hostile input', () => {
  const server = new KmipServerCore({ vendorIdentification: 'fuzz' })
  // Keys named in the corpus exist, so mutated requests reach the operations and not only 'Item Not Found'.
  const seeded = (): MemoryKeyStore => {
    const store = new MemoryKeyStore()
    for (const uid of ['1', '2', '2600', '21d28b8a-06df-43c0-b72f-2a161633ada9']) {
      const key: KmipManagedObject = {
        uid,
        objectType: 2,
        algorithm: 3,
        length: 256,
        usageMask: 12,
        material: countingBytes(32),
        state: 1,
        names: ['Key1'],
        attributes: {},
        owner: 'fuzzer',
        initialDate: 0,
        lastChangeDate: 0
      }
      store.put(key)
    }
    return store
  }
  let counter = 0
  const outcomes = new Map<string, number>()
  const handle = (bytes: Uint8Array): void => {
    const store = seeded()
    const response = server.handle(bytes, { clientId: 'fuzzer', now: 1_700_000_000, store, newUid: () => `fuzz-${++counter}`, random: countingBytes })
    // Always a well-formed KMIP response message.
    const message = decodeResponseMessage(response)
    expect(message.batchItems.length).toBeGreaterThan(0)
    for (const item of message.batchItems) {
      const key = `${item.resultStatus}/${item.resultReason ?? '-'}`
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
    }
  }

  it(`never throws and always answers, for ${RUNS} byte-mutated requests`, () => {
    fc.assert(fc.property(mutated(requests), handle), { numRuns: RUNS })
  })

  it(`never throws and always answers, for ${RUNS} well-formed but schema-breaking requests`, () => {
    outcomes.clear()
    fc.assert(fc.property(reshaped, handle), { numRuns: RUNS })
    // The mutations get past message parsing into the operations: successes and many different item failures.
    expect(outcomes.get('0/-') ?? 0).toBeGreaterThan(RUNS / 10)
    expect([...outcomes.keys()].filter((k) => k.startsWith('1/')).length).toBeGreaterThanOrEqual(6)
  })

  it('never throws for random bytes either', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), handle), { numRuns: 2_000 })
  })
})
