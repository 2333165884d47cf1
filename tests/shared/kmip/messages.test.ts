import { describe, expect, it } from 'vitest'
import { fromHex, toHex } from '../../../shared/crypto/bytes'
import { attribute, attributeFromTtlv, attributeToTtlv, nameValue, readName } from '../../../shared/kmip/attributes'
import { describeTtlv, type TtlvDescription } from '../../../shared/kmip/describe'
import { Operation, ResultReason, operationName } from '../../../shared/kmip/enums'
import { KmipResultError } from '../../../shared/kmip/errors'
import {
  decodeRequestMessage,
  decodeResponseMessage,
  encodeRequestMessage,
  encodeResponseMessage,
  requestMessageFromTtlv
} from '../../../shared/kmip/messages'
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
  revokePayload
} from '../../../shared/kmip/payloads'
import { Tag, tagByName, tagName } from '../../../shared/kmip/tags'
import { decodeTtlv, encodeTtlv, type TtlvItem } from '../../../shared/kmip/ttlv'
import { captureExchanges, oasisVectors, pykmipVectors, vcenterTrace } from './helpers'

interface Codec {
  decodeRequest(item: TtlvItem): unknown
  encodeRequest(p: never): TtlvItem
  decodeResponse(item: TtlvItem): unknown
  encodeResponse(p: never): TtlvItem
}

const CODECS = new Map<number, Codec>([
  [Operation.Create, createPayload],
  [Operation.Register, registerPayload],
  [Operation.Locate, locatePayload],
  [Operation.Get, getPayload],
  [Operation.GetAttributes, getAttributesPayload],
  [Operation.GetAttributeList, getAttributeListPayload],
  [Operation.AddAttribute, addAttributePayload],
  [Operation.ModifyAttribute, modifyAttributePayload],
  [Operation.DeleteAttribute, deleteAttributePayload],
  [Operation.Activate, activatePayload],
  [Operation.Revoke, revokePayload],
  [Operation.Destroy, destroyPayload],
  [Operation.Query, queryPayload],
  [Operation.DiscoverVersions, discoverVersionsPayload]
] as [number, Codec][])

interface MessageVector {
  name: string
  hex: string
}

const allMessages: MessageVector[] = [
  ...oasisVectors,
  ...pykmipVectors.filter((v) => v.ttlvOk && (v.hex.startsWith('420078') || v.hex.startsWith('42007b'))).map((v) => ({ name: `${v.class}.${v.name}`, hex: v.hex })),
  ...captureExchanges.flatMap((e) => [
    { name: `capture ${e.operation} request`, hex: e.request },
    { name: `capture ${e.operation} response`, hex: e.response }
  ]),
  ...vcenterTrace.flatMap((e, i) => [
    { name: `vCenter ${i} request`, hex: e.request },
    { name: `vCenter ${i} response`, hex: e.response }
  ])
]

