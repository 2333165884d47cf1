import { describe, expect, it } from 'vitest'
import { bytesOf, StoredBytes } from '../../../shared/lab/files/storedBytes'
import { nodeDiskCipher } from '../../../node/crypto/nodeDiskCipher'
import { labBytes, openLabBytes, readLabBytes } from '../../../node/labFile/labFileIo'
import { CONTAINER_MAGIC } from '../../../shared/labFile/container'
import { labDocumentText, labFileData, parseLabFile } from '../../../shared/labFile/kflab'
import { LabFileError } from '../../../shared/labFile/labFileError'
import { formatMessage } from '../../../shared/i18n/format'
import type { MessageRef } from '../../../shared/lab/events'
import { v1ToV2 } from '../../../shared/labFile/migrations/v1-to-v2'
import { migrateToLatest } from '../../../shared/labFile/migrations'
import { KFLAB_VERSION } from '../../../shared/labFile/schema'
import { secureRandom, seededRandom } from '../../../shared/lab/random'
import { Lab } from '../../../shared/lab/lab'
import { encryptedVmLab, get, ok } from '../../helpers/lab'
import { savedData } from '../../helpers/labFiles'

const deps = (seed: number | null) => ({
  random: seed === null ? secureRandom((b) => crypto.getRandomValues(b)) : seededRandom(seed),
  diskCipher: nodeDiskCipher
})

/** The JSON a format-1 file held (every byte string inline), for tests that hand-edit one. */
const v1Text = (lab: Lab) => labDocumentText({ ...labFileData(lab), version: 1 as never })

