// The browser build's import of a lab file in parts: every part within the wire's per-call limit, parts in any
// order, the file opened as Open opens it, and nothing left behind or replaced when something is wrong.

import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { IMPORT_PART_BYTES } from '../../../shared/api/contract'
import { MAX_CALL_BYTES } from '../../../shared/api/wire'
import { LabHost } from '../../../node/host/labHost'
import { PartedImports } from '../../../node/host/partedImports'
import { labBytes } from '../../../node/labFile/labFileIo'
import { labHostWith } from '../../helpers/labHost'

const importDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('keyflow-import-'))

async function savedLab(): Promise<{ bytes: Uint8Array; seq: number }> {
  const host = await labHostWith(9, [
    { op: 'kms.add', name: 'kms-1', provider: 'kp' },
    { op: 'provider.add', name: 'kp' },
    { op: 'provider.trust', provider: 'kp', mode: 'csr' },
    { op: 'host.add', name: 'esx-01', cluster: 'c1' },
    // 5 MiB of ciphertext: seven full parts and a short one
    { op: 'vm.create', name: 'vm1', host: 'esx-01', diskMiB: 5, encrypt: true }
  ])
  return { bytes: await labBytes(host.current), seq: host.current.seq }
}

const partOf = (bytes: Uint8Array, i: number) => Buffer.from(bytes.subarray(i * IMPORT_PART_BYTES, (i + 1) * IMPORT_PART_BYTES)).toString('base64')

describe('importing a lab file in parts', () => {
  it('a full part fits in one call of the wire, however big the file', () => {
    const call = JSON.stringify({ id: Number.MAX_SAFE_INTEGER, method: 'importLabPart', args: ['f'.repeat(32), 32767, 'A'.repeat(Math.ceil(IMPORT_PART_BYTES / 3) * 4)] })
    expect(call.length).toBeLessThan(MAX_CALL_BYTES)
  })

  it('parts sent out of order and a few at a time make the file, opened with its history; the temporary file goes', async () => {
    const { bytes, seq } = await savedLab()
    const before = importDirs().length
    const host = await LabHost.create({ seed: 1 })
    const { importId, partBytes } = await host.importLabBegin({ bytes: bytes.length })
    expect(partBytes).toBe(IMPORT_PART_BYTES)
    const parts = Math.ceil(bytes.length / partBytes)
    expect(parts).toBeGreaterThan(6)
    const order = Array.from({ length: parts }, (_, i) => i).reverse()
    await Promise.all([0, 1, 2].map(async (lane) => {
      for (let k = lane; k < order.length; k += 3) await host.importLabPart(importId, order[k], partOf(bytes, order[k]))
    }))
    // A part sent twice (a retry) is written again at its place.
    await host.importLabPart(importId, 2, partOf(bytes, 2))
    expect(importDirs().length).toBe(before + 1)
    const info = await host.importLabFinish(importId)
    expect(info).toMatchObject({ path: null, dirty: false })
    expect([host.current.origin, host.current.seq]).toEqual(['created', seq])
    expect(importDirs().length).toBe(before)
  })

  it('refuses parts of the wrong size or place, an incomplete or damaged file, and keeps the open lab', async () => {
    const { bytes } = await savedLab()
    const host = await LabHost.create({ seed: 1 })
    await host.runCommand({ op: 'host.add', name: 'esx-keep', cluster: 'c1' })
    const seqBefore = host.current.seq
    const { importId } = await host.importLabBegin({ bytes: bytes.length })
    const parts = Math.ceil(bytes.length / IMPORT_PART_BYTES)
    await expect(host.importLabPart(importId, 0, 'AAAA')).rejects.toThrow(`Part 0 of the file arrived damaged (3 bytes, not ${IMPORT_PART_BYTES})`)
    await expect(host.importLabPart(importId, parts, 'AAAA')).rejects.toThrow(`The file has ${parts} parts; part ${parts} does not belong to it`)
    await host.importLabPart(importId, 0, partOf(bytes, 0))
    await expect(host.importLabFinish(importId)).rejects.toThrow(`The file was not received in full: ${parts - 1} of ${parts} parts are missing`)
    // A failed finish drops the import: the window sends the file again.
    await expect(host.importLabPart(importId, 1, partOf(bytes, 1))).rejects.toThrow(/^The file was not received in full: the transfer was cancelled/)

    const damaged = Uint8Array.from(bytes)
    damaged[damaged.length - 100] ^= 1
    const second = await host.importLabBegin({ bytes: damaged.length })
    for (let i = 0; i < parts; i++) await host.importLabPart(second.importId, i, partOf(damaged, i))
    await expect(host.importLabFinish(second.importId)).rejects.toThrow(/damaged/)
    expect(host.current.seq).toBe(seqBefore)
    expect(host.current.component('host:esx-keep')).toBeDefined()
  })

  it('a cancelled or abandoned import leaves nothing behind, and only a few run at once', async () => {
    const imports = new PartedImports(50)
    const before = importDirs().length
    const started = await Promise.all([1, 2, 3, 4].map(() => imports.begin(10)))
    await expect(imports.begin(10)).rejects.toThrow(/^Too many lab files are being opened at once \(4\)/)
    await imports.discard(started[0].importId)
    expect(imports.open).toBe(3)
    await new Promise((r) => setTimeout(r, 200))
    expect(imports.open).toBe(0)
    expect(importDirs().length).toBe(before)
    await expect(imports.part(started[1].importId, 0, 'AAAA')).rejects.toThrow(/^The file was not received in full: the transfer was cancelled/)
  })
})
