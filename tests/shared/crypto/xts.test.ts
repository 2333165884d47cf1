import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromHex, toHex } from '../../../shared/crypto/bytes'
import { MAX_SECTOR, SECTOR_SIZE } from '../../../shared/crypto/diskCipher'
import { MAX_DATA_UNIT, jsDiskCipher, mulAlpha, sectorTweak, xtsDecrypt, xtsEncrypt } from '../../../shared/crypto/xts'
import { opensslSectors } from '../../helpers/opensslXts'
import fixture from '../../fixtures/ieee1619-xts.json'

function opensslUnit(decrypting: boolean, key: Uint8Array, tweak: Uint8Array, data: Uint8Array): Uint8Array {
  const name = key.length === 64 ? 'aes-256-xts' : 'aes-128-xts'
  const cipher = decrypting ? createDecipheriv(name, key, tweak) : createCipheriv(name, key, tweak)
  return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()]))
}

// T·α from the definition: the tweak as a little-endian 128-bit integer, times x, modulo x^128 + x^7 + x^2 + x + 1.
function mulAlphaReference(tweak: Uint8Array): Uint8Array {
  let x = 0n
  for (let i = 15; i >= 0; i--) x = (x << 8n) | BigInt(tweak[i])
  x <<= 1n
  if (x >> 128n) x = (x & ((1n << 128n) - 1n)) ^ 0x87n
  const out = new Uint8Array(16)
  for (let i = 0; i < 16; i++) out[i] = Number((x >> BigInt(8 * i)) & 0xffn)
  return out
}

/** A DEK whose halves differ (the disk ciphers refuse equal halves). */
const dekArb = fc.uint8Array({ minLength: 64, maxLength: 64 }).filter((k) => toHex(k.subarray(0, 32)) !== toHex(k.subarray(32)))

describe('IEEE 1619-2007 Annex B vectors', () => {
  it('the fixture holds every Annex B vector, 1 to 19', () => {
    const numbers = fixture.vectors.map((v) => v.annexB).filter((n): n is number => n !== null)
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1))
  })

  it.each(fixture.vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const key = fromHex(v.key)
    const tweak = fromHex(v.tweak)
    expect(toHex(xtsEncrypt(key, tweak, fromHex(v.plaintext)))).toBe(v.ciphertext)
    expect(toHex(xtsDecrypt(key, tweak, fromHex(v.ciphertext)))).toBe(v.plaintext)
  })

  it('the XTS-AES-256 vectors (10 to 14) are disk sectors whose number is the data unit sequence number', () => {
    const sectorVectors = fixture.vectors.filter((v) => v.cipher === 'aes-256-xts')
    expect(sectorVectors.map((v) => v.annexB)).toEqual([10, 11, 12, 13, 14])
    for (const v of sectorVectors) {
      const sector = Number(BigInt(v.dataUnitSequenceNumber))
      expect(toHex(sectorTweak(sector))).toBe(v.tweak)
      expect(toHex(jsDiskCipher.encryptSectors(fromHex(v.key), fromHex(v.plaintext), sector))).toBe(v.ciphertext)
      expect(toHex(jsDiskCipher.decryptSectors(fromHex(v.key), fromHex(v.ciphertext), sector))).toBe(v.plaintext)
    }
  })
})

describe('sectorTweak', () => {
  it('is the sector number as 16 little-endian bytes', () => {
    expect(toHex(sectorTweak(0))).toBe('00'.repeat(16))
    expect(toHex(sectorTweak(0x123456789a))).toBe('9a785634120000000000000000000000')
    expect(toHex(sectorTweak(2 ** 32))).toBe('00000000010000000000000000000000')
    expect(toHex(sectorTweak(MAX_SECTOR))).toBe('00000000000020000000000000000000')
  })

  it('matches a BigInt encoding for any sector number up to 2^53', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (sector) => {
        const expected = Buffer.alloc(16)
        expected.writeBigUInt64LE(BigInt(sector))
        expect(toHex(sectorTweak(sector))).toBe(expected.toString('hex'))
      })
    )
  })

  it.each([-1, 1.5, Number.NaN, Infinity, 2 ** 53 + 2])('refuses %s', (sector) => {
    expect(() => sectorTweak(sector)).toThrow(/sector number must be an integer from 0 to 2\^53/)
  })
})

