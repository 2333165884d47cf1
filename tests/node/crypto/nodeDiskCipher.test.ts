import { createCipheriv, randomBytes } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nodeDiskCipher, opensslPerSectorDiskCipher } from '../../../node/crypto/nodeDiskCipher'
import { fromHex, toHex } from '../../../shared/crypto/bytes'
import { MAX_SECTOR, SECTOR_SIZE, type DiskCipher } from '../../../shared/crypto/diskCipher'
import { jsDiskCipher } from '../../../shared/crypto/xts'
import { opensslSectors } from '../../helpers/opensslXts'
import fixture from '../../fixtures/ieee1619-xts.json'

/** The encrypted sector tweak T = AES-256(K2, LE128(sector)), to pick sectors whose tweak has a given bit set. */
function encryptedTweak(dek: Uint8Array, sector: number): Buffer {
  const iv = Buffer.alloc(16)
  iv.writeBigUInt64LE(BigInt(sector))
  return createCipheriv('aes-256-ecb', dek.subarray(32), null).setAutoPadding(false).update(iv)
}

function firstSectorWhere(dek: Uint8Array, test: (tweak: Buffer) => boolean): number {
  for (let sector = 0; ; sector++) if (test(encryptedTweak(dek, sector))) return sector
}

const dekArb = fc.uint8Array({ minLength: 64, maxLength: 64 }).filter((k) => toHex(k.subarray(0, 32)) !== toHex(k.subarray(32)))
const ciphers: DiskCipher[] = [nodeDiskCipher, opensslPerSectorDiskCipher]

