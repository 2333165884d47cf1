import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toHex } from '../../../shared/crypto/bytes'
import { bmpString, children, explicit, integer, octetString, oid, read, readInteger, readOid, sequence, setOf } from '../../../shared/crypto/der'

describe('DER writer and reader', () => {
  it('encodes integers minimally, with a sign byte when the top bit is set', () => {
    expect(toHex(integer(0))).toBe('020100')
    expect(toHex(integer(127))).toBe('02017f')
    expect(toHex(integer(128))).toBe('02020080')
    expect(toHex(integer(600000))).toBe('02030927c0')
    expect(readInteger(read(integer(600000)))).toBe(600000)
  })

  it('encodes object identifiers (X.690 §8.19) and reads them back', () => {
    // id-pbkdf2 and hmacWithSHA256, as every PKCS#12 file of OpenSSL 3 carries them
    expect(toHex(oid('1.2.840.113549.1.5.12'))).toBe('06092a864886f70d01050c')
    expect(toHex(oid('2.16.840.1.101.3.4.1.42'))).toBe('060960864801650304012a')
    for (const id of ['1.2.840.113549.1.12.10.1.5', '2.16.840.1.101.3.4.2.1', '2.999.3']) expect(readOid(read(oid(id)))).toBe(id)
  })

  it('uses long-form lengths past 127 bytes', () => {
    const big = octetString(new Uint8Array(300))
    expect(toHex(big.subarray(0, 4))).toBe('0482012c')
    expect(read(big).value.length).toBe(300)
  })

  it('sorts SET OF by encoding and writes BMPString as UTF-16BE', () => {
    expect(toHex(setOf(integer(2), integer(1)))).toBe('3106020101020102')
    expect(toHex(bmpString('nkp'))).toBe('1e06006e006b0070')
  })

  it('writes what OpenSSL parses as the same structure', () => {
    const der = sequence(integer(3), explicit(0, octetString(Uint8Array.of(1, 2))), oid('1.2.840.113549.1.7.1'))
    const dir = mkdtempSync(join(tmpdir(), 'der-'))
    writeFileSync(join(dir, 'x.der'), der)
    const parsed = execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-in', join(dir, 'x.der')], { encoding: 'utf8' })
    expect(parsed).toMatch(/SEQUENCE/)
    expect(parsed).toMatch(/INTEGER\s+:03/)
    expect(parsed).toMatch(/cont \[ 0 \]/)
    expect(parsed).toMatch(/OBJECT\s+:pkcs7-data/)
    expect(children(read(der)).map((c) => c.tag)).toEqual([0x02, 0xa0, 0x06])
  })
})