describe('.kflab lab files', () => {
  it('a seeded lab saves and opens with its whole history replayed, ending in the same state', async () => {
    const lab = await encryptedVmLab({ seed: 4 })
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' }, { op: 'host.crash', name: 'esx-01' })
    const bytes = await labBytes(lab)
    const opened = await openLabBytes(bytes, deps)
    expect(opened.origin).toBe('created')
    expect(opened.seq).toBe(lab.seq)
    expect(await labBytes(opened)).toEqual(bytes)
    expect(get(opened, 'host', 'esx-01').persisted.varCore['vmkernel-zdump.1']).toEqual(get(lab, 'host', 'esx-01').persisted.varCore['vmkernel-zdump.1'])
  })

  it('an unseeded lab opens at its saved state, its disks left in the file until a command reads them, and can go on', async () => {
    const lab = await Lab.create(deps(null), { seed: null })
    await ok(lab, { op: 'kms.add', name: 'kms-1', provider: 'kp' }, { op: 'provider.add', name: 'kp' }, { op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await ok(lab, { op: 'provider.trust', provider: 'kp', mode: 'csr' }, { op: 'vm.create', name: 'vm1', host: 'esx-01', diskMiB: 2 }, { op: 'vm.encrypt', name: 'vm1' })
    const opened = await openLabBytes(await labBytes(lab), deps)
    expect(opened.origin).toBe('restored')
    expect(opened.seq).toBe(0)
    const flat = (l: Lab) => get(l, 'datastore', 'ds-c1').persisted.files[get(l, 'vm', 'vm1').disks[0].flat].data!
    expect(flat(opened)).toBeInstanceOf(StoredBytes)
    // Byte-wise (toEqual walks megabytes element by element, and slowly).
    expect(Buffer.from(bytesOf(flat(opened))).equals(bytesOf(flat(lab)))).toBe(true)
    // A part of the disk reads only its own chunk (the second MiB), checked, and the same bytes as the lab's.
    expect(Buffer.from(bytesOf(flat(opened), 1024 * 1024 + 5, 1024 * 1024 + 4096)).equals(bytesOf(flat(lab), 1024 * 1024 + 5, 1024 * 1024 + 4096))).toBe(true)
    await ok(opened, { op: 'vm.powerOn', name: 'vm1' }, { op: 'vm.powerOff', name: 'vm1' }, { op: 'vm.decrypt', name: 'vm1' })
  })

  it('stores each distinct disk chunk once: equal disks and zero chunks cost one chunk', async () => {
    const lab = await Lab.create(deps(9), { seed: 9 })
    await ok(lab, { op: 'host.add', name: 'esx-01', cluster: 'c1' })
    for (const name of ['a', 'b', 'c', 'd']) await ok(lab, { op: 'vm.create', name, host: 'esx-01', diskMiB: 8, guestData: 'same' })
    const bytes = await labBytes(lab)
    // 32 MiB of disks, mostly zeros and four equal boot sectors: a few KiB of chunks plus the JSON.
    expect(bytes.length).toBeLessThan(200 * 1024)
    const opened = await openLabBytes(bytes, deps)
    expect(opened.origin).toBe('created')
  })

  it('a seeded file whose state was edited falls back to the saved state instead of a replay that disagrees', async () => {
    const lab = await encryptedVmLab({ seed: 4 })
    const data = labFileData(lab)
    const vm = data.entities['vm:vm1']
    if (vm.kind !== 'vm') throw new Error('no vm')
    data.entities['vm:vm1'] = { ...vm, memory: { guest: null }, connectionState: 'invalid' }
    const opened = await openLabBytes(await labBytes(data), deps)
    expect(opened.origin).toBe('restored')
    expect(get(opened, 'vm', 'vm1').connectionState).toBe('invalid')
  })

  it('refuses what is not a lab file and damage, with the place; a newer version names both versions', async () => {
    const lab = await encryptedVmLab({ seed: 4 })
    const good = JSON.parse(v1Text(lab))
    expect(() => parseLabFile('hello')).toThrow(new LabFileError('labFile.notJson'))
    expect(() => parseLabFile('{"format": "pkt", "version": 1}')).toThrow(/not a KeyFlow Lab file/)
    expect(() => parseLabFile(JSON.stringify({ ...good, version: 7 }))).toThrow(/newer KeyFlow Lab \(lab file version 7\); this KeyFlow Lab reads versions 1 to 2/)
    const damaged = structuredClone(good)
    damaged.entities['host:esx-01'].cryptoState = 'molten'
    expect(() => parseLabFile(JSON.stringify(damaged))).toThrow(/damaged: .* at entities\.host:esx-01\.cryptoState/)
    const badBytes = structuredClone(good)
    badBytes.entities['host:esx-01'].tpm.storageKey = { $b64: '%%%' }
    expect(() => parseLabFile(JSON.stringify(badBytes))).toThrow(LabFileError)
    const missing = structuredClone(good)
    delete missing.entities['vm:vm1']
    expect(() => parseLabFile(JSON.stringify(missing))).toThrow(/vm:vm1 is listed but missing/)
    // A container from a newer build: refused by its header, before anything else is read.
    const newer = Uint8Array.from(await labBytes(lab))
    new DataView(newer.buffer).setUint32(CONTAINER_MAGIC.length, KFLAB_VERSION + 1)
    const error = await readLabBytes(newer).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LabFileError)
    expect((error as LabFileError).message).toMatch(`lab file version ${KFLAB_VERSION + 1}); this KeyFlow Lab reads versions 1 to ${KFLAB_VERSION}`)
    expect((error as LabFileError).messageRef).toEqual({ id: 'labFile.newerVersion', params: { version: KFLAB_VERSION + 1, supported: KFLAB_VERSION } })
  })

  it('tells each way a file is foreign or damaged by its own catalog message, in English and German', async () => {
    const lab = await encryptedVmLab({ seed: 4 })
    const good = await labBytes(lab)
    const container = (version: number, rest: Uint8Array) => Buffer.concat([CONTAINER_MAGIC, u32(version), rest])
    const withTrailer = (change: (trailer: DataView) => void) => {
      const bytes = Uint8Array.from(good)
      change(new DataView(bytes.buffer, bytes.length - 49, 49))
      return bytes
    }
    const cases: [string, Uint8Array | string][] = [
      ['labFile.notJson', 'hello'],
      ['labFile.wrongFormat', '{"format": "pkt", "version": 1}'],
      ['labFile.badVersion', '{"format": "keyflow-lab", "version": "one"}'],
      ['labFile.damage.bareJson', '{"format": "keyflow-lab", "version": 2}'],
      ['labFile.damage.noHeader', Buffer.concat([CONTAINER_MAGIC, Uint8Array.of(0)])],
      ['labFile.damage.containerVersion', container(1, new Uint8Array(60))],
      ['labFile.damage.noEndMarker', container(2, new Uint8Array(10))],
      ['labFile.damage.endAltered', container(2, new Uint8Array(60))],
      ['labFile.damage.indexOutOfPlace', withTrailer((t) => t.setBigUint64(1, 1n << 40n))],
      ['labFile.damage.checksum', withTrailer((t) => t.setUint8(20, t.getUint8(20) ^ 1))],
      ['labFile.newerVersion', container(KFLAB_VERSION + 1, new Uint8Array(60))]
    ]
    for (const [id, input] of cases) {
      const bytes = typeof input === 'string' ? Buffer.from(input) : input
      const error = (await readLabBytes(bytes).catch((e: unknown) => e)) as LabFileError
      expect(error, id).toBeInstanceOf(LabFileError)
      const ref = error.messageRef.id === 'labFile.damaged' ? (error.messageRef.params.detail as MessageRef) : error.messageRef
      expect(ref.id, id).toBe(id)
      expect(error.message, id).toBe(formatMessage(error.messageRef, 'en'))
      expect(formatMessage(error.messageRef, 'de'), id).not.toMatch(/\[labFile|\b(the|is|not|file)\b/)
    }
  })

  it('any bit flipped anywhere in a file gives a clear error, never a partial lab', async () => {
    const lab = await encryptedVmLab({ seed: 4 })
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const bytes = await labBytes(lab)
    const random = seededRandom(77)
    const told = new Set<string>()
    for (let trial = 0; trial < 300; trial++) {
      const flipped = Uint8Array.from(bytes)
      const at = new DataView(random.bytes(4, trial * 4).buffer).getUint32(0) % flipped.length
      flipped[at] ^= 1 << trial % 8
      const error = await openLabBytes(flipped, deps).catch((e: unknown) => e)
      expect(error, `bit ${trial % 8} of byte ${at}`).toBeInstanceOf(LabFileError)
      // Told in the catalog: in German too, with every nested detail there (a missing one would show as “[id]”).
      const { messageRef, message } = error as LabFileError
      expect(message).toBe(formatMessage(messageRef, 'en'))
      expect(formatMessage(messageRef, 'de')).toMatch(/^(Die Labordatei ist beschädigt: |Dies ist keine KeyFlow-Lab-Datei)[^[]+$/)
      told.add(messageRef.id === 'labFile.damaged' ? (messageRef.params.detail as MessageRef).id : messageRef.id)
    }
    // A flip in a disk's chunk and one in the index or trailer are each told by what they broke.
    expect(told).toContain('labFile.damage.chunkHash')
    expect(told).toContain('labFile.damage.checksum')
    await expect(openLabBytes(bytes.subarray(0, bytes.length - 100), deps)).rejects.toThrow(/cut short|altered at its end/)
  })

  it('a lab whose external KMS has a CA chain at the one PEM limit (16 KiB) saves and opens again', async () => {
    const lab = await Lab.create(deps(5), { seed: 5 })
    const frame = ['-----BEGIN CERTIFICATE-----\n', '\n-----END CERTIFICATE-----\n']
    const caPem = frame[0] + 'A'.repeat(16384 - frame[0].length - frame[1].length) + frame[1]
    await ok(lab, { op: 'kms.add', name: 'far', provider: 'kp', external: { host: '127.0.0.1', port: 5696, caPem, clientCertPem: 'c', clientKeyPem: 'k' } })
    const opened = await openLabBytes(await labBytes(lab), deps)
    expect(get(opened, 'kms', 'far').external?.caPem).toBe(caPem)
    expect((await savedData(await labBytes(opened))).entities['kms:far']).toEqual(labFileData(lab).entities['kms:far'])
  })
})

describe('lab file migrations', () => {
  it('v1 → v2 changes only the version (format 2 moved disks into the container, not the document shape)', () => {
    const doc = { format: 'keyflow-lab', version: 1 as const, seed: 3, history: 'complete', commands: [], entities: { a: 1 } }
    expect(v1ToV2(doc)).toEqual({ ...doc, version: 2 })
    expect(doc.version).toBe(1)
    expect(migrateToLatest(doc, 1)).toEqual({ ...doc, version: KFLAB_VERSION })
    expect(migrateToLatest({ ...doc, version: 2 }, 2)).toEqual({ ...doc, version: 2 })
  })

  it('a format-1 file (bare JSON) opens with its whole history', async () => {
    const lab = await encryptedVmLab({ seed: 4 })
    const opened = await openLabBytes(new TextEncoder().encode(v1Text(lab)), deps)
    expect(opened.origin).toBe('created')
    expect(opened.seq).toBe(lab.seq)
  })
})

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4)
  new DataView(b.buffer).setUint32(0, n)
  return b
}
