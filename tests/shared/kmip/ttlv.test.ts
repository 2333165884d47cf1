import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { concatBytes, fromHex, toHex, utf8 } from '../../../shared/crypto/bytes'
import { KmipFrameReader } from '../../../shared/kmip/framing'
import {
  KmipDecodeError,
  KmipEncodeError,
  decodeTtlv,
  decodeTtlvWithOffsets,
  encodeTtlv,
  frameLength,
  type TtlvItem,
  type TtlvLocatedItem
} from '../../../shared/kmip/ttlv'
import { captureExchanges, oasisVectors, pykmipVectors, specPrimitives, vcenterTrace } from './helpers'

const T = 0x420020
const roundTrip = (hex: string): string => toHex(encodeTtlv(decodeTtlv(fromHex(hex))))

function decodeError(bytes: Uint8Array, limits?: Parameters<typeof decodeTtlv>[1]): KmipDecodeError {
  try {
    decodeTtlv(bytes, limits)
  } catch (error) {
    if (error instanceof KmipDecodeError) return error
    throw error
  }
  throw new Error('decoded without error')
}

describe('KMIP spec §9.1.2 primitive examples', () => {
  const expected: Record<string, TtlvItem> = {
    'Integer 8': { tag: T, type: 'Integer', value: 8 },
    'Long Integer 123456789000000000': { tag: T, type: 'LongInteger', value: 123456789000000000n },
    'Big Integer 1234567890000000000000000000': { tag: T, type: 'BigInteger', value: 1234567890000000000000000000n },
    'Enumeration 255': { tag: T, type: 'Enumeration', value: 255 },
    'Boolean true': { tag: T, type: 'Boolean', value: true },
    'Text String Hello World': { tag: T, type: 'TextString', value: 'Hello World' },
    'Byte String 01 02 03': { tag: T, type: 'ByteString', value: new Uint8Array([1, 2, 3]) },
    'Date-Time 0x47DA67F8': { tag: T, type: 'DateTime', value: 0x47da67f8n },
    'Interval 10 days': { tag: T, type: 'Interval', value: 864000 },
    'Structure {Enumeration 254, Integer 255}': {
      tag: T,
      type: 'Structure',
      value: [
        { tag: 0x420004, type: 'Enumeration', value: 254 },
        { tag: 0x420005, type: 'Integer', value: 255 }
      ]
    }
  }

  it('covers every example in the fixture', () => {
    expect(specPrimitives.map((p) => p.name).sort()).toEqual(Object.keys(expected).sort())
  })

  for (const example of specPrimitives) {
    it(`decodes and encodes ${example.name}`, () => {
      expect(decodeTtlv(fromHex(example.hex))).toEqual(expected[example.name])
      expect(toHex(encodeTtlv(expected[example.name]))).toBe(example.hex)
    })
  }

  it('encodes LongInteger and DateTime given as safe-integer numbers like the bigint form', () => {
    expect(toHex(encodeTtlv({ tag: T, type: 'DateTime', value: 0x47da67f8 }))).toBe('42002009000000080000000047da67f8')
    expect(toHex(encodeTtlv({ tag: T, type: 'LongInteger', value: -1 }))).toBe('4200200300000008ffffffffffffffff')
  })
})

