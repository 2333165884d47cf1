// A save of disks held in memory starts from the file this process last saved them to (a kernel copy of it, or that
// file itself updated in place, as the autosave asks), so a save after a change writes only what changed: the result
// opens with the same disks, and a file that is no longer the one written (changed, replaced, readable by others,
// gone) is never copied from or updated.

import { chmodSync, closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { labDeps } from '../../../node/host/labHost'
import { labBytes, openLabPath, writeLab } from '../../../node/labFile/labFileIo'
import { bytesOf } from '../../../shared/lab/files/storedBytes'
import { Lab } from '../../../shared/lab/lab'
import { get, ok } from '../../helpers/lab'
import { chunkIndex, indexOffset } from '../../helpers/labFiles'

const work = mkdtempSync(join(tmpdir(), 'kflab-saved-'))
const MiB = 1024 * 1024
/** A stored chunk in the file: its header (42 bytes) and its bytes. */
const CHUNK_IN_FILE = MiB + 42

/** An unseeded lab with encrypted VMs of 2 MiB (ciphertext: every chunk distinct, stored as it is), in memory. */
async function labWithVms(names: string[]): Promise<Lab> {
  const lab = await Lab.create(labDeps(null), { seed: null })
  await ok(lab, { op: 'kms.add', name: 'kms-1', provider: 'kp' }, { op: 'provider.add', name: 'kp' }, { op: 'host.add', name: 'esx-01', cluster: 'c1' })
  await ok(lab, { op: 'provider.trust', provider: 'kp', mode: 'csr' })
  for (const name of names) await ok(lab, { op: 'vm.create', name, host: 'esx-01', diskMiB: 2, encrypt: true })
  return lab
}

/** Every disk of `lab` reads back the same from the file at `path`. */
async function opensWithSameDisks(lab: Lab, path: string): Promise<void> {
  const again = await openLabPath(path, (seed) => labDeps(seed))
  const files = (l: Lab) => get(l, 'datastore', 'ds-c1').persisted.files
  let disks = 0
  for (const [name, f] of Object.entries(files(lab))) {
    if (f.kind !== 'flat') continue
    disks++
    expect(Buffer.from(bytesOf(files(again)[name].data!)).equals(Buffer.from(bytesOf(f.data!)))).toBe(true)
  }
  expect(disks).toBeGreaterThan(0)
}

/** How many bytes of chunks more the file at `path` holds than a save written in full: chunks copied along unused. */
async function beyondFresh(lab: Lab, path: string): Promise<number> {
  return indexOffset(readFileSync(path)) - indexOffset(await labBytes(lab))
}

function flipByte(path: string, at: number): void {
  const fd = openSync(path, 'r+')
  const one = Buffer.alloc(1)
  readSync(fd, one, 0, 1, at)
  writeSync(fd, Buffer.of(one[0] ^ 0x01), 0, 1, at)
  closeSync(fd)
}

describe.runIf(process.platform === 'linux')('a save of disks in memory', () => {
  it('starts as a copy of the file they were last saved to, and writes only the disks that file lacks', async () => {
    const lab = await labWithVms(['vm1', 'vm2', 'vm3'])
    const first = join(work, 'first.kflab')
    await writeLab(lab, first)
    expect(await beyondFresh(lab, first)).toBe(0)
    // vm1's disk is no longer used (two thirds of the file still are); vm4's is new.
    await ok(lab, { op: 'vm.remove', name: 'vm1' }, { op: 'vm.create', name: 'vm4', host: 'esx-01', diskMiB: 2, encrypt: true })
    const second = join(work, 'second.kflab')
    await writeLab(lab, second)
    // Started from the copy: vm1's two chunks are still in it, where the first file had them.
    expect(await beyondFresh(lab, second)).toBe(2 * CHUNK_IN_FILE)
    const before = new Map(chunkIndex(readFileSync(first)))
    for (const [hash, entry] of chunkIndex(readFileSync(second))) if (before.has(hash)) expect(entry).toEqual(before.get(hash))
    await opensWithSameDisks(lab, second)
  })

  it('an autosave over the same path starts from the file it replaces, until most of that file is unused', async () => {
    const lab = await labWithVms(['vm1', 'vm2', 'vm3', 'vm4'])
    const autosave = join(work, 'autosave.kflab')
    await writeLab(lab, autosave)
    await ok(lab, { op: 'vm.remove', name: 'vm1' })
    await writeLab(lab, autosave)
    expect(await beyondFresh(lab, autosave)).toBe(2 * CHUNK_IN_FILE)
    await opensWithSameDisks(lab, autosave)
    // One disk of four left in use: copying the rest along is no longer worth it, the save is written in full.
    await ok(lab, { op: 'vm.remove', name: 'vm2' }, { op: 'vm.remove', name: 'vm3' })
    await writeLab(lab, autosave)
    expect(await beyondFresh(lab, autosave)).toBe(0)
    await opensWithSameDisks(lab, autosave)
  })

  it('updates the file itself where asked (inPlace), keeping its chunks where they are, only while it is the file written', async () => {
    const lab = await labWithVms(['vm1', 'vm2'])
    const path = join(work, 'in-place.kflab')
    await writeLab(lab, path)
    const before = readFileSync(path)
    const { ino } = statSync(path)
    await ok(lab, { op: 'vm.create', name: 'vm3', host: 'esx-01', diskMiB: 2, encrypt: true })
    await writeLab(lab, path, { inPlace: true })
    expect(statSync(path).ino).toBe(ino)
    expect(readFileSync(path).subarray(0, indexOffset(before)).equals(before.subarray(0, indexOffset(before)))).toBe(true)
    await opensWithSameDisks(lab, path)
    // Changed since (as by another program): replaced as a whole, atomically, never updated.
    flipByte(path, chunkIndex(readFileSync(path))[0][1][0] + 100)
    await ok(lab, { op: 'vm.remove', name: 'vm1' })
    await writeLab(lab, path, { inPlace: true })
    expect(statSync(path).ino).not.toBe(ino)
    expect(await beyondFresh(lab, path)).toBe(0)
    await opensWithSameDisks(lab, path)
  })

  const changes = {
    'bytes changed in place': (path: string) => flipByte(path, chunkIndex(readFileSync(path))[0][1][0] + 100),
    'replaced by another file': (path: string) => {
      copyFileSync(path, `${path}.other`)
      flipByte(`${path}.other`, chunkIndex(readFileSync(path))[0][1][0] + 100)
      renameSync(`${path}.other`, path)
    },
    'made readable by others': (path: string) => chmodSync(path, 0o644),
    removed: (path: string) => rmSync(path)
  }
  for (const [change, apply] of Object.entries(changes)) {
    it(`never copies from the file it was saved to once that was ${change}: the next save is written in full, and right`, async () => {
      const lab = await labWithVms(['vm1', 'vm2', 'vm3'])
      const path = join(work, `changed-${change.replaceAll(' ', '-')}.kflab`)
      await writeLab(lab, path)
      apply(path)
      // A copy would hold vm1's unused chunks (and, from a changed file, bytes that no longer match their hash).
      await ok(lab, { op: 'vm.remove', name: 'vm1' }, { op: 'vm.create', name: 'vm4', host: 'esx-01', diskMiB: 2, encrypt: true })
      const next = join(work, `after-${change.replaceAll(' ', '-')}.kflab`)
      await writeLab(lab, next)
      expect(await beyondFresh(lab, next)).toBe(0)
      await opensWithSameDisks(lab, next)
    })
  }
})
