// Autosave with a real lab host, in plain Node: the previous autosave stays whole until the new one is complete,
// the file is 0600 and opens again, and an autosave that cannot be recovered is kept. (How long a save blocks the
// event loop is measured by `npm run bench -- files`, not asserted here: a shared machine makes timings flaky.)

import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Autosave, AUTOSAVE_FILE, SESSION_MARKER } from '../../electron/autosave'
import { errorText } from '../../electron/dialogText'
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
  it('writes 48 MiB of disks (24 MiB of ciphertext) 0600, keeping the previous autosave until the new one is complete', async () => {
    const d = dir()
    const host = await hostWithDisks()
    const autosave = new Autosave({ dir: d, source: host, delayMs: 60_000 })
    await autosave.begin()
    const path = join(d, AUTOSAVE_FILE)
    const previous = readFileSync(path)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    await host.runCommand({ op: 'vm.encrypt', name: 'big-2' })

    // While the new autosave is being written (its temporary file exists), the old one is still whole.
    let sawPreviousMidWrite = false
    const watcher = setInterval(() => {
      if (!sawPreviousMidWrite && readdirSync(d).some((n) => n.endsWith('.tmp'))) sawPreviousMidWrite = readFileSync(path).equals(previous)
    }, 1)
    for (let attempt = 0; attempt < 5 && !sawPreviousMidWrite; attempt++) await autosave.saveNow()
    clearInterval(watcher)

    expect(sawPreviousMidWrite).toBe(true)
    expect(readFileSync(path).equals(previous)).toBe(false)
    expect(statSync(path).mode & 0o777).toBe(0o600)
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
    const failed = await host.recover(found!.path).catch((e: unknown) => e)
    // The dialog says why in the language of the menu.
    expect(errorText('en', failed)).toBe('This is not a KeyFlow Lab file: it is not JSON.')
    expect(errorText('de', failed)).toBe('Dies ist keine KeyFlow-Lab-Datei: Der Inhalt ist kein JSON.')
    const kept = await autosave.setAside(new Date('2026-12-06T10:00:00Z'))
    expect(kept).toBe(join(d, 'autosave-unrecovered-2026-12-06T10-00-00-000Z.kflab'))
    await autosave.begin()
    expect(readFileSync(kept, 'utf8')).toBe('damaged autosave')
    expect(existsSync(join(d, AUTOSAVE_FILE))).toBe(true)
    await autosave.end()
  })
})