describe('round trip of every public vector', () => {
  it('reproduces all 82 OASIS KMIP 1.0 test-case messages byte for byte', () => {
    expect(oasisVectors).toHaveLength(82)
    for (const v of oasisVectors) expect(roundTrip(v.hex), v.name).toBe(v.hex)
  })

  it('reproduces the 62 well-formed PyKMIP unit-test vectors byte for byte', () => {
    const good = pykmipVectors.filter((v) => v.ttlvOk)
    expect(good).toHaveLength(62)
    for (const v of good) expect(roundTrip(v.hex), `${v.class}.${v.name}`).toBe(v.hex)
  })

  it('rejects the two PyKMIP vectors whose outer Length overruns the vector (they are malformed in PyKMIP itself)', () => {
    const bad = pykmipVectors.filter((v) => !v.ttlvOk)
    expect(bad.map((v) => `${v.class}.${v.name}`)).toEqual([
      'TestCreateResponsePayload.no_unique_identifier_encoding',
      'TestGetAttributesRequestPayload.full_encoding_with_reference_structs'
    ])
    for (const v of bad) {
      const bytes = fromHex(v.hex)
      const claimed = new DataView(bytes.buffer).getUint32(4)
      // Each claims 16 bytes more than it holds: the outer Length was not updated when fields were cut.
      expect(claimed - (bytes.length - 8)).toBe(16)
      const error = decodeError(bytes)
      expect(error.code).toBe('truncated')
      expect(error.offset).toBe(4)
    }
  })

  it('reproduces all 11 captured PyKMIP 1.1 exchanges', () => {
    expect(captureExchanges).toHaveLength(11)
    for (const e of captureExchanges) {
      expect(roundTrip(e.request), e.operation).toBe(e.request)
      expect(roundTrip(e.response), e.operation).toBe(e.response)
    }
  })

  it('reproduces all 58 vCenter 7.0.3 exchanges', () => {
    expect(vcenterTrace).toHaveLength(58)
    for (const [i, e] of vcenterTrace.entries()) {
      expect(roundTrip(e.request), `request ${i}`).toBe(e.request)
      expect(roundTrip(e.response), `response ${i}`).toBe(e.response)
    }
  })

  it('does not add padding to TextStrings whose length is a multiple of 8 (the PyKMIP re-encoding bug)', () => {
    // 'Cryptographic Usage Mask' is 24 bytes: PyKMIP writes 8 extra zero bytes after it on re-encode.
    const create = oasisVectors.find((v) => v.name === 'kmip_1_0__3_1_1_create_request')!
    const name = toHex(utf8('Cryptographic Usage Mask'))
    expect(create.hex).toContain(`42000a0700000018${name}42000b`)
    expect(roundTrip(create.hex)).toContain(`42000a0700000018${name}42000b`)
    expect(toHex(encodeTtlv({ tag: T, type: 'TextString', value: 'x-Vendor' }))).toBe(`4200200700000008${toHex(utf8('x-Vendor'))}`)
  })
})

