import { describe, expect, it } from 'vitest'
import { kmipUnreadableText } from '../../../renderer/src/inspectors/kmipUnreadable'
import { translate } from '../../../renderer/src/i18n/translate'
import { describeTtlv, encodeTtlv, Tag } from '../../../shared/kmip'

const de = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('de', key, params)
const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params)

function decodeFailure(bytes: Uint8Array): unknown {
  try {
    describeTtlv(bytes)
  } catch (e) {
    return e
  }
  throw new Error('the bytes decoded')
}

/** A small valid message: a Structure holding one Integer. */
function message(): Uint8Array {
  return encodeTtlv({ tag: Tag.RequestMessage, type: 'Structure', value: [{ tag: Tag.BatchCount, type: 'Integer', value: 1 }] })
}

describe('an undecodable KMIP message in the inspector', () => {
  it('says in German what is wrong and at which byte, with none of the decoder’s English', () => {
    // Cut short: the outer Structure's length (bytes 4–7) claims more than is there.
    const cut = message().subarray(0, 20)
    const text = kmipUnreadableText(decodeFailure(cut), de)
    expect(text).toBe('Die Nachricht ließ sich ab Byte 4 nicht dekodieren: Die Nachricht endet mitten in einem Element.')
    expect(text).not.toMatch(/overruns|message ends|item/)
  })

  it('tells bytes after the end and an unknown item type apart, in English too', () => {
    const extra = new Uint8Array([...message(), 0, 0, 0, 0, 0, 0, 0, 0])
    expect(kmipUnreadableText(decodeFailure(extra), en)).toBe(`The message could not be decoded at byte ${message().length}: more bytes follow the end of the message.`)
    const badType = message()
    badType[3] = 0x7f
    expect(kmipUnreadableText(decodeFailure(badType), de)).toBe('Die Nachricht ließ sich ab Byte 3 nicht dekodieren: Ein Element hat einen unbekannten Typ.')
  })

  it('keeps the text of an error that is not the decoder’s', () => {
    expect(kmipUnreadableText(new Error('odd hex'), de)).toBe('Die Nachricht ließ sich nicht dekodieren: odd hex')
  })
})
