import { describe, expect, it } from 'vitest'
import { indexOfBytes, toHex, utf8 } from '../../../shared/crypto/bytes'
import { openEnvelope } from '../../../shared/crypto/envelope'
import { readZdumpHeader, ZDUMP_HEADER_SIZE } from '../../../shared/lab/files/coreDump'
import { encryptedVmLab, get, ok, run, trustedLab } from '../../helpers/lab'
import { kmsKey, text } from '../../helpers/inspect'

const DUMP = '/var/core/vmkernel-zdump.1'

describe('host crash and core dumps', () => {
  it('an incapable host writes its memory in clear: anyone with the file reads the guest’s secrets', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'db', host: 'esx-01', guestData: 'password=hunter2' }, { op: 'vm.powerOn', name: 'db' })
    await ok(lab, { op: 'host.crash', name: 'esx-01' })
    const dump = get(lab, 'host', 'esx-01').persisted.varCore['vmkernel-zdump.1']
    expect(readZdumpHeader(dump)?.encrypted).toBe('no')
    expect(indexOfBytes(dump, utf8('password=hunter2'))).toBeGreaterThan(ZDUMP_HEADER_SIZE)
    expect(get(lab, 'vm', 'db').power).toBe('poweredOff')
  })

  it('a safe host writes an envelope: the dump is encrypted and authenticated, its one-time key wrapped by the host key', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const host = get(lab, 'host', 'esx-01')
    const hostKeyId = host.persisted.config.hostKeyId!
    const kekId = get(lab, 'vm', 'vm1').keyId!
    const [out] = await ok(lab, { op: 'host.crash', name: 'esx-01' })
    const dump = get(lab, 'host', 'esx-01').persisted.varCore['vmkernel-zdump.1']
    expect(readZdumpHeader(dump)).toMatchObject({ encrypted: 'yes', keyID: hostKeyId })
    expect(indexOfBytes(dump, utf8('top secret'))).toBe(-1)
    // with the host key (from the KMS) the dump opens, and it holds the KEK and the DEK in clear — why dumps are encrypted
    const { plaintext } = openEnvelope(dump.subarray(ZDUMP_HEADER_SIZE), kmsKey(lab, hostKeyId))
    expect(text(plaintext)).toContain('top secret payroll')
    expect(text(plaintext)).toContain(toHex(kmsKey(lab, kekId)))
    // the dump is written, the host reboots, and vCenter logs the dump (with its keyID) once the host is back
    const ids = out.events.map((e) => e.message.id)
    expect(ids.indexOf('host.coredump.encrypted')).toBeLessThan(ids.indexOf('host.restart.afterCrash'))
    expect(ids.indexOf('host.coredump.event')).toBeGreaterThan(ids.indexOf('host.reconnect'))
  })

  it('crypto-util describes a dump from its clear header; it extracts only while the host key is in the key cache', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' }, { op: 'host.crash', name: 'esx-01' })
    const [describe] = await ok(lab, { op: 'host.cryptoUtil', name: 'esx-01', args: ['envelope', 'describe', '--offset', '4096', DUMP] })
    const hostKeyId = get(lab, 'host', 'esx-01').persisted.config.hostKeyId!
    expect(describe.events[0].detail).toContain(`  keyID '${hostKeyId}'`)
    const [extract] = await ok(lab, { op: 'host.cryptoUtil', name: 'esx-01', args: ['envelope', 'extract', '--offset', '4096', DUMP, '/tmp/dump'] })
    expect(extract.events[0].detail!.join('\n')).toContain('top secret payroll')
    const [noOffset] = await run(lab, { op: 'host.cryptoUtil', name: 'esx-01', args: ['envelope', 'describe', DUMP] })
    expect(noOffset.fault?.text).toMatch(/--offset 4096/)
    // after a reboot with the KMS down the host key is gone: crypto-util cannot open the dump
    await ok(lab, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-01' })
    const [missing] = await run(lab, { op: 'host.cryptoUtil', name: 'esx-01', args: ['envelope', 'extract', '--offset', '4096', DUMP] })
    expect(missing.fault?.fault).toBe('CryptoUtilError')
    expect(missing.fault?.text).toContain(hostKeyId)
    // describe still names the key the dump needs: that is how support finds which key to ask for
    const [named] = await ok(lab, { op: 'host.cryptoUtil', name: 'esx-01', args: ['envelope', 'describe', '--offset', '4096', DUMP] })
    expect(named.events[0].detail).toContain(`  keyID '${hostKeyId}'`)
    expect(named.events[0].message.id).toBe('host.cryptoUtil.describe.keyMissing')
    expect(named.events[0].keys).toEqual([{ keyType: 'hostKey', form: 'id', keyId: hostKeyId }])
  })

  it('host rekey re-wraps dumps still in /var/core; a dump exported earlier needs the old host key', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' }, { op: 'host.crash', name: 'esx-01' })
    const oldKeyId = get(lab, 'host', 'esx-01').persisted.config.hostKeyId!
    const exported = get(lab, 'host', 'esx-01').persisted.varCore['vmkernel-zdump.1']
    const [out] = await ok(lab, { op: 'host.rekey', name: 'esx-01' })
    const host = get(lab, 'host', 'esx-01')
    const newKeyId = host.persisted.config.hostKeyId!
    expect(newKeyId).not.toBe(oldKeyId)
    expect(host.memory.keyCache[oldKeyId]).toBeUndefined()
    expect(host.memory.keyCache[newKeyId].keyType).toBe('hostKey')
    expect(get(lab, 'vcenter', 'vcenter').persisted.hostKeys['esx-01'].keyId).toBe(newKeyId)
    expect(out.events.some((e) => e.message.id === 'host.rekey.dumpRewrapped')).toBe(true)
    const inPlace = host.persisted.varCore['vmkernel-zdump.1']
    expect(readZdumpHeader(inPlace)?.keyID).toBe(newKeyId)
    // the body is untouched: only the wrapped one-time key changed
    expect(openEnvelope(inPlace.subarray(ZDUMP_HEADER_SIZE), kmsKey(lab, newKeyId)).plaintext).toEqual(
      openEnvelope(exported.subarray(ZDUMP_HEADER_SIZE), kmsKey(lab, oldKeyId)).plaintext
    )
    expect(() => openEnvelope(exported.subarray(ZDUMP_HEADER_SIZE), kmsKey(lab, newKeyId))).toThrow(/not the key/)
    // crypto-util on the host now uses the new key
    await ok(lab, { op: 'host.cryptoUtil', name: 'esx-01', args: ['envelope', 'extract', '--offset', '4096', DUMP] })
  })

  it('host rekey is refused on a host that is not safe', async () => {
    const lab = await trustedLab()
    const [out] = await run(lab, { op: 'host.rekey', name: 'esx-01' })
    expect(out.fault?.fault).toBe('InvalidState')
  })
})