describe('strict decoding', () => {
  const int = (tag = T): string => `${tag.toString(16)}020000000400000008` + '00000000'
  const struct = (body: string, tag = T): string =>
    `${tag.toString(16)}01${(body.length / 2).toString(16).padStart(8, '0')}${body}`

  const cases: { name: string; hex: string; code: KmipDecodeError['code']; offset: number }[] = [
    { name: 'fewer than 8 bytes', hex: '4200200200', code: 'truncated', offset: 0 },
    { name: 'unknown type 0x0B', hex: '4200200b0000000400000008' + '00000000', code: 'bad-type', offset: 3 },
    { name: 'type 0x00', hex: '4200200000000000', code: 'bad-type', offset: 3 },
    { name: 'Integer of length 8', hex: '42002002000000080000000000000008', code: 'bad-length', offset: 4 },
    { name: 'Enumeration of length 2', hex: '4200200500000002000100000000000000', code: 'bad-length', offset: 4 },
    { name: 'non-zero Integer padding', hex: '42002002000000040000000800000001', code: 'bad-padding', offset: 15 },
    { name: 'non-zero TextString padding', hex: '4200200700000001410000000000ff00', code: 'bad-padding', offset: 14 },
    { name: 'non-zero ByteString padding', hex: '4200200800000003010203ff00000000', code: 'bad-padding', offset: 11 },
    { name: 'Boolean 2', hex: '42002006000000080000000000000002', code: 'bad-boolean', offset: 15 },
    { name: 'Boolean with a high byte set', hex: '42002006000000080100000000000001', code: 'bad-boolean', offset: 8 },
    { name: 'invalid UTF-8', hex: '4200200700000002c328000000000000', code: 'bad-utf8', offset: 8 },
    { name: 'UTF-8 encoded surrogate', hex: '4200200700000003eda080000000000000', code: 'bad-utf8', offset: 8 },
    { name: 'BigInteger of length 4', hex: '420020040000000400000001' + '00000000', code: 'bad-length', offset: 4 },
    { name: 'BigInteger of length 0', hex: '4200200400000000', code: 'bad-length', offset: 4 },
    { name: 'BigInteger with a redundant sign word', hex: '42002004000000100000000000000000' + '0000000000000001', code: 'bad-big-integer', offset: 8 },
    { name: 'negative BigInteger with a redundant sign word', hex: '4200200400000010ffffffffffffffff' + 'ffffffffffffffff', code: 'bad-big-integer', offset: 8 },
    { name: 'Structure length not a multiple of 8', hex: '4200200100000004' + '00000000', code: 'bad-length', offset: 4 },
    { name: 'Structure longer than the message', hex: '4200200100000018' + int(), code: 'truncated', offset: 4 },
    { name: 'child overrunning its Structure', hex: '4200200100000008' + '4200200700000009' + '00'.repeat(16), code: 'structure-overrun', offset: 12 },
    { name: 'trailing bytes', hex: int() + '00', code: 'trailing-bytes', offset: 16 },
    { name: 'a second top-level item', hex: int() + int(), code: 'trailing-bytes', offset: 16 },
    { name: 'value cut short', hex: '420020070000000548656c6c', code: 'truncated', offset: 4 }
  ]

  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      const error = decodeError(fromHex(c.hex))
      expect(error.code).toBe(c.code)
      expect(error.offset).toBe(c.offset)
      expect(error.message).toContain(`at byte ${c.offset}`)
    })
  }

  it('accepts a zero-length Structure, TextString and ByteString', () => {
    expect(decodeTtlv(fromHex(struct('')))).toEqual({ tag: T, type: 'Structure', value: [] })
    expect(decodeTtlv(fromHex('4200200700000000'))).toEqual({ tag: T, type: 'TextString', value: '' })
    expect(decodeTtlv(fromHex('4200200800000000'))).toEqual({ tag: T, type: 'ByteString', value: new Uint8Array(0) })
  })

  it('keeps a leading byte-order mark in a TextString instead of silently dropping it', () => {
    const item = decodeTtlv(fromHex('4200200700000004efbbbf4100000000'))
    expect(item.value).toBe('\uFEFFA')
    expect(toHex(encodeTtlv(item))).toBe('4200200700000004efbbbf4100000000')
  })

  it('decodes signed values: negative Integer, LongInteger, DateTime and BigInteger', () => {
    expect(decodeTtlv(fromHex('4200200200000004fffffffe00000000')).value).toBe(-2)
    expect(decodeTtlv(fromHex('4200200300000008fffffffffffffffe')).value).toBe(-2n)
    expect(decodeTtlv(fromHex('4200200900000008ffffffffffffffff')).value).toBe(-1n)
    expect(decodeTtlv(fromHex('4200200400000008ffffffffffffff00')).value).toBe(-256n)
    expect(decodeTtlv(fromHex('4200200500000004ffffffff00000000')).value).toBe(0xffffffff)
  })

  it('copies ByteString values instead of pointing into the input buffer', () => {
    const bytes = fromHex('42002008000000030102030000000000')
    const value = decodeTtlv(bytes).value as Uint8Array
    bytes[8] = 0xff
    expect([...value]).toEqual([1, 2, 3])
  })

  it('decodes from a Uint8Array that is a view into a larger buffer', () => {
    const outer = fromHex('ffff' + '42002002000000040000000800000000' + 'ffff')
    expect(decodeTtlv(outer.subarray(2, 18))).toEqual({ tag: T, type: 'Integer', value: 8 })
  })

  it('rejects input that is not a Uint8Array with a KmipDecodeError', () => {
    expect(() => decodeTtlv('4200' as unknown as Uint8Array)).toThrow(KmipDecodeError)
    expect(() => decodeTtlv(null as unknown as Uint8Array)).toThrow(KmipDecodeError)
  })
})

describe('limits', () => {
  const nested = (depth: number): Uint8Array => {
    let item: TtlvItem = { tag: T, type: 'Integer', value: 1 }
    for (let i = 1; i < depth; i++) item = { tag: T, type: 'Structure', value: [item] }
    return encodeTtlv(item)
  }
  const flat = (count: number): Uint8Array =>
    encodeTtlv({ tag: T, type: 'Structure', value: Array.from({ length: count - 1 }, () => ({ tag: T, type: 'Boolean' as const, value: false })) })

  it('allows nesting up to 16 levels by default and refuses the 17th', () => {
    expect(() => decodeTtlv(nested(16))).not.toThrow()
    const error = decodeError(nested(17))
    expect(error.code).toBe('too-deep')
    expect(error.offset).toBe(16 * 8)
  })

  it('allows 10 000 items by default and refuses the 10 001st', () => {
    expect(() => decodeTtlv(flat(10_000))).not.toThrow()
    const error = decodeError(flat(10_001))
    expect(error.code).toBe('too-many-items')
    // The root is item 1, so the 10 001st item is the 10 000th Boolean.
    expect(error.offset).toBe(8 + 9_999 * 16)
  })

  it('refuses messages over 1 MiB before looking inside them', () => {
    const big = new Uint8Array(1024 * 1024 + 8)
    const error = decodeError(big)
    expect(error.code).toBe('too-large')
    expect(error.offset).toBe(0)
  })

  it('takes custom limits', () => {
    expect(decodeError(nested(3), { maxDepth: 2 }).code).toBe('too-deep')
    expect(decodeError(flat(5), { maxItems: 4 }).code).toBe('too-many-items')
    expect(decodeError(flat(5), { maxMessageBytes: 64 }).code).toBe('too-large')
    expect(decodeTtlv(nested(40), { maxDepth: 40 }).type).toBe('Structure')
  })

  it('decodes deep nesting without recursion when the depth limit is raised', () => {
    const depth = 20_000
    const structureHeaders = Array.from({ length: depth - 1 }, (_, i) => {
      const len = (depth - 1 - i) * 8 + 8
      return `42002001${len.toString(16).padStart(8, '0')}`
    }).join('')
    const bytes = fromHex(structureHeaders + '4200200600000008' + '0000000000000001')
    const item = decodeTtlv(bytes, { maxDepth: depth, maxItems: depth })
    expect(item.type).toBe('Structure')
  })
})

