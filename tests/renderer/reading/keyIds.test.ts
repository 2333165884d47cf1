import { describe, expect, it } from 'vitest'
import { shortKeyId, splitKeyIds } from '../../../renderer/src/reading/keyIds'

describe('short key IDs', () => {
  it('keeps the first 8 and the last 4 hex digits of a UUID', () => {
    expect(shortKeyId('9d9efb78-9a80-4f85-936c-88dbf2a9bb3b')).toBe('9d9efb78…bb3b')
    expect(shortKeyId('dek:web-01')).toBe('dek:web-01')
  })

  it('cuts a sentence into its words and the key IDs in it, the whole ID kept with each', () => {
    const sentence = 'vCenter pushes the KEK 9d9efb78-9a80-4f85-936c-88dbf2a9bb3b into esx-01 and 5A9E7519-9A18-4B71-BE67-7A3CE4F0AEB0.'
    expect(splitKeyIds(sentence)).toEqual([
      { text: 'vCenter pushes the KEK ' },
      { keyId: '9d9efb78-9a80-4f85-936c-88dbf2a9bb3b', short: '9d9efb78…bb3b' },
      { text: ' into esx-01 and ' },
      { keyId: '5A9E7519-9A18-4B71-BE67-7A3CE4F0AEB0', short: '5A9E7519…AEB0' },
      { text: '.' }
    ])
  })

  it('leaves a sentence without key IDs whole, and no UUID-like text inside a longer hex run', () => {
    expect(splitKeyIds('web-01 is powered on.')).toEqual([{ text: 'web-01 is powered on.' }])
    expect(splitKeyIds('')).toEqual([])
    expect(splitKeyIds('x9d9efb78-9a80-4f85-936c-88dbf2a9bb3b')).toEqual([{ text: 'x9d9efb78-9a80-4f85-936c-88dbf2a9bb3b' }])
  })
})
