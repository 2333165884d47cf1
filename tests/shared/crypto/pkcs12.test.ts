import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fromHex, indexOfBytes, toHex } from '../../../shared/crypto/bytes'
import { Pkcs12Error, readSecretPkcs12, writeSecretPkcs12 } from '../../../shared/crypto/pkcs12'
import { pkcs12Kdf, pkcs12Password } from '../../../shared/crypto/pkcs12Kdf'

const random = (n: number) => new Uint8Array(randomBytes(n))
const kdk = fromHex('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff')
const backup = { secret: kdk, friendlyName: 'nkp-01', localKeyId: 'kdk-7f3a' }

/** `openssl pkcs12 -info`: its exit status and everything it printed (-info writes the structure to stderr). */
function openssl(file: Uint8Array, password: string): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nkp-p12-'))
  writeFileSync(join(dir, 'f.p12'), file)
  const run = spawnSync('openssl', ['pkcs12', '-info', '-in', join(dir, 'f.p12'), '-passin', `pass:${password}`, '-nodes'], { encoding: 'utf8' })
  return { status: run.status, out: run.stdout + run.stderr }
}

describe('PKCS#12 KDF (RFC 7292 Appendix B)', () => {
  it('writes the password as BMPString with a zero terminator', () => {
    expect(toHex(pkcs12Password('ab'))).toBe('006100620000')
    expect(toHex(pkcs12Password(''))).toBe('0000')
  })

  // That the MAC key is right is proven by OpenSSL verifying the file's MAC below; here: ID separation and length.
  it('derives per ID and extends past one hash block consistently', () => {
    const a = pkcs12Kdf(3, pkcs12Password('pw'), Uint8Array.of(1, 2, 3), 2048, 32)
    const b = pkcs12Kdf(3, pkcs12Password('pw'), Uint8Array.of(1, 2, 3), 2048, 70)
    expect(toHex(b.subarray(0, 32))).toBe(toHex(a))
    expect(toHex(pkcs12Kdf(1, pkcs12Password('pw'), Uint8Array.of(1, 2, 3), 2048, 32))).not.toBe(toHex(a))
  })
})

describe('the Native Key Provider backup file (PKCS#12)', () => {
  const file = writeSecretPkcs12(backup, 'Backup-2026!', random)

  it('is accepted by openssl pkcs12 -info: MAC verified, PBES2 AES-256-CBC, one secret bag named after the provider', () => {
    const { status, out } = openssl(file, 'Backup-2026!')
    expect(status).toBe(0)
    expect(out).toMatch(/MAC: sha256, Iteration 2048/)
    expect(out).toMatch(/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 10000, PRF hmacWithSHA256/)
    expect(out).toMatch(/Secret bag/)
    expect(out).toMatch(/friendlyName: nkp-01/)
    // openssl prints the secret value it decrypted: the KDK itself
    expect(out.replace(/[\s:]/g, '').toLowerCase()).toContain(toHex(kdk))
  })

  it('is refused by openssl with a wrong password', () => {
    const { status, out } = openssl(file, 'wrong-password')
    expect(status).not.toBe(0)
    expect(out).toMatch(/Mac verify error: invalid password\?/)
  })

  it('works without a password too (an empty password, as the export allows)', () => {
    const open = writeSecretPkcs12(backup, '', random)
    expect(openssl(open, '')).toMatchObject({ status: 0, out: expect.stringMatching(/Secret bag/) })
    expect(toHex(readSecretPkcs12(open, '').secret)).toBe(toHex(kdk))
  })

  it('reads back with the password and refuses another', () => {
    const read = readSecretPkcs12(file, 'Backup-2026!')
    expect(toHex(read.secret)).toBe(toHex(kdk))
    expect(read.friendlyName).toBe('nkp-01')
    expect(read.localKeyId).toBe('kdk-7f3a')
    expect(() => readSecretPkcs12(file, 'nope')).toThrow(Pkcs12Error)
    expect(() => readSecretPkcs12(file.subarray(0, 40), 'Backup-2026!')).toThrow(/not a backup file/)
  })

  // provider.restore reads backups with this code alone; OpenSSL is the independent judge of what opens.
  it('opens exactly the files, with exactly the passwords, that openssl pkcs12 opens', () => {
    const tampered = file.slice()
    tampered[Math.floor(tampered.length / 2)] ^= 0x01
    const variants: [string, Uint8Array, string][] = [
      ['right password', file, 'Backup-2026!'],
      ['wrong password', file, 'backup-2026!'],
      ['empty password on a protected file', file, ''],
      ['non-ASCII password', writeSecretPkcs12(backup, 'Schlüssel-€-2026', random), 'Schlüssel-€-2026'],
      ['a flipped bit', tampered, 'Backup-2026!'],
      ['truncated', file.subarray(0, file.length - 10), 'Backup-2026!']
    ]
    for (const [what, bytes, password] of variants) {
      const ours = (() => {
        try {
          return toHex(readSecretPkcs12(bytes, password).secret)
        } catch (e) {
          expect(e, what).toBeInstanceOf(Pkcs12Error)
          return null
        }
      })()
      const theirs = openssl(bytes, password)
      expect(ours !== null, what).toBe(theirs.status === 0)
      if (ours) expect(theirs.out.replace(/[\s:]/g, '').toLowerCase(), what).toContain(ours)
    }
  })

  it('never holds the KDK in clear', () => {
    expect(indexOfBytes(file, kdk)).toBe(-1)
  })
})