describe('mulAlpha (T·α in GF(2^128))', () => {
  it('folds the bit shifted out of byte 15 back in as 0x87', () => {
    const top = new Uint8Array(16)
    top[15] = 0x80
    expect(toHex(mulAlpha(top))).toBe('87' + '00'.repeat(15))
  })

  it('carries the top bit of every byte (and every 32-bit word) into the next byte', () => {
    for (let byte = 0; byte < 15; byte++) {
      const t = new Uint8Array(16)
      t[byte] = 0x80
      const expected = new Uint8Array(16)
      expected[byte + 1] = 0x01
      expect(toHex(mulAlpha(t))).toBe(toHex(expected))
    }
  })

  it('matches the polynomial definition for any tweak', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (t) => {
        expect(toHex(mulAlpha(t))).toBe(toHex(mulAlphaReference(t)))
      })
    )
  })
})

describe('xtsEncrypt / xtsDecrypt', () => {
  it('agree with OpenSSL for any data unit length, ciphertext stealing included, with both key sizes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(32, 64),
        fc.integer({ min: 16, max: 1100 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (keySize, length, tweak) => {
          const key = randomBytes(keySize)
          const data = randomBytes(length)
          const ciphertext = xtsEncrypt(key, tweak, data)
          expect(toHex(ciphertext)).toBe(toHex(opensslUnit(false, key, tweak, data)))
          expect(toHex(xtsDecrypt(key, tweak, ciphertext))).toBe(toHex(data))
        }
      ),
      { numRuns: 150 }
    )
  })

  it('keeps the input and returns a new array', () => {
    const key = randomBytes(64)
    const data = randomBytes(100)
    const before = toHex(data)
    const out = xtsEncrypt(key, sectorTweak(3), data)
    expect(toHex(data)).toBe(before)
    expect(out).not.toBe(data)
    expect(out.length).toBe(data.length)
  })

  it('refuses bad keys, tweaks and data unit sizes', () => {
    const tweak = new Uint8Array(16)
    expect(() => xtsEncrypt(new Uint8Array(48), tweak, new Uint8Array(16))).toThrow(/32 bytes \(XTS-AES-128\) or 64 bytes/)
    expect(() => xtsDecrypt(new Uint8Array(16), tweak, new Uint8Array(16))).toThrow(/32 bytes \(XTS-AES-128\) or 64 bytes/)
    expect(() => xtsEncrypt(new Uint8Array(64), new Uint8Array(15), new Uint8Array(16))).toThrow(/tweak is 16 bytes/)
    expect(() => xtsEncrypt(new Uint8Array(64), tweak, new Uint8Array(15))).toThrow(/data unit is 16 bytes to 16 MiB, got 15/)
    expect(() => xtsEncrypt(new Uint8Array(64), tweak, new Uint8Array(MAX_DATA_UNIT + 1))).toThrow(/data unit is 16 bytes to 16 MiB/)
  })
})