describe.each(ciphers.map((c) => [c.name, c] as const))('%s', (_name, cipher) => {
  // The fast cipher works in 64 KiB chunks (128 sectors): sizes around that boundary matter.
  it.each([
    [1, 0],
    [127, 5],
    [128, 0],
    [129, 1000],
    [300, 2 ** 32 - 150], // the low 32-bit word of the sector number wraps inside the run
    [257, 2 ** 40],
    [64, MAX_SECTOR - 63], // ends exactly on the last sector number
    [2 * 1024 + 1, 77] // 1 MiB and one sector
  ])('matches OpenSSL aes-256-xts per sector: %i sectors from sector %s', (sectors, firstSector) => {
    const dek = randomBytes(64)
    const data = randomBytes(sectors * SECTOR_SIZE)
    const ciphertext = cipher.encryptSectors(dek, data, firstSector)
    expect(Buffer.from(ciphertext).equals(opensslSectors(false, dek, data, firstSector))).toBe(true)
    const plaintext = cipher.decryptSectors(dek, ciphertext, firstSector)
    expect(Buffer.from(plaintext).equals(data)).toBe(true)
  })

  it('decrypts what OpenSSL encrypted', () => {
    const dek = randomBytes(64)
    const data = randomBytes(200 * SECTOR_SIZE)
    const ciphertext = opensslSectors(false, dek, data, 9)
    expect(Buffer.from(cipher.decryptSectors(dek, ciphertext, 9)).equals(data)).toBe(true)
  })

  it('encrypts the IEEE 1619 XTS-AES-256 vectors (10 to 14), which are sectors numbered by their sequence number', () => {
    const vectors = fixture.vectors.filter((v) => v.cipher === 'aes-256-xts')
    expect(vectors.map((v) => v.annexB)).toEqual([10, 11, 12, 13, 14])
    for (const v of vectors) {
      const sector = Number(BigInt(v.dataUnitSequenceNumber))
      expect(toHex(cipher.encryptSectors(fromHex(v.key), fromHex(v.plaintext), sector))).toBe(v.ciphertext)
      expect(toHex(cipher.decryptSectors(fromHex(v.key), fromHex(v.ciphertext), sector))).toBe(v.plaintext)
    }
  })

  it('handles a sector tweak whose top bit is set (the α multiplication overflows 128 bits and folds in 0x87)', () => {
    const dek = randomBytes(64)
    const sector = firstSectorWhere(dek, (t) => (t[15] & 0x80) !== 0)
    const data = randomBytes(SECTOR_SIZE)
    expect(Buffer.from(cipher.encryptSectors(dek, data, sector)).equals(opensslSectors(false, dek, data, sector))).toBe(true)
  })

  it('handles a sector tweak whose bit 63 is set (the carry from the low 64-bit half into the high half)', () => {
    const dek = randomBytes(64)
    const sector = firstSectorWhere(dek, (t) => (t[7] & 0x80) !== 0 && (t[15] & 0x80) === 0)
    const data = randomBytes(SECTOR_SIZE)
    expect(Buffer.from(cipher.encryptSectors(dek, data, sector)).equals(opensslSectors(false, dek, data, sector))).toBe(true)
  })

  it('agrees with the pure TypeScript cipher and round-trips, for any DEK, sectors and position', () => {
    fc.assert(
      fc.property(
        dekArb,
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: MAX_SECTOR - 300 }),
        (dek, sectors, firstSector) => {
          const data = randomBytes(sectors * SECTOR_SIZE)
          const ciphertext = cipher.encryptSectors(dek, data, firstSector)
          expect(Buffer.from(ciphertext).equals(jsDiskCipher.encryptSectors(dek, data, firstSector))).toBe(true)
          expect(Buffer.from(cipher.decryptSectors(dek, ciphertext, firstSector)).equals(data)).toBe(true)
        }
      ),
      { numRuns: 40 }
    )
  })

  it('keeps the input, returns a new array and defaults firstSector to 0', () => {
    const dek = randomBytes(64)
    const data = randomBytes(130 * SECTOR_SIZE)
    const before = Buffer.from(data)
    const ciphertext = cipher.encryptSectors(dek, data)
    expect(ciphertext).not.toBe(data)
    expect(ciphertext.buffer).not.toBe(data.buffer)
    expect(Buffer.from(data).equals(before)).toBe(true)
    expect(Buffer.from(ciphertext).equals(opensslSectors(false, dek, data, 0))).toBe(true)
  })

  it('accepts data at an odd offset in its buffer', () => {
    const dek = randomBytes(64)
    const backing = randomBytes(3 * SECTOR_SIZE + 1)
    const data = new Uint8Array(backing.buffer, backing.byteOffset + 1, 3 * SECTOR_SIZE)
    expect(Buffer.from(cipher.encryptSectors(dek, data, 4)).equals(opensslSectors(false, dek, data, 4))).toBe(true)
  })

  it('encrypts no sectors into an empty array', () => {
    expect(cipher.encryptSectors(randomBytes(64), new Uint8Array(0), 12).length).toBe(0)
  })

  it('refuses a DEK that is not 64 bytes or whose halves are equal', () => {
    const data = new Uint8Array(SECTOR_SIZE)
    expect(() => cipher.encryptSectors(randomBytes(32), data)).toThrow(/DEK is 64 bytes .* got 32 bytes/)
    expect(() => cipher.decryptSectors(randomBytes(63), data)).toThrow(/DEK is 64 bytes .* got 63 bytes/)
    const half = randomBytes(32)
    expect(() => cipher.encryptSectors(Buffer.concat([half, half]), data)).toThrow(/halves are equal/)
  })

  it('refuses data that is not whole sectors, and bad sector numbers', () => {
    const dek = randomBytes(64)
    expect(() => cipher.encryptSectors(dek, new Uint8Array(SECTOR_SIZE + 16))).toThrow(/whole 512-byte sectors, got 528 bytes/)
    expect(() => cipher.decryptSectors(dek, new Uint8Array(100))).toThrow(/whole 512-byte sectors, got 100 bytes/)
    expect(() => cipher.encryptSectors(dek, new Uint8Array(SECTOR_SIZE), -3)).toThrow(/firstSector must be an integer/)
    expect(() => cipher.encryptSectors(dek, new Uint8Array(SECTOR_SIZE), 2.5)).toThrow(/firstSector must be an integer/)
    expect(() => cipher.encryptSectors(dek, new Uint8Array(2 * SECTOR_SIZE), MAX_SECTOR)).toThrow(/go past the last sector number/)
  })
})
