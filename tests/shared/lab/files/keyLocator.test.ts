import { createDecipheriv, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { formatKeyLocator, parseKeyLocator } from '../../../../shared/lab/files/keyLocator'
import { parseVmx, formatVmx } from '../../../../shared/lab/files/vmx'
import { formatBundle, unwrapDek, wrapDek } from '../../../../shared/lab/services/dekWrap'

describe('key locator and key safe', () => {
  it('round-trips the vSphere key locator grammar with a KMS-backed fqid locker', () => {
    const pair = { providerId: 'KMS cluster/1', keyId: 'a4e7494f-da55-4917-9d90-560c5078866b', mac: 'AES-KWP', lockedData: new Uint8Array(randomBytes(80)) }
    const text = formatKeyLocator(pair)
    expect(text.startsWith('vmware:key/list/(pair/(fqid/<VMWARE-NULL>/KMS%20cluster%2f1/a4e7494f-da55-4917-9d90-560c5078866b,AES-KWP,')).toBe(true)
    expect(parseKeyLocator(text)).toEqual(pair)
    expect(() => parseKeyLocator('vmware:key/rawkey/abc')).toThrow(/not a key locator/)
  })

  it('the DEK is wrapped with RFC 5649 AES key wrap: OpenSSL unwraps it with the KEK', () => {
    const kek = randomBytes(32)
    const dek = new Uint8Array(randomBytes(64))
    const locked = wrapDek(kek, dek)
    const d = createDecipheriv('id-aes256-wrap-pad', kek, Buffer.from('a65959a6', 'hex'))
    const dictionary = Buffer.concat([d.update(locked), d.final()]).toString()
    expect(dictionary).toBe(`type=key:cipher=XTS-AES-256:key=${Buffer.from(dek).toString('base64')}`)
    expect(unwrapDek(kek, locked)).toEqual(dek)
    expect(() => unwrapDek(randomBytes(32), locked)).toThrow()
  })

  it('the .vmx keeps the bundle on one line and reads back', () => {
    const bundle = formatBundle('kp', 'key-1', new Uint8Array(40))
    const vmx = formatVmx({ name: 'vm "1"', uuid: 'u', disks: [{ device: 'scsi0:0', descriptor: 'vm/vm.vmdk' }], nvram: 'vm/vm.nvram', vtpm: false, bundle, migrateEncryption: 'required' })
    const parsed = parseVmx(vmx)
    expect(parsed['encryption.bundle']).toBe(bundle)
    expect(parsed.displayName).toBe('vm "1"')
    expect(parsed['migrate.encryptionMode']).toBe('required')
  })
})
