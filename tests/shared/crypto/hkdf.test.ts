import { hkdfSync, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fromHex, toHex } from '../../../shared/crypto/bytes'
import { hkdf, hkdfExpand, hkdfExtract } from '../../../shared/crypto/hkdf'

// RFC 5869 Appendix A, the SHA-256 cases (A.1–A.3).
const vectors = [
  {
    name: 'A.1 basic',
    ikm: '0b'.repeat(22),
    salt: '000102030405060708090a0b0c',
    info: 'f0f1f2f3f4f5f6f7f8f9',
    length: 42,
    prk: '077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5',
    okm: '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865'
  },
  {
    name: 'A.2 longer inputs',
    ikm: Array.from({ length: 80 }, (_, i) => i.toString(16).padStart(2, '0')).join(''),
    salt: Array.from({ length: 80 }, (_, i) => (0x60 + i).toString(16).padStart(2, '0')).join(''),
    info: Array.from({ length: 80 }, (_, i) => (0xb0 + i).toString(16).padStart(2, '0')).join(''),
    length: 82,
    prk: '06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244',
    okm:
      'b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87'
  },
  {
    name: 'A.3 empty salt and info',
    ikm: '0b'.repeat(22),
    salt: '',
    info: '',
    length: 42,
    prk: '19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04',
    okm: '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8'
  }
]

describe('HKDF-SHA256 (RFC 5869)', () => {
  for (const v of vectors)
    it(`matches RFC 5869 ${v.name}`, () => {
      const prk = hkdfExtract(fromHex(v.salt), fromHex(v.ikm))
      expect(toHex(prk)).toBe(v.prk)
      expect(toHex(hkdfExpand(prk, fromHex(v.info), v.length))).toBe(v.okm)
      expect(toHex(hkdf(fromHex(v.ikm), fromHex(v.salt), fromHex(v.info), v.length))).toBe(v.okm)
    })

  it('agrees with Node’s hkdfSync on random inputs and every length class', () => {
    for (const length of [1, 31, 32, 33, 64, 100, 255 * 32]) {
      const ikm = randomBytes(32)
      const salt = randomBytes(length % 3 === 0 ? 0 : 16)
      const info = randomBytes(length % 50)
      const node = new Uint8Array(hkdfSync('sha256', ikm, salt, info, length))
      expect(toHex(hkdf(new Uint8Array(ikm), new Uint8Array(salt), new Uint8Array(info), length))).toBe(toHex(node))
    }
  })

  it('refuses a length RFC 5869 does not allow', () => {
    expect(() => hkdfExpand(new Uint8Array(32), new Uint8Array(0), 0)).toThrow(RangeError)
    expect(() => hkdfExpand(new Uint8Array(32), new Uint8Array(0), 255 * 32 + 1)).toThrow(RangeError)
  })
})