describe('jsDiskCipher', () => {
  it.each([
    [1, 0],
    [2, 1],
    [7, 2 ** 32 - 3], // the low 32-bit word of the sector number wraps inside the run
    [5, 2 ** 40],
    [3, MAX_SECTOR - 2] // ends exactly on the last sector number
  ])('matches OpenSSL aes-256-xts per sector: %i sectors from sector %s', (sectors, firstSector) => {
    const dek = randomBytes(64)
    const data = randomBytes(sectors * SECTOR_SIZE)
    const ciphertext = jsDiskCipher.encryptSectors(dek, data, firstSector)
    expect(toHex(ciphertext)).toBe(toHex(opensslSectors(false, dek, data, firstSector)))
    expect(toHex(jsDiskCipher.decryptSectors(dek, ciphertext, firstSector))).toBe(toHex(data))
    expect(toHex(opensslSectors(true, dek, ciphertext, firstSector))).toBe(toHex(data))
  })

  it('encrypts each sector as an XTS data unit whose tweak is the sector number', () => {
    const dek = randomBytes(64)
    const data = randomBytes(4 * SECTOR_SIZE)
    const ciphertext = jsDiskCipher.encryptSectors(dek, data, 41)
    for (let i = 0; i < 4; i++) {
      const sector = data.subarray(i * SECTOR_SIZE, (i + 1) * SECTOR_SIZE)
      expect(toHex(ciphertext.subarray(i * SECTOR_SIZE, (i + 1) * SECTOR_SIZE))).toBe(toHex(xtsEncrypt(dek, sectorTweak(41 + i), sector)))
    }
  })

  it('defaults firstSector to 0', () => {
    const dek = randomBytes(64)
    const data = randomBytes(2 * SECTOR_SIZE)
    expect(toHex(jsDiskCipher.encryptSectors(dek, data))).toBe(toHex(jsDiskCipher.encryptSectors(dek, data, 0)))
  })

  it('round-trips any sectors at any position, keeps the input and returns a new array', () => {
    fc.assert(
      fc.property(
        dekArb,
        fc.integer({ min: 0, max: 6 }).chain((n) => fc.uint8Array({ minLength: n * SECTOR_SIZE, maxLength: n * SECTOR_SIZE })),
        fc.integer({ min: 0, max: MAX_SECTOR - 6 }),
        (dek, data, firstSector) => {
          const before = toHex(data)
          const ciphertext = jsDiskCipher.encryptSectors(dek, data, firstSector)
          expect(ciphertext).not.toBe(data)
          expect(toHex(data)).toBe(before)
          expect(toHex(jsDiskCipher.decryptSectors(dek, ciphertext, firstSector))).toBe(before)
        }
      ),
      { numRuns: 60 }
    )
  })

  it('gives the same plaintext a different ciphertext in every sector', () => {
    const dek = randomBytes(64)
    const ciphertext = jsDiskCipher.encryptSectors(dek, new Uint8Array(3 * SECTOR_SIZE), 0)
    const sectors = [0, 1, 2].map((i) => toHex(ciphertext.subarray(i * SECTOR_SIZE, (i + 1) * SECTOR_SIZE)))
    expect(new Set(sectors).size).toBe(3)
  })

  it('refuses a DEK that is not 64 bytes', () => {
    const data = new Uint8Array(SECTOR_SIZE)
    expect(() => jsDiskCipher.encryptSectors(randomBytes(32), data)).toThrow(/DEK is 64 bytes .* got 32 bytes/)
    expect(() => jsDiskCipher.decryptSectors(randomBytes(65), data)).toThrow(/DEK is 64 bytes .* got 65 bytes/)
  })

  it('refuses a DEK whose two halves are equal', () => {
    const half = randomBytes(32)
    const dek = new Uint8Array([...half, ...half])
    expect(() => jsDiskCipher.encryptSectors(dek, new Uint8Array(SECTOR_SIZE))).toThrow(/halves are equal/)
  })

  it.each([1, 511, 513, 1000])('refuses %i bytes of data (not whole sectors)', (length) => {
    expect(() => jsDiskCipher.encryptSectors(randomBytes(64), new Uint8Array(length))).toThrow(
      new RegExp(`whole 512-byte sectors, got ${length} bytes`)
    )
  })

  it('refuses sector numbers that are negative, fractional or past 2^53', () => {
    const dek = randomBytes(64)
    const data = new Uint8Array(2 * SECTOR_SIZE)
    expect(() => jsDiskCipher.encryptSectors(dek, data, -1)).toThrow(/firstSector must be an integer/)
    expect(() => jsDiskCipher.encryptSectors(dek, data, 0.5)).toThrow(/firstSector must be an integer/)
    expect(() => jsDiskCipher.encryptSectors(dek, data, MAX_SECTOR)).toThrow(/go past the last sector number/)
    expect(() => jsDiskCipher.encryptSectors(dek, data.subarray(0, SECTOR_SIZE), MAX_SECTOR)).not.toThrow()
  })
})
