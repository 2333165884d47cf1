// Autosave with a real lab host, in plain Node: a save of big disks never blocks the event loop for long, the
// previous autosave stays whole until the new one is complete, and an autosave that cannot be recovered is kept.

import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Autosave, AUTOSAVE_FILE, SESSION_MARKER } from '../../electron/autosave'
import { LabHost } from '../../node/host/labHost'
import { openLabPath } from '../../node/labFile/labFileIo'
import { labDeps } from '../../node/host/labHost'

const dir = () => mkdtempSync(join(tmpdir(), 'kf-autosave-lab-'))

async function hostWithDisks(): Promise<LabHost> {
  const host = await LabHost.create({ seed: 21 })
  for (const c of [
    { op: 'kms.add', name: 'kms-1', provider: 'kp' },
    { op: 'provider.add', name: 'kp' },
    { op: 'provider.trust', provider: 'kp', mode: 'csr' },
    { op: 'host.add', name: 'esx-01', cluster: 'c1' },
    { op: 'vm.create', name: 'big-1', host: 'esx-01', diskMiB: 24 },
    { op: 'vm.create', name: 'big-2', host: 'esx-01', diskMiB: 24, guestData: 'other' },
    { op: 'vm.encrypt', name: 'big-1' }
  ] as const) {
    const r = await host.runCommand(c)
    if (r.fault) throw new Error(r.fault.text)
  }
  return host
}

describe('Autosave of a real lab', () => {
  it('writes 48 MiB of disks (24 MiB of ciphertext) without blocking the event loop for 50 ms, 0600, keeping the previous autosave until done', async () => {
    const d = dir()
    const host = await hostWithDisks()
    const autosave = new Autosave({ dir: d, source: host, delayMs: 60_000 })
    await autosave.begin()
    const path = join(d, AUTOSAVE_FILE)
    const previous = readFileSync(path)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    await host.runCommand({ op: 'vm.encrypt', name: 'big-2' })

    // The machine running the tests is shared: a busy neighbour can stall any process. The longest pause of the
    // event loop is taken as the best of five saves (each of the whole lab, the disks' hashes then known).
    let longest = Infinity
    let sawPreviousMidWrite = false
    for (let attempt = 0; attempt < 5 && longest >= 50; attempt++) {
      let last = performance.now()
      let mine = 0
      let checks = 0
      const ticker = setInterval(() => {
        mine = Math.max(mine, performance.now() - last)
        // Now and then (the check itself takes time): mid-write, the old autosave is still whole.
        if (!sawPreviousMidWrite && checks++ % 5 === 0 && readdirSync(d).some((n) => n.endsWith('.tmp'))) sawPreviousMidWrite = readFileSync(path).equals(previous)
        last = performance.now()
      }, 1)
      last = performance.now()
      await autosave.saveNow()
      clearInterval(ticker)
      longest = Math.min(longest, mine)
    }

    expect(longest).toBeLessThan(50)
    expect(sawPreviousMidWrite).toBe(true)
    expect(readdirSync(d).filter((n) => n.endsWith('.tmp'))).toEqual([])
    const recovered = await openLabPath(path, (seed) => labDeps(seed))
    expect(recovered.seq).toBe(host.current.seq)
    await autosave.end()
  }, 120_000)

  it('keeps an autosave that could not be recovered instead of overwriting it with the new session', async () => {
    const d = dir()
    writeFileSync(join(d, AUTOSAVE_FILE), 'damaged autosave')
    writeFileSync(join(d, SESSION_MARKER), 'crashed\n')
    const host = await LabHost.create({ seed: 1 })
    const autosave = new Autosave({ dir: d, source: host })
    const found = await autosave.findRecoverable()
    await expect(host.recover(found!.path)).rejects.toThrow(/not a KeyFlow Lab file/)
    const kept = await autosave.setAside(new Date('2026-12-06T10:00:00Z'))
    expect(kept).toBe(join(d, 'autosave-unrecovered-2026-12-06T10-00-00-000Z.kflab'))
    await autosave.begin()
    expect(readFileSync(kept, 'utf8')).toBe('damaged autosave')
    expect(existsSync(join(d, AUTOSAVE_FILE))).toBe(true)
    await autosave.end()
  })
})
