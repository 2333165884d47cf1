// A network fuzzer for a KMIP server: mutated and random request messages sent over real TLS, pipelined in rounds
// over a few connections. Every message it sends is framed correctly (outer Structure type, true length), so the
// server must answer each one; what it checks is that every answer is a well-formed KMIP Response Message and
// every failure carries a KMIP 1.1 Result Reason. Hostile framing (which must close the connection instead) is
// exercised separately by hostileFrames(). Shared by the test suite (100 000 messages) and the benchmark (1 000 000).

import { fromHex } from '../../../../shared/crypto/bytes'
import { addAttributePayload, attribute, createPayload, decodeResponseMessage, decodeTtlvWithOffsets, getPayload, KmipClient, locatePayload, ObjectType, Operation, ResultReason, ResultStatus, Tag, templateFor, type TtlvLocatedItem } from '../../../../shared/kmip'
import oasisFixture from '../../../fixtures/kmip/oasis-kmip10-testcases.json'
import captureFixture from '../../../fixtures/kmip/pykmip-capture-kmip11.json'
import vcenterFixture from '../../../fixtures/kmip/vcenter-7.0.3-trace.json'

/** Anything that carries pipelined request messages to the server and brings back one answer per message. */
export interface FuzzLink {
  sendAll(requests: Uint8Array[]): Promise<Uint8Array[]>
  close(): void
}

export interface FuzzOptions {
  messages: number
  connections: number
  /** Messages written at once per connection. */
  round?: number
  seed?: number
  connect(): Promise<FuzzLink>
}

export interface FuzzReport {
  messages: number
  seconds: number
  perSecond: number
  answered: number
  success: number
  /** Failures by Result Reason name. */
  failures: Record<string, number>
  /** Answers that were not a valid KMIP response, with an example (must stay 0). */
  badAnswers: number
  badExample?: string
  byMutation: Record<string, number>
}

const KMIP_11_REASONS = new Set<number>(Object.values(ResultReason))
const REASON_NAMES = new Map<number, string>(Object.entries(ResultReason).map(([name, code]) => [code, name]))

/** xorshift32: deterministic, so a failing run can be repeated with its seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9
  return () => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 0x100000000
  }
}

interface Seed {
  bytes: Uint8Array
  /** Offsets of every item header inside the message (for length/type/tag mutations on real fields). */
  items: number[]
}

function itemOffsets(root: TtlvLocatedItem): number[] {
  const out: number[] = []
  const walk = (item: TtlvLocatedItem): void => {
    out.push(item.offset)
    if (Array.isArray(item.value)) for (const child of item.value) walk(child)
  }
  walk(root)
  return out
}

/** Valid requests: the vCenter trace, PyKMIP's capture, the OASIS test cases and what our client builds. */
export function seedCorpus(): Seed[] {
  const hex = [
    ...vcenterFixture.exchanges.map((e) => e.request),
    ...captureFixture.exchanges.map((e) => e.request),
    ...oasisFixture.vectors.filter((v) => v.hex.startsWith('420078')).map((v) => v.hex)
  ]
  const client = new KmipClient(async () => new Uint8Array())
  const built = [
    [{ operation: Operation.Create, payload: createPayload.encodeRequest({ objectType: ObjectType.SymmetricKey, templateAttribute: { templateNames: [], attributes: templateFor({ names: ['fuzz'] }) } }) }],
    [{ operation: Operation.Locate, payload: locatePayload.encodeRequest({ attributes: [attribute.name('fuzz')] }) }],
    [
      { operation: Operation.Create, payload: createPayload.encodeRequest({ objectType: ObjectType.SymmetricKey, templateAttribute: { templateNames: [], attributes: templateFor({}) } }) },
      { operation: Operation.AddAttribute, payload: addAttributePayload.encodeRequest({ attribute: attribute.text('x-Vendor', 'VMware, Inc.') }) },
      { operation: Operation.Get, payload: getPayload.encodeRequest({}) }
    ]
  ].map((items) => client.buildRequest(items))
  return [...hex.map(fromHex), ...built].map((bytes) => ({ bytes, items: itemOffsets(decodeTtlvWithOffsets(bytes)) }))
}

