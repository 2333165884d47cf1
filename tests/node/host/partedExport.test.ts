// The browser build's download of the lab file in parts: every reply within the wire's per-call limit, the parts
// making the file Save writes (it opens with its history), one written file shared by downloads of the same lab
// version, and nothing left behind.

import { readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXPORT_PART_BYTES, MAX_WHOLE_EXPORT_BYTES, labApiArgs } from '../../../shared/api/contract'
import { MAX_CALL_BYTES } from '../../../shared/api/wire'
import type { LabHost } from '../../../node/host/labHost'
import { PartedExports } from '../../../node/host/partedExports'
import { openLabBytes } from '../../../node/labFile/labFileIo'
import { labDeps } from '../../../node/host/labHost'
import { labHostWith } from '../../helpers/labHost'

/** This process's download folders (test files run in processes of their own). */
const exportDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`keyflow-export-${process.pid}-`))

async function hostWithDisk(): Promise<LabHost> {
  return labHostWith(9, [
    { op: 'kms.add', name: 'kms-1', provider: 'kp' },
    { op: 'provider.add', name: 'kp' },
    { op: 'provider.trust', provider: 'kp', mode: 'csr' },
    { op: 'host.add', name: 'esx-01', cluster: 'c1' },
    // 5 MiB of ciphertext: seven full parts and a short one
    { op: 'vm.create', name: 'vm1', host: 'esx-01', diskMiB: 5, encrypt: true }
  ])
}

async function download(host: LabHost, reversed = false): Promise<{ bytes: Buffer; exportId: string }> {
  const { exportId, bytes, partBytes } = await host.exportLabBegin()
  expect(partBytes).toBe(EXPORT_PART_BYTES)
  const count = Math.ceil(bytes / partBytes)
  const order = Array.from({ length: count }, (_, i) => (reversed ? count - 1 - i : i))
  const parts: Buffer[] = []
  for (const i of order) parts[i] = Buffer.from(await host.exportLabPart(exportId, i), 'base64')
  const file = Buffer.concat(parts)
  expect(file.length).toBe(bytes)
  return { bytes: file, exportId }
}

/** Export folders that were there before this file's tests (other test files may run downloads too). */
const before = new Set(exportDirs())

describe('downloading the lab file in parts', () => {
  it('a full part fits in one reply of the wire, however big the file', () => {
    const reply = JSON.stringify({ id: Number.MAX_SAFE_INTEGER, result: 'A'.repeat(Math.ceil(EXPORT_PART_BYTES / 3) * 4) })
    expect(reply.length).toBeLessThan(MAX_CALL_BYTES)
  })

  it('the parts make the lab file, which opens with its history; downloads of one version share one 0600 file, gone after the last', async () => {
    const host = await hostWithDisk()
    const before = exportDirs()
    const first = await download(host)
    expect(first.bytes.length).toBeGreaterThan(6 * EXPORT_PART_BYTES)
    const second = await download(host, true)
    expect(second.bytes.equals(first.bytes)).toBe(true)
    const made = exportDirs().filter((d) => !before.includes(d))
    expect(made).toHaveLength(1)
    expect(statSync(join(tmpdir(), made[0], 'export.kflab')).mode & 0o777).toBe(0o600)

    const opened = await openLabBytes(first.bytes, labDeps)
    expect([opened.origin, opened.seq]).toEqual(['created', host.current.seq])

    await host.exportLabFinish(first.exportId)
    expect(exportDirs()).toContain(made[0])
    await host.exportLabFinish(second.exportId)
    expect(exportDirs()).not.toContain(made[0])
    await expect(host.exportLabPart(first.exportId, 0)).rejects.toThrow(/^The download was finished, or dropped after a long pause/)
  })

  it('a download after a change is of the changed lab; a part past the end is refused', async () => {
    const host = await hostWithDisk()
    const early = await download(host)
    await host.runCommand({ op: 'host.add', name: 'esx-02', cluster: 'c1' })
    const late = await download(host)
    expect(late.bytes.equals(early.bytes)).toBe(false)
    expect((await openLabBytes(late.bytes, labDeps)).seq).toBe(host.current.seq)
    const count = Math.ceil(late.bytes.length / EXPORT_PART_BYTES)
    await expect(host.exportLabPart(late.exportId, count)).rejects.toThrow(`The download has ${count} parts; there is no part ${count}.`)
    await host.exportLabFinish(early.exportId)
    await host.exportLabFinish(late.exportId)
  })

  it('exportLab gives the same file in one reply while it is small, and refuses one over the limit with what to do instead', async () => {
    // Parts joined as base64 are the file's base64 only if each full part is a whole number of 3-byte groups.
    expect(EXPORT_PART_BYTES % 3).toBe(0)
    const host = await hostWithDisk()
    const whole = Buffer.from(await host.exportLab(), 'base64')
    const { bytes, exportId } = await download(host)
    expect(whole.equals(bytes)).toBe(true)
    await host.exportLabFinish(exportId)

    await host.runCommand({ op: 'vm.create', name: 'vm-big', host: 'esx-01', diskMiB: Math.ceil(MAX_WHOLE_EXPORT_BYTES / 1024 ** 2) + 1, encrypt: true })
    await expect(host.exportLab()).rejects.toThrow(/^the lab file has \d+ MiB, more than one reply carries \(48 MiB\): download it in parts \(exportLabBegin\)$/)
    expect(exportDirs().some((d) => !before.has(d))).toBe(false)
  })

  it('a download left idle is dropped with its file; a failed write leaves nothing', async () => {
    const exports = new PartedExports(30)
    const before = exportDirs()
    await exports.begin('v1', async (path) => {
      const { writeFile } = await import('node:fs/promises')
      await writeFile(path, 'lab', { mode: 0o600 })
    })
    await new Promise((r) => setTimeout(r, 300))
    expect(exports.open).toBe(0)
    expect(exportDirs()).toEqual(before)

    await expect(exports.begin('v2', async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full')
    expect(exports.open).toBe(0)
    expect(exportDirs()).toEqual(before)
  })

  it('the wire takes export calls only with a download id and a part index', () => {
    expect(labApiArgs.exportLabBegin.safeParse([]).success).toBe(true)
    expect(labApiArgs.exportLabPart.safeParse(['a'.repeat(32), 3]).success).toBe(true)
    for (const bad of [['../x', 0], ['a'.repeat(32), -1], ['a'.repeat(32), 1.5], ['a'.repeat(32)]]) expect(labApiArgs.exportLabPart.safeParse(bad).success).toBe(false)
    expect(labApiArgs.exportLabFinish.safeParse(['A'.repeat(32)]).success).toBe(false)
  })
})
