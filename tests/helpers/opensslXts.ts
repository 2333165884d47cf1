// The independent oracle for disk encryption: OpenSSL's own XTS through node:crypto, one data unit (sector) per
// cipher object, IV = the sector number as 128-bit little-endian — what IEEE 1619 says, done the slow, obvious way.

import { createCipheriv, createDecipheriv } from 'node:crypto'
import { SECTOR_SIZE } from '../../shared/crypto/diskCipher'

export function opensslSectors(decrypting: boolean, dek: Uint8Array, data: Uint8Array, firstSector = 0): Uint8Array {
  const out = new Uint8Array(data.length)
  for (let i = 0; i < data.length / SECTOR_SIZE; i++) {
    const iv = Buffer.alloc(16)
    iv.writeBigUInt64LE(BigInt(firstSector + i))
    const cipher = decrypting ? createDecipheriv('aes-256-xts', dek, iv) : createCipheriv('aes-256-xts', dek, iv)
    out.set(cipher.update(data.subarray(i * SECTOR_SIZE, (i + 1) * SECTOR_SIZE)), i * SECTOR_SIZE)
  }
  return out
}
