// The disks of an opened lab stay in its file until a command reads them (shared/lab/files/storedBytes.ts): they
// read back the same bytes, a save copies their chunks as stored (each checked), saving over the file it came from
// works, and a file changed under the open lab refuses the command that reads it, in the user's words, without
// losing the lab or the previous file.

import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, statSync, truncateSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { labDeps } from '../../../node/host/labHost'
import { nodeContainerCodec } from '../../../node/labFile/codec'
import { labBytes, openLabPath, readLabFile, writeLab } from '../../../node/labFile/labFileIo'
import { bytesOf, StoredBytes } from '../../../shared/lab/files/storedBytes'
import { Lab } from '../../../shared/lab/lab'
import { labFileData } from '../../../shared/labFile/kflab'
import { writeLabContainer, type ContainerCodec } from '../../../shared/labFile/container'
import { formatMessage } from '../../../shared/i18n/format'
import { get, ok } from '../../helpers/lab'
import { chunkIndex } from '../../helpers/labFiles'

const work = mkdtempSync(join(tmpdir(), 'kflab-stored-'))
const MiB = 1024 * 1024

/** An unseeded lab (restored from its saved state on open) with an encrypted disk (3 MiB), saved to `name`. */
async function savedLab(name: string, diskMiB = 3): Promise<{ lab: Lab; path: string }> {
  const lab = await Lab.create(labDeps(null), { seed: null })
  await ok(lab, { op: 'kms.add', name: 'kms-1', provider: 'kp' }, { op: 'provider.add', name: 'kp' }, { op: 'host.add', name: 'esx-01', cluster: 'c1' })
  await ok(lab, { op: 'provider.trust', provider: 'kp', mode: 'csr' }, { op: 'vm.create', name: 'vm1', host: 'esx-01', diskMiB, encrypt: true })
  const path = join(work, name)
  await writeLab(lab, path)
  return { lab, path }
}

/** Byte-wise equality (toEqual walks megabytes element by element, and slowly). */
const same = (a: Uint8Array, b: Uint8Array | StoredBytes) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(bytesOf(b))

const flat = (lab: Lab) => get(lab, 'datastore', 'ds-c1').persisted.files[get(lab, 'vm', 'vm1').disks[0].flat].data!

/** The file offset of the first stored (not deflated) chunk: ciphertext, so every disk chunk is one. */
function firstChunkOffset(path: string): number {
  return Math.min(...chunkIndex(readFileSync(path)).filter(([, [, , , encoding]]) => encoding === 0).map(([, [offset]]) => offset))
}

