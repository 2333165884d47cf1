// Autosave with a real lab host, in plain Node: saves alternate between two files and update the older in place, the
// previous autosave stays whole until the new one is complete, the files are 0600 and open again, recovery offers
// the newest whole one, and an autosave that cannot be recovered is kept. (How long a save blocks the
// event loop is measured by `npm run bench -- files`, not asserted here: a shared machine makes timings flaky.)

import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Autosave, AUTOSAVE_FILE, AUTOSAVE_FILE_2, SESSION_MARKER } from '../../electron/autosave'
import { errorText } from '../../electron/dialogText'
import { LabHost } from '../../node/host/labHost'
import { openLabPath } from '../../node/labFile/labFileIo'
import { labDeps } from '../../node/host/labHost'
import { indexOffset } from '../helpers/labFiles'

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
  it('writes 48 MiB of disks (24 MiB of ciphertext) 0600 into the older of two files, the older one updated in place, the previous one whole throughout', async () => {
    const d = dir()
    const host = await hostWithDisks()
    const autosave = new Autosave({ dir: d, source: host, delayMs: 60_000 })
    const [first, second] = [join(d, AUTOSAVE_FILE), join(d, AUTOSAVE_FILE_2)]
    await autosave.begin()
    expect(autosave.labPath).toBe(first)
    expect(statSync(first).mode & 0o777).toBe(0o600)
    await host.runCommand({ op: 'vm.encrypt', name: 'big-2' })
    await autosave.saveNow()
    expect(autosave.labPath).toBe(second)
    const previous = readFileSync(second)
    const before = { bytes: readFileSync(first), ino: statSync(first).ino }

    await host.runCommand({ op: 'host.add', name: 'esx-02', cluster: 'c1' })
    await autosave.saveNow()
    expect(autosave.labPath).toBe(first)
    // Updated in place: the same file, its disk chunks where they were; the previous autosave untouched.
    const after = readFileSync(first)
    expect(statSync(first).ino).toBe(before.ino)
    const chunksEnd = indexOffset(before.bytes)
    expect(chunksEnd).toBeGreaterThan(24 * 1024 * 1024)
    expect(after.subarray(0, chunksEnd).equals(before.bytes.subarray(0, chunksEnd))).toBe(true)
    expect(readFileSync(second).equals(previous)).toBe(true)
    expect(statSync(first).mode & 0o777).toBe(0o600)
    expect(readdirSync(d).filter((n) => n.endsWith('.tmp'))).toEqual([])
    const recovered = await openLabPath(first, (seed) => labDeps(seed))
    expect(recovered.seq).toBe(host.current.seq)

    // The next save (into the other file) is cut short by a crash: recovery offers the whole one.
    truncateSync(second, statSync(second).size - 1000)
    writeFileSync(join(d, SESSION_MARKER), 'crashed\n')
    expect((await new Autosave({ dir: d, source: host }).findRecoverable())?.path).toBe(first)
    await autosave.end()
  }, 120_000)

  it('keeps an autosave that could not be recovered instead of overwriting it with the new session', async () => {
    const d = dir()
    writeFileSync(join(d, AUTOSAVE_FILE), 'damaged autosave')
    writeFileSync(join(d, SESSION_MARKER), 'crashed\n')
    const host = await LabHost.create({ seed: 1 })
    const autosave = new Autosave({ dir: d, source: host })
    const found = await autosave.findRecoverable()
    const failed = await host.recover(found!.path).catch((e: unknown) => e)
    // The dialog says why in the language of the menu.
    expect(errorText('en', failed)).toBe('This is not a KeyFlow Lab file: it is not JSON.')
    expect(errorText('de', failed)).toBe('Dies ist keine KeyFlow-Lab-Datei: Der Inhalt ist kein JSON.')
    const kept = await autosave.setAside(found!.path, new Date('2026-12-06T10:00:00Z'))
    expect(kept).toBe(join(d, 'autosave-unrecovered-2026-12-06T10-00-00-000Z.kflab'))
    await autosave.begin()
    expect(readFileSync(kept, 'utf8')).toBe('damaged autosave')
    expect(existsSync(join(d, AUTOSAVE_FILE))).toBe(true)
    await autosave.end()
  })
})