describe('messages', () => {
  it('decode into typed messages and encode back byte for byte (every message vector)', () => {
    let requests = 0
    let responses = 0
    for (const v of allMessages) {
      const bytes = fromHex(v.hex)
      if (v.hex.startsWith('420078')) {
        expect(toHex(encodeRequestMessage(decodeRequestMessage(bytes))), v.name).toBe(v.hex)
        requests++
      } else {
        expect(toHex(encodeResponseMessage(decodeResponseMessage(bytes))), v.name).toBe(v.hex)
        responses++
      }
    }
    expect(requests).toBeGreaterThan(100)
    expect(responses).toBeGreaterThan(100)
  })

  it('decode every payload of a supported operation into its typed form and back', () => {
    let checked = 0
    for (const v of allMessages) {
      const isRequest = v.hex.startsWith('420078')
      const message = isRequest ? decodeRequestMessage(fromHex(v.hex)) : decodeResponseMessage(fromHex(v.hex))
      for (const item of message.batchItems) {
        if (item.payload === undefined || item.operation === undefined) continue
        const codec = CODECS.get(item.operation)
        if (codec === undefined) continue
        const typed = isRequest ? codec.decodeRequest(item.payload) : codec.decodeResponse(item.payload)
        const again = isRequest ? codec.encodeRequest(typed as never) : codec.encodeResponse(typed as never)
        expect(toHex(encodeTtlv(again)), `${v.name} ${operationName(item.operation)}`).toBe(toHex(encodeTtlv(item.payload)))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(200)
  })

  it('read what the vCenter Create asks for', () => {
    const message = decodeRequestMessage(fromHex(vcenterTrace[27].request))
    expect(message.header.protocolVersion).toEqual({ major: 1, minor: 1 })
    expect(toHex(message.batchItems[0].uniqueBatchItemId!)).toBe('514c4b4301000000')
    const create = createPayload.decodeRequest(message.batchItems[0].payload)
    expect(create.objectType).toBe(2)
    expect(create.templateAttribute.attributes).toEqual([
      attribute.cryptographicAlgorithm(3),
      attribute.cryptographicUsageMask(12),
      attribute.cryptographicLength(256)
    ])
  })

  it('turn a DateTime header field into POSIX seconds', () => {
    const response = decodeResponseMessage(fromHex(vcenterTrace[27].response))
    expect(response.header.timeStamp).toBe(0x67ee6147)
  })

  it('refuse requests that break the message schema with Invalid Message', () => {
    const create = decodeTtlv(fromHex(vcenterTrace[27].request))
    const [header, item] = create.value as TtlvItem[]
    const headerFields = header.value as TtlvItem[]
    const variants: [string, TtlvItem][] = [
      ['a response instead of a request', { ...create, tag: Tag.ResponseMessage }],
      ['no batch item', { ...create, value: [header] }],
      ['a wrong Batch Count', { ...create, value: [header, item, item] }],
      ['header fields out of order', { ...create, value: [{ ...header, value: [headerFields[1], headerFields[0]] }, item] }],
      ['an unknown header field', { ...create, value: [{ ...header, value: [...headerFields, { tag: 0x540001, type: 'Integer', value: 1 }] }, item] }],
      ['an Operation that is an Integer', { ...create, value: [header, { ...item, value: [{ tag: Tag.Operation, type: 'Integer', value: 1 }, ...(item.value as TtlvItem[]).slice(1)] }] }],
      ['a batch item without payload', { ...create, value: [header, { ...item, value: (item.value as TtlvItem[]).slice(0, 2) }] }]
    ]
    for (const [why, tree] of variants) {
      let error: unknown
      try {
        requestMessageFromTtlv(tree)
      } catch (e) {
        error = e
      }
      expect(error, why).toBeInstanceOf(KmipResultError)
      expect((error as KmipResultError).reason, why).toBe(ResultReason.InvalidMessage)
    }
  })
})

describe('PyKMIP payload vectors', () => {
  const payloadVectors = pykmipVectors.filter((v) => v.ttlvOk && (v.hex.startsWith('420079') || v.hex.startsWith('42007c')))
  const codecFor = (cls: string): Codec => {
    const op = cls.replace(/^Test/, '').replace(/(Request|Response)Payload$/, '')
    const codecs: Record<string, Codec> = {
      Activate: activatePayload,
      Create: createPayload,
      DiscoverVersions: discoverVersionsPayload,
      GetAttributes: getAttributesPayload,
      Locate: locatePayload,
      Query: queryPayload,
      Revoke: revokePayload
    }
    const codec = codecs[op]
    if (codec === undefined) throw new Error(`no codec for ${cls}`)
    return codec
  }
  const tagsOf = (item: TtlvItem): number[] =>
    item.type === 'Structure' ? [item.tag, ...(item.value as TtlvItem[]).flatMap(tagsOf)] : [item.tag]
  // PyKMIP also tests encodings that KMIP 1.1 does not allow: fields it requires are left out.
  const incompleteFor11 = new Set([
    'TestCreateRequestPayload.no_object_type_encoding',
    'TestCreateRequestPayload.no_template_attribute_encoding',
    'TestCreateResponsePayload.no_object_type_encoding',
    'TestGetAttributesResponsePayload.encoding_sans_unique_identifier'
  ])

  for (const v of payloadVectors) {
    const name = `${v.class}.${v.name}`
    const item = decodeTtlv(fromHex(v.hex))
    const codec = codecFor(v.class)
    const isRequest = v.class.includes('Request')
    const decode = (): unknown => (isRequest ? codec.decodeRequest(item) : codec.decodeResponse(item))
    // Tags above 0x4200B7 were added after KMIP 1.1 (Attributes 0x420125, Offset Items 0x4200D4, …).
    const newerThan11 = tagsOf(item).some((tag) => tag > 0x4200b7 && tag <= 0x42ffff)

    if (newerThan11) {
      it(`refuses the post-1.1 form ${name} (Invalid Field, or Missing Data where a 1.1 field is replaced)`, () => {
        let error: unknown
        try {
          decode()
        } catch (e) {
          error = e
        }
        expect(error).toBeInstanceOf(KmipResultError)
        expect([ResultReason.InvalidField, ResultReason.MissingData]).toContain((error as KmipResultError).reason)
      })
    } else if (incompleteFor11.has(name)) {
      it(`refuses ${name}, which lacks a field KMIP 1.1 requires, with Missing Data`, () => {
        expect(decode).toThrow(expect.objectContaining({ reason: ResultReason.MissingData }))
      })
    } else {
      it(`round-trips ${name} through its typed form`, () => {
        const typed = decode()
        const again = isRequest ? codec.encodeRequest(typed as never) : codec.encodeResponse(typed as never)
        expect(toHex(encodeTtlv(again))).toBe(v.hex)
      })
    }
  }
})

describe('attributes', () => {
  const raw = (name: string, value: TtlvItem): TtlvItem => ({
    tag: Tag.Attribute,
    type: 'Structure',
    value: [{ tag: Tag.AttributeName, type: 'TextString', value: name }, { ...value, tag: Tag.AttributeValue }]
  })

  it('type the value by the attribute name', () => {
    expect(attributeFromTtlv(raw('Cryptographic Usage Mask', { tag: 0, type: 'Integer', value: 12 }))).toEqual(attribute.cryptographicUsageMask(12))
    expect(attributeFromTtlv(raw('State', { tag: 0, type: 'Enumeration', value: 2 }))).toEqual(attribute.state(2))
    expect(attributeFromTtlv(raw('Activation Date', { tag: 0, type: 'DateTime', value: 1743675720n })).value).toEqual({ type: 'DateTime', value: 1743675720 })
    const name = attributeFromTtlv(attributeToTtlv(attribute.name('Key1')))
    expect(readName(name.value)).toEqual({ text: 'Key1', nameType: 1 })
  })

  it('refuse a value of the wrong type for a standard attribute', () => {
    const wrong = [
      raw('Cryptographic Usage Mask', { tag: 0, type: 'Enumeration', value: 12 }),
      raw('State', { tag: 0, type: 'Integer', value: 2 }),
      raw('Name', { tag: 0, type: 'TextString', value: 'Key1' }),
      raw('Initial Date', { tag: 0, type: 'LongInteger', value: 5n }),
      raw('Name', { tag: 0, type: 'Structure', value: [{ tag: Tag.NameValue, type: 'TextString', value: 'Key1' }, { tag: Tag.NameType, type: 'Integer', value: 1 }] })
    ]
    for (const item of wrong) expect(() => attributeFromTtlv(item)).toThrow(expect.objectContaining({ reason: ResultReason.InvalidField }))
    const nameWithoutType = raw('Name', { tag: 0, type: 'Structure', value: [{ tag: Tag.NameValue, type: 'TextString', value: 'Key1' }] })
    expect(() => attributeFromTtlv(nameWithoutType)).toThrow(expect.objectContaining({ reason: ResultReason.MissingData }))
  })

  it('take any type for custom x- and y- attributes', () => {
    for (const value of [
      { tag: 0, type: 'TextString', value: 'VMware, Inc.' },
      { tag: 0, type: 'Integer', value: 7 },
      { tag: 0, type: 'ByteString', value: new Uint8Array([1]) },
      { tag: 0, type: 'Boolean', value: true }
    ] as TtlvItem[]) {
      expect(attributeFromTtlv(raw('x-Anything', value)).value.type).toBe(value.type)
      expect(attributeFromTtlv(raw('y-Server', value)).value.type).toBe(value.type)
    }
  })

  it('keep the Attribute Index when one is sent', () => {
    const indexed = { ...attribute.name('second'), index: 1 }
    expect(attributeFromTtlv(attributeToTtlv(indexed))).toEqual(indexed)
    expect(nameValue('second')).toEqual(attribute.name('second').value)
  })
})

describe('tags', () => {
  it('name the tags used in KMIP 1.1 messages, and back', () => {
    expect(tagName(0x420094)).toBe('Unique Identifier')
    expect(tagName(0x420091)).toBe('Template-Attribute')
    expect(tagName(0x420093)).toBe('Unique Batch Item ID')
    expect(tagName(0x4200b5)).toBe('X.509 Certificate Identifier')
    expect(tagName(0x420125)).toBeUndefined()
    expect(tagByName('Cryptographic Usage Mask')).toBe(0x42002c)
    for (const [name, tag] of Object.entries(Tag)) expect(tagByName(tagName(tag)!), name).toBe(tag)
  })
})

describe('describeTtlv', () => {
  const find = (node: TtlvDescription, predicate: (n: TtlvDescription) => boolean): TtlvDescription[] => [
    ...(predicate(node) ? [node] : []),
    ...(node.children ?? []).flatMap((c) => find(c, predicate))
  ]

  it('names enumerations, masks, attribute values and dates', () => {
    const create = describeTtlv(fromHex(vcenterTrace[27].request))
    const labels = find(create, () => true).map((n) => n.label)
    expect(labels).toContain('Operation: Create (0x01)')
    expect(labels).toContain('Object Type: Symmetric Key (0x02)')
    expect(labels).toContain('Attribute Value: AES (0x03)')
    expect(labels).toContain('Attribute Value: Encrypt | Decrypt (12)')
    expect(labels).toContain('Attribute Value: 256')
    expect(labels).toContain('Attribute Name: "Cryptographic Usage Mask"')
    expect(labels).toContain('Unique Batch Item ID: 514c4b4301000000')

    const response = describeTtlv(fromHex(vcenterTrace[34].response))
    const responseLabels = find(response, () => true).map((n) => n.label)
    expect(responseLabels).toContain('Time Stamp: 2025-04-03T10:22:00Z (1743675720)')
    expect(responseLabels).toContain('Result Status: Operation Failed (0x01)')
    expect(responseLabels).toContain('Result Reason: Invalid Message (0x04)')

    const state = describeTtlv(fromHex(vcenterTrace[38].response))
    expect(find(state, (n) => n.tagName === 'Attribute Value')[0].value).toBe('Pre-Active (0x01)')
  })

  it('gives byte ranges that match the hex', () => {
    const hex = vcenterTrace[36].response // Get with key material
    const tree = describeTtlv(fromHex(hex))
    expect(tree).toMatchObject({ tagName: 'Response Message', offset: 0, length: hex.length / 2 })
    const material = find(tree, (n) => n.tagName === 'Key Material')[0]
    expect(hex.slice((material.offset + 8) * 2, (material.offset + 8 + material.valueLength) * 2)).toBe(material.value)
  })

  it('labels unknown and extension tags and unknown enumeration values', () => {
    const tree = describeTtlv(
      encodeTtlv({
        tag: Tag.RequestPayload,
        type: 'Structure',
        value: [
          { tag: 0x540001, type: 'TextString', value: 'vendor' },
          { tag: 0x4200ff, type: 'Integer', value: 1 },
          { tag: Tag.Operation, type: 'Enumeration', value: 0x99 },
          { tag: Tag.VendorIdentification, type: 'TextString', value: 'KeyFlow' }
        ]
      })
    )
    expect(tree.children!.map((c) => c.label)).toEqual([
      'Extension 0x540001: "vendor"',
      'Unknown 0x4200FF: 1',
      'Operation: Unknown (0x99)',
      'Vendor Identification: "KeyFlow"'
    ])
  })

  it('throws KmipDecodeError for bytes that are not TTLV', () => {
    expect(() => describeTtlv(fromHex('4200780100000008'))).toThrow(/overruns/)
  })
})