describe('offsets for the hex view', () => {
  it('gives every item its offset, total length and Length field', () => {
    const hex = vcenterTrace[27].request // vCenter Create
    const root = decodeTtlvWithOffsets(fromHex(hex))
    const flatten = (item: TtlvLocatedItem): TtlvLocatedItem[] =>
      item.type === 'Structure' ? [item, ...(item.value as TtlvLocatedItem[]).flatMap(flatten)] : [item]
    const all = flatten(root)
    expect(root).toMatchObject({ offset: 0, length: hex.length / 2, valueLength: hex.length / 2 - 8 })
    const strip = (item: TtlvLocatedItem): TtlvItem => ({
      tag: item.tag,
      type: item.type,
      value: item.type === 'Structure' ? (item.value as TtlvLocatedItem[]).map(strip) : item.value
    })
    for (const item of all) {
      // The bytes cut out by offset and length are exactly the encoding of that item.
      expect(toHex(encodeTtlv(strip(item)))).toBe(hex.slice(item.offset * 2, (item.offset + item.length) * 2))
    }
    const usageMaskName = all.find((i) => i.value === 'Cryptographic Usage Mask')!
    const where = hex.indexOf(`42000a0700000018${toHex(utf8('Cryptographic Usage Mask'))}`) / 2
    expect(usageMaskName).toMatchObject({ offset: where, length: 32, valueLength: 24 })
  })

  it('has children that tile their structure exactly', () => {
    for (const v of oasisVectors) {
      const check = (item: TtlvLocatedItem): void => {
        if (item.type !== 'Structure') return
        let at = item.offset + 8
        for (const child of item.value as TtlvLocatedItem[]) {
          expect(child.offset).toBe(at)
          at += child.length
          check(child)
        }
        expect(at).toBe(item.offset + item.length)
      }
      check(decodeTtlvWithOffsets(fromHex(v.hex)))
    }
  })
})