describe('disks left in the lab file they were opened from', () => {
  it('read back the bytes that were saved, a part of a disk reading only its own chunks, and commands use them', async () => {
    const { lab, path } = await savedLab('read.kflab')
    const opened = await openLabPath(path, (seed) => labDeps(seed))
    expect(opened.origin).toBe('restored')
    expect(flat(opened)).toBeInstanceOf(StoredBytes)
    expect(same(bytesOf(flat(opened)), flat(lab))).toBe(true)
    expect(same(bytesOf(flat(opened), 2 * MiB - 7, 2 * MiB + 9), bytesOf(flat(lab), 2 * MiB - 7, 2 * MiB + 9))).toBe(true)
    // Decrypting reads the whole disk from the file; the clear disk is the one the saved lab decrypts to.
    await ok(opened, { op: 'vm.powerOn', name: 'vm1' }, { op: 'vm.powerOff', name: 'vm1' }, { op: 'vm.decrypt', name: 'vm1' })
    await ok(lab, { op: 'vm.decrypt', name: 'vm1' })
    expect(flat(opened)).toBeInstanceOf(Uint8Array)
    expect(same(bytesOf(flat(opened)), flat(lab))).toBe(true)
  })

  it('are copied chunk by chunk as stored when the lab is saved, each checked against its hash, also over their own file', async () => {
    // 16 chunks: more than the hash pool's leased slots, which the copies hold until they are written in order.
    const { lab, path } = await savedLab('copy.kflab', 16)
    const opened = await openLabPath(path, (seed) => labDeps(seed))
    const counts = { leased: 0, hashed: 0 }
    const counting: ContainerCodec = {
      ...nodeContainerCodec,
      leaseChunk: (length) => (counts.leased++, nodeContainerCodec.leaseChunk!(length)),
      hashChunk: (chunk) => (counts.hashed++, nodeContainerCodec.hashChunk(chunk))
    }
    await writeLabContainer(labFileData(opened), { write: async () => undefined }, counting)
    // The writer hashes none of them: their hashes are known from the file. (Each chunk is checked where it is read
    // from the file, with the codec that opened it: the changed-file tests below fail the save.)
    expect(counts).toEqual({ leased: 0, hashed: 0 })

    // Saved over the very file its disks are read from: the open file keeps its bytes until the lab lets go.
    await writeLab(opened, path)
    expect(same(bytesOf(flat(opened)), flat(lab))).toBe(true)
    const again = await openLabPath(path, (seed) => labDeps(seed))
    expect(same(bytesOf(flat(again)), flat(lab))).toBe(true)
    await ok(again, { op: 'vm.powerOn', name: 'vm1' })
  })

  it('give back the memory of a chunk read ahead that an equal chunk in memory wrote first, so later saves never run out of it', async () => {
    const { path } = await savedLab('equal.kflab', 1)
    const opened = await openLabPath(path, (seed) => labDeps(seed))
    const data = labFileData(opened)
    // The same bytes in memory, met first: the stored chunk is read ahead, then found written already.
    const twin = { twin: { bytes: bytesOf(flat(opened)).slice() } }
    const crafted = { ...data, entities: { ...twin, ...data.entities } as unknown as typeof data.entities }
    // More saves than the pool has slots: each would keep one if the read-ahead chunk's lease were not given back.
    for (let i = 0; i < 16; i++) await writeLabContainer(crafted, { write: async () => undefined }, nodeContainerCodec)
    const { path: bigger } = await savedLab('after-equal.kflab', 16)
    const reopened = await openLabPath(bigger, (seed) => labDeps(seed))
    await writeLabContainer(labFileData(reopened), { write: async () => undefined }, nodeContainerCodec)
  })

  it('a save starts as a kernel copy of the file its disks are in, adding what it lacks; a file others can read is written in full instead', async () => {
    for (const mode of [0o600, 0o644]) {
      // A lab of its own each time: no file saved before holds its disks (a save may start from those as well).
      const { lab, path } = await savedLab(`base-${mode.toString(8)}-source.kflab`, 4)
      await ok(lab, { op: 'vm.create', name: 'vm2', host: 'esx-01', diskMiB: 1, encrypt: true })
      await writeLab(lab, path)
      chmodSync(path, mode)
      const opened = await openLabPath(path, (seed) => labDeps(seed))
      // vm2's disk chunk is no longer used; a new VM's disk is in memory only.
      await ok(opened, { op: 'vm.remove', name: 'vm2' }, { op: 'vm.create', name: 'vm3', host: 'esx-01', diskMiB: 1 })
      const target = join(work, `base-${mode.toString(8)}.kflab`)
      await writeLab(opened, target)
      const written = readFileSync(target)
      const fresh = await labBytes(opened)
      // Started from the copy, the file still holds vm2's unused chunk (1 MiB); written in full, it does not.
      expect(written.length - fresh.length).toBe(mode === 0o600 ? 1024 * 1024 + 42 : 0)
      expect(statSync(target).mode & 0o777).toBe(0o600)
      const again = await openLabPath(target, (seed) => labDeps(seed))
      expect(same(bytesOf(flat(again)), flat(lab))).toBe(true)
      expect(get(again, 'vm', 'vm3').disks[0].bytes).toBe(1024 * 1024)
      await ok(again, { op: 'vm.powerOn', name: 'vm1' }, { op: 'vm.powerOn', name: 'vm3' })
    }
  })

  for (const change of ['a flipped byte', 'a shorter file'] as const) {
    it(`changed on disk after the open (${change}): the command that reads the disk is refused in the user's words, the lab stays, a save fails and leaves no file`, async () => {
      const { path } = await savedLab(`changed-${change.length}.kflab`)
      const opened = await openLabPath(path, (seed) => labDeps(seed))
      const at = firstChunkOffset(path)
      if (change === 'a shorter file') truncateSync(path, at + 10)
      else {
        const fd = openSync(path, 'r+')
        const one = Buffer.alloc(1)
        readSync(fd, one, 0, 1, at + 100)
        writeSync(fd, Buffer.of(one[0] ^ 0x01), 0, 1, at + 100)
        closeSync(fd)
      }
      const seq = opened.seq
      const out = await opened.run({ op: 'vm.decrypt', name: 'vm1' })
      expect(out.fault?.fault).toBe('CannotAccessFile')
      expect(out.fault?.message.id).toBe('fault.fileChangedOnDisk')
      expect(formatMessage(out.fault!.message, 'de')).toMatch(/^Die Datei \[ds-c1\] .*-flat\.vmdk lässt sich nicht lesen: Die Labordatei, in der sie liegt, wurde nach dem Öffnen/)
      expect(opened.seq).toBe(seq + out.events.length)
      expect(get(opened, 'vm', 'vm1').keyId).not.toBeNull()
      const target = join(work, `saved-after-${change.length}.kflab`)
      await expect(writeLab(opened, target)).rejects.toThrow(/^The lab file changed on disk after it was opened: /)
      expect(existsSync(target)).toBe(false)
    })
  }

  it('let the file close once the lab is built where no disk stays in it', async () => {
    const lab = await Lab.create(labDeps(null), { seed: null })
    await ok(lab, { op: 'host.add', name: 'esx-01', cluster: 'c1' })
    const path = join(work, 'no-disks.kflab')
    await writeLab(lab, path)
    const read = await readLabFile(path)
    expect(read.blobs?.keepsFile()).toBe(false)
    await read.close()
  })
})