const INTERESTING_32 = [0, 1, 7, 8, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff]
const INTERESTING_8 = [0x00, 0x01, 0x7f, 0x80, 0xff]

/** Sets the outer header so the frame is well formed: Structure type, true length (the body stays a multiple of 8). */
function framed(body: Uint8Array): Uint8Array {
  const padded = body.length % 8 === 0 ? body : (() => {
    const out = new Uint8Array(body.length + (8 - (body.length % 8)))
    out.set(body)
    return out
  })()
  const frame = padded.length < 8 ? new Uint8Array(8) : padded
  frame[3] = 0x01
  new DataView(frame.buffer, frame.byteOffset).setUint32(4, frame.length - 8)
  return frame
}

type Mutator = (seed: Seed, r: () => number, corpus: Seed[]) => Uint8Array

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]
const below = (r: () => number, n: number): number => Math.floor(r() * n)

const MUTATORS: Record<string, Mutator> = {
  flipBits(seed, r) {
    const out = seed.bytes.slice()
    for (let n = 1 + below(r, 8); n > 0; n--) {
      const at = 8 + below(r, out.length - 8)
      out[at] ^= 1 << below(r, 8)
    }
    return out
  },
  setBytes(seed, r) {
    const out = seed.bytes.slice()
    for (let n = 1 + below(r, 4); n > 0; n--) out[8 + below(r, out.length - 8)] = pick(r, INTERESTING_8)
    return out
  },
  fieldLength(seed, r) {
    const out = seed.bytes.slice()
    const at = pick(r, seed.items.slice(1))
    const view = new DataView(out.buffer)
    const old = view.getUint32(at + 4)
    view.setUint32(at + 4, pick(r, [...INTERESTING_32, old + 1, old - 1, old + 8, Math.max(0, old - 8), old * 2]) >>> 0)
    return out
  },
  fieldType(seed, r) {
    const out = seed.bytes.slice()
    out[pick(r, seed.items.slice(1)) + 3] = r() < 0.7 ? 1 + below(r, 10) : below(r, 256)
    return out
  },
  fieldTag(seed, r) {
    const out = seed.bytes.slice()
    const at = pick(r, seed.items)
    const tags = Object.values(Tag) as number[]
    const tag = r() < 0.8 ? pick(r, tags) : below(r, 0x1000000)
    out[at] = tag >>> 16
    out[at + 1] = (tag >>> 8) & 0xff
    out[at + 2] = tag & 0xff
    return out
  },
  truncate(seed, r) {
    return seed.bytes.slice(0, 8 + 8 * below(r, (seed.bytes.length - 8) / 8))
  },
  extend(seed, r) {
    const extra = new Uint8Array(8 * (1 + below(r, 8)))
    for (let i = 0; i < extra.length; i++) extra[i] = r() < 0.5 ? 0 : below(r, 256)
    const out = new Uint8Array(seed.bytes.length + extra.length)
    out.set(seed.bytes)
    out.set(extra, seed.bytes.length)
    return out
  },
  dropItem(seed, r) {
    // Removes one field's bytes without fixing the parents' lengths: a structure overrun inside the message.
    const at = pick(r, seed.items.slice(1))
    const len = 8 + Math.ceil(new DataView(seed.bytes.buffer).getUint32(at + 4) / 8) * 8
    if (at + len > seed.bytes.length) return seed.bytes.slice()
    const out = new Uint8Array(seed.bytes.length - len)
    out.set(seed.bytes.subarray(0, at))
    out.set(seed.bytes.subarray(at + len), at)
    return out
  },
  splice(seed, r, corpus) {
    const other = pick(r, corpus)
    const cutA = 8 * (1 + below(r, (seed.bytes.length - 8) / 8))
    const cutB = 8 * below(r, other.bytes.length / 8)
    const tail = other.bytes.subarray(cutB)
    const out = new Uint8Array(cutA + tail.length)
    out.set(seed.bytes.subarray(0, cutA))
    out.set(tail, cutA)
    return out
  },
  deepNesting(_seed, r) {
    // Structures nested past the decoder's depth limit (16), or just under it.
    const depth = 12 + below(r, 12)
    const out = new Uint8Array(8 * depth)
    const view = new DataView(out.buffer)
    for (let d = 0; d < depth; d++) {
      out.set([0x42, 0x00, d === 0 ? 0x78 : 0x01, 0x01], 8 * d)
      view.setUint32(8 * d + 4, 8 * (depth - d - 1))
    }
    return out
  },
  manyItems(_seed, r) {
    // Just over (or under) the 10 000-item limit: the decoder must stop counting, not allocate forever.
    const items = 9_990 + below(r, 20)
    const out = new Uint8Array(8 + 8 * items)
    const view = new DataView(out.buffer)
    out.set([0x42, 0x00, 0x78, 0x01])
    for (let i = 0; i < items; i++) out.set([0x42, 0x00, 0x77, 0x01], 8 + 8 * i)
    view.setUint32(4, 8 * items)
    return out
  },
  random(_seed, r) {
    const out = new Uint8Array(8 * (1 + below(r, 64)))
    for (let i = 0; i < out.length; i++) out[i] = below(r, 256)
    if (r() < 0.5) out.set([0x42, 0x00, 0x78], 0)
    return out
  }
}