describe('encoding', () => {
  it('refuses values that do not fit their type', () => {
    const bad: TtlvItem[] = [
      { tag: T, type: 'Integer', value: 2 ** 31 },
      { tag: T, type: 'Integer', value: 1.5 },
      { tag: T, type: 'Enumeration', value: -1 },
      { tag: T, type: 'Interval', value: 2 ** 32 },
      { tag: T, type: 'LongInteger', value: 2n ** 63n },
      { tag: T, type: 'DateTime', value: Number.MAX_SAFE_INTEGER + 1 },
      { tag: T, type: 'Boolean', value: 1 },
      { tag: T, type: 'TextString', value: 'lone \uD800 surrogate' },
      { tag: T, type: 'ByteString', value: 'bytes' },
      { tag: T, type: 'Structure', value: 'x' },
      { tag: 0x1000000, type: 'Integer', value: 1 },
      { tag: T, type: 'Float' as TtlvItem['type'], value: 1 }
    ]
    for (const item of bad) expect(() => encodeTtlv(item), JSON.stringify(item, (_, v) => (typeof v === 'bigint' ? String(v) : v))).toThrow(KmipEncodeError)
  })

  it('writes BigIntegers with minimal sign extension', () => {
    const hexOf = (value: bigint): string => toHex(encodeTtlv({ tag: T, type: 'BigInteger', value })).slice(16)
    expect(hexOf(0n)).toBe('0000000000000000')
    expect(hexOf(-1n)).toBe('ffffffffffffffff')
    expect(hexOf(2n ** 63n - 1n)).toBe('7fffffffffffffff')
    expect(hexOf(2n ** 63n)).toBe('00000000000000008000000000000000')
    expect(hexOf(-(2n ** 63n))).toBe('8000000000000000')
    expect(hexOf(-(2n ** 63n) - 1n)).toBe('ffffffffffffffff7fffffffffffffff')
  })

  const itemArbitrary: fc.Arbitrary<TtlvItem> = fc.letrec<{ item: TtlvItem }>((tie) => ({
    item: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ tag: fc.integer({ min: 0, max: 0xffffff }), type: fc.constant('Integer' as const), value: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) }),
      fc.record({ tag: fc.integer({ min: 0, max: 0xffffff }), type: fc.constantFrom('Enumeration' as const, 'Interval' as const), value: fc.integer({ min: 0, max: 2 ** 32 - 1 }) }),
      fc.record({ tag: fc.integer({ min: 0, max: 0xffffff }), type: fc.constantFrom('LongInteger' as const, 'DateTime' as const), value: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }) }),
      fc.record({ tag: fc.integer({ min: 0, max: 0xffffff }), type: fc.constant('BigInteger' as const), value: fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }) }),
      fc.record({ tag: fc.integer({ min: 0, max: 0xffffff }), type: fc.constant('Boolean' as const), value: fc.boolean() }),
      fc.record({ tag: fc.integer({ min: 0, max: 0xffffff }), type: fc.constant('TextString' as const), value: fc.string({ unit: 'grapheme', maxLength: 20 }) }),
      fc.record({ tag: fc.integer({ min: 0, max: 0xffffff }), type: fc.constant('ByteString' as const), value: fc.uint8Array({ maxLength: 20 }) }),
      fc.record({ tag: fc.integer({ min: 0, max: 0xffffff }), type: fc.constant('Structure' as const), value: fc.array(tie('item'), { maxLength: 4 }) })
    )
  })).item

  it('decode(encode(item)) gives the item back, for generated items', () => {
    fc.assert(
      fc.property(itemArbitrary, (item) => {
        const bytes = encodeTtlv(item)
        expect(bytes.length % 8).toBe(0)
        expect(decodeTtlv(bytes, { maxDepth: 64 })).toEqual(item)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('stream framing', () => {
  it('reads the length that follows an 8-byte header', () => {
    for (const e of vcenterTrace.slice(0, 5)) {
      const bytes = fromHex(e.request)
      expect(frameLength(bytes.subarray(0, 8))).toBe(bytes.length - 8)
    }
  })

  it('refuses headers that cannot start a KMIP message', () => {
    expect(() => frameLength(fromHex('42007801000000'))).toThrow(KmipDecodeError)
    expect(() => frameLength(fromHex('4200780200000004'))).toThrow(/must be a Structure/)
    expect(() => frameLength(fromHex('4200780100000004'))).toThrow(/multiple of 8/)
    expect(() => frameLength(fromHex('42007801ffffff00'))).toThrow(/exceeds the limit/)
    expect(frameLength(fromHex('42007801ffffff00'), 2 ** 33)).toBe(0xffffff00)
  })

  it('cuts a byte stream into messages whatever the chunking', () => {
    const messages = vcenterTrace.slice(26, 35).map((e) => fromHex(e.request))
    const stream = concatBytes(...messages)
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        const reader = new KmipFrameReader()
        const out: Uint8Array[] = []
        let pos = 0
        for (let i = 0; pos < stream.length; i++) {
          const size = sizes[i % sizes.length]
          out.push(...reader.push(stream.subarray(pos, pos + size)))
          pos += size
        }
        expect(out.map(toHex)).toEqual(messages.map(toHex))
        expect(reader.pending).toBe(0)
      }),
      { numRuns: 200 }
    )
  })

  it('stops a stream whose header announces a giant message', () => {
    const reader = new KmipFrameReader(4096)
    expect(() => reader.push(fromHex('4200780100100000'))).toThrow(KmipDecodeError)
  })
})

describe('Node Buffers as input', () => {
  it('copies ByteStrings out of a Buffer too (Buffer.slice would share memory)', async () => {
    const { Buffer } = await import('node:buffer')
    const buffer = Buffer.from('42002008000000030102030000000000', 'hex')
    const value = decodeTtlv(buffer).value as Uint8Array
    buffer[8] = 0xff
    expect([...value]).toEqual([1, 2, 3])
  })
})
