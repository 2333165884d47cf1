// The disk cipher the lab core encrypts VM disks with: XTS-AES-256 (IEEE 1619) over 512-byte sectors. The core only
// sees this interface; the host process plugs in the fastest implementation it has (see node/crypto/nodeDiskCipher).

export const SECTOR_SIZE = 512
/** A DEK is XTS-AES-256 key material: K1 (data key, 32 bytes) followed by K2 (tweak key, 32 bytes). */
export const DEK_SIZE = 64
/** The highest sector number a disk cipher accepts: sector numbers are JS numbers, exact up to 2^53. */
export const MAX_SECTOR = 2 ** 53

export interface DiskCipher {
  readonly name: string
  /** Encrypts whole 512-byte sectors; data[0..512) is sector `firstSector`. Returns a NEW array; input untouched. */
  encryptSectors(dek: Uint8Array, data: Uint8Array, firstSector?: number): Uint8Array
  decryptSectors(dek: Uint8Array, data: Uint8Array, firstSector?: number): Uint8Array
}

/** Throws a plain-language Error unless `sector` is a sector number (an integer in [0, 2^53]). */
export function assertSectorNumber(sector: number, what = 'sector number'): void {
  if (!Number.isInteger(sector) || sector < 0 || sector > MAX_SECTOR) {
    throw new Error(`${what} must be an integer from 0 to 2^53, got ${sector}`)
  }
}

/** The checks every DiskCipher makes before touching data, so all implementations fail the same way. */
export function assertDiskInput(dek: Uint8Array, data: Uint8Array, firstSector: number): void {
  if (!(dek instanceof Uint8Array) || dek.length !== DEK_SIZE) {
    throw new Error(`an XTS-AES-256 DEK is ${DEK_SIZE} bytes (K1 data key + K2 tweak key), got ${describeLength(dek)}`)
  }
  // SP 800-38E and OpenSSL refuse K1 = K2: the tweak would then leak information about the data key's outputs.
  let diff = 0
  for (let i = 0; i < 32; i++) diff |= dek[i] ^ dek[32 + i]
  if (diff === 0) throw new Error('the DEK halves are equal: XTS needs two different keys (K1 data key, K2 tweak key)')
  if (!(data instanceof Uint8Array) || data.length % SECTOR_SIZE !== 0) {
    throw new Error(`disk data must be whole ${SECTOR_SIZE}-byte sectors, got ${describeLength(data)}`)
  }
  assertSectorNumber(firstSector, 'firstSector')
  const sectors = data.length / SECTOR_SIZE
  // Compared as a difference: firstSector + sectors could round above 2^53 and pass a naive check.
  if (sectors > 0 && sectors - 1 > MAX_SECTOR - firstSector) {
    throw new Error(`sectors ${firstSector}..${firstSector + sectors - 1} go past the last sector number 2^53`)
  }
}

function describeLength(value: unknown): string {
  return value instanceof Uint8Array ? `${value.length} bytes` : `a ${value === null ? 'null' : typeof value}`
}