// manyItems messages are 80 KB each: rare, so the run measures the server, not the copying of big buffers.
const WEIGHTS: [string, number][] = [
  ['flipBits', 22],
  ['setBytes', 14],
  ['fieldLength', 14],
  ['fieldType', 12],
  ['fieldTag', 12],
  ['truncate', 6],
  ['extend', 5],
  ['dropItem', 5],
  ['splice', 5],
  ['deepNesting', 2],
  ['manyItems', 0.05],
  ['random', 3]
]
const TOTAL_WEIGHT = WEIGHTS.reduce((n, [, w]) => n + w, 0)

function chooseMutation(r: () => number): string {
  let x = r() * TOTAL_WEIGHT
  for (const [name, w] of WEIGHTS) {
    if ((x -= w) < 0) return name
  }
  return 'flipBits'
}

/** Checks one answer: a valid Response Message whose failures all carry a KMIP 1.1 reason. Returns a problem or null. */
export function checkAnswer(answer: Uint8Array, report: FuzzReport): string | null {
  let response
  try {
    response = decodeResponseMessage(answer)
  } catch (error) {
    return `undecodable answer: ${(error as Error).message}`
  }
  if (response.batchItems.length === 0) return 'an answer without batch items'
  for (const item of response.batchItems) {
    if (item.resultStatus === ResultStatus.Success || item.resultStatus === ResultStatus.OperationUndone) {
      if (item.resultStatus === ResultStatus.Success) report.success++
      continue
    }
    if (item.resultStatus !== ResultStatus.OperationFailed) return `Result Status ${item.resultStatus}`
    if (item.resultReason === undefined || !KMIP_11_REASONS.has(item.resultReason)) return `failure without a KMIP 1.1 reason (${item.resultReason})`
    const name = REASON_NAMES.get(item.resultReason)!
    report.failures[name] = (report.failures[name] ?? 0) + 1
  }
  return null
}

export async function fuzzServer(options: FuzzOptions): Promise<FuzzReport> {
  const corpus = seedCorpus()
  const round = options.round ?? 250
  const report: FuzzReport = { messages: 0, seconds: 0, perSecond: 0, answered: 0, success: 0, failures: {}, badAnswers: 0, byMutation: {} }
  const started = performance.now()
  let next = 0
  const worker = async (index: number): Promise<void> => {
    const r = rng((options.seed ?? 1) * 7919 + index)
    const link = await options.connect()
    try {
      while (next < options.messages) {
        const count = Math.min(round, options.messages - next)
        next += count
        const batch: Uint8Array[] = []
        for (let i = 0; i < count; i++) {
          const name = chooseMutation(r)
          report.byMutation[name] = (report.byMutation[name] ?? 0) + 1
          batch.push(framed(MUTATORS[name](pick(r, corpus), r, corpus)))
        }
        report.messages += batch.length
        const answers = await link.sendAll(batch)
        for (const answer of answers) {
          report.answered++
          const problem = checkAnswer(answer, report)
          if (problem !== null) {
            report.badAnswers++
            report.badExample ??= problem
          }
        }
      }
    } finally {
      link.close()
    }
  }
  await Promise.all(Array.from({ length: options.connections }, (_, i) => worker(i)))
  report.seconds = (performance.now() - started) / 1000
  report.perSecond = Math.round(report.messages / report.seconds)
  return report
}

/** Frames a KMIP server cannot follow: it must close the connection without answering. */
export function hostileFrames(maxMessageBytes: number): { name: string; bytes: Uint8Array }[] {
  const header = (type: number, length: number): Uint8Array => {
    const out = new Uint8Array(8)
    out.set([0x42, 0x00, 0x78, type])
    new DataView(out.buffer).setUint32(4, length >>> 0)
    return out
  }
  return [
    { name: 'not a Structure', bytes: header(0x02, 8) },
    { name: 'length not a multiple of 8', bytes: header(0x01, 13) },
    { name: 'length over the limit', bytes: header(0x01, maxMessageBytes) },
    { name: 'length 4 GiB', bytes: header(0x01, 0xfffffff8) },
    { name: 'TLS inside TLS', bytes: Uint8Array.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01]) },
    { name: 'HTTP', bytes: new TextEncoder().encode('GET / HTTP/1.1\r\nHost: kms\r\n\r\n') }
  ]
}

export interface FramingFuzzOptions {
  cases: number
  seed?: number
  /** Opens a fresh connection, writes `bytes`, ends its side, and resolves with all it received once closed. */
  exchange(bytes: Uint8Array): Promise<Uint8Array>
}

export interface FramingFuzzReport {
  cases: number
  seconds: number
  /** Connections whose damaged header the server could still frame (it answered, then saw our close). */
  answered: number
  /** Connections closed without any answer (framing it refused, or a length it was still waiting for). */
  closedSilently: number
  badAnswers: number
  badExample?: string
}

/**
 * Damages the outer header itself (type byte, length) on a fresh connection each: the server either frames what it
 * got and answers with proper KMIP responses, or closes. A stream cannot be resynchronised after a framing error,
 * hence one connection per case.
 */
export async function fuzzFraming(options: FramingFuzzOptions): Promise<FramingFuzzReport> {
  const corpus = seedCorpus()
  const r = rng(options.seed ?? 1)
  const report: FramingFuzzReport = { cases: 0, seconds: 0, answered: 0, closedSilently: 0, badAnswers: 0 }
  const scratch: FuzzReport = { messages: 0, seconds: 0, perSecond: 0, answered: 0, success: 0, failures: {}, badAnswers: 0, byMutation: {} }
  const started = performance.now()
  const one = async (): Promise<void> => {
    const bytes = pick(r, corpus).bytes.slice()
    const view = new DataView(bytes.buffer)
    const length = view.getUint32(4)
    const damage = below(r, 4)
    if (damage === 0) bytes[3] = below(r, 256)
    else if (damage === 1) view.setUint32(4, pick(r, INTERESTING_32) >>> 0)
    else if (damage === 2) view.setUint32(4, Math.max(0, length - 8 * (1 + below(r, 4))))
    else view.setUint32(4, length + 1 + below(r, 16))
    const received = await options.exchange(bytes)
    report.cases++
    if (received.length === 0) {
      report.closedSilently++
      return
    }
    report.answered++
    const rv = new DataView(received.buffer, received.byteOffset, received.byteLength)
    let at = 0
    while (at < received.length) {
      const end = at + 8 + (received.length - at >= 8 ? rv.getUint32(at + 4) : Infinity)
      const problem = end > received.length ? 'a truncated answer' : checkAnswer(received.subarray(at, end), scratch)
      if (problem !== null) {
        report.badAnswers++
        report.badExample ??= problem
        return
      }
      at = end
    }
  }
  // A few connections at a time: handshakes dominate, and the server must cope with them in parallel anyway.
  let next = 0
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next++ < options.cases) await one()
    })
  )
  report.seconds = (performance.now() - started) / 1000
  return report
}
