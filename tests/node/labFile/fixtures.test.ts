// Lab files saved by format 1 (tests/fixtures/labfiles, made before containers existed) open in this version,
// history included, through every path that opens a lab: the command line, the window's Open and import (the
// lab host), and autosave recovery.

import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { Autosave, AUTOSAVE_FILE, SESSION_MARKER } from '../../../electron/autosave'
import { LabHost, labDeps } from '../../../node/host/labHost'
import { labBytes, openLabBytes, openLabPath } from '../../../node/labFile/labFileIo'
import type { Lab } from '../../../shared/lab/lab'
import { get } from '../../helpers/lab'
import { writeFileSync } from 'node:fs'

const exec = promisify(execFile)
const root = join(import.meta.dirname, '../../..')
const fixture = (name: string) => join(root, 'tests/fixtures/labfiles', `${name}.kflab`)
const work = mkdtempSync(join(tmpdir(), 'kflab-fixtures-'))

/**
 * What each format-1 file must open as: replayed (history) or restored (its saved state), and a fact inside. A
 * replayed file's `seq` is its events as this version narrates the same commands (more than format 1 did: a VM
 * home key and a DEK per disk, one TLS session per step of key creation, a VMX core file per running encrypted VM).
 */
const expected: Record<string, { origin: Lab['origin']; seq: number; check: (lab: Lab) => void }> = {
  'v1-lesson-first-encrypted-vm': { origin: 'created', seq: 172, check: (lab) => expect(get(lab, 'vm', 'web-01').cryptoState).toBe('unlocked') },
  'v1-encrypted-snapshot-coredump': {
    origin: 'created',
    seq: 159,
    check: (lab) => {
      expect(get(lab, 'vm', 'hr-01').snapshots).toHaveLength(1)
      // The crash of format 1's history, as this version narrates it: the vmkernel dump and hr-01's VMX core file.
      expect(Object.keys(get(lab, 'host', 'esx-01').persisted.varCore).sort()).toEqual(['vmkernel-zdump.1', 'vmx-zdump.hr-01.2'])
      expect(lab.entries.filter((e) => e.event.message.id === 'host.coredump.vmx')).toHaveLength(1)
      expect(lab.commands.filter((c) => c.fault)).toHaveLength(1)
    }
  },
  'v1-partial-kms-served': { origin: 'restored', seq: 0, check: (lab) => expect(Object.keys(get(lab, 'kms', 'kms-1').persisted.keys)).toHaveLength(1) },
  'v1-small-unseeded': { origin: 'restored', seq: 0, check: (lab) => expect(get(lab, 'host', 'esx-01').cluster).toBe('cluster-a') },
  'v1-external-kms': { origin: 'created', seq: 9, check: (lab) => expect(get(lab, 'vm', 'db-01').cryptoState).toBeNull() }
}

describe('format-1 lab files open in this version', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(`${name}: by path, by import, and saved again as a container that opens the same`, async () => {
      const byPath = await openLabPath(fixture(name), (seed) => labDeps(seed))
      expect([byPath.origin, byPath.seq]).toEqual([want.origin, want.seq])
      want.check(byPath)
      const resaved = await openLabBytes(await labBytes(byPath), (seed) => labDeps(seed))
      expect([resaved.origin, resaved.seq]).toEqual([want.origin, want.seq])
      want.check(resaved)

      const host = await LabHost.create({ seed: 1 })
      await host.openLab({ path: fixture(name) })
      expect([host.current.origin, host.current.seq]).toEqual([want.origin, want.seq])
      await host.importLab(readFileSync(fixture(name), 'utf8'))
      expect([host.current.origin, host.current.seq]).toEqual([want.origin, want.seq])
      // as the window sends a picked file: base64 of its bytes
      await host.importLab(readFileSync(fixture(name)).toString('base64'))
      expect([host.current.origin, host.current.seq]).toEqual([want.origin, want.seq])
      want.check(host.current)
    })
  }

  it('autosave recovery offers and opens a format-1 autosave', async () => {
    const dir = mkdtempSync(join(work, 'autosave-'))
    copyFileSync(fixture('v1-encrypted-snapshot-coredump'), join(dir, AUTOSAVE_FILE))
    writeFileSync(join(dir, SESSION_MARKER), 'crashed\n')
    const host = await LabHost.create({ seed: 1 })
    const recoverable = await new Autosave({ dir, source: host }).findRecoverable()
    expect(recoverable?.path).toBe(join(dir, AUTOSAVE_FILE))
    const file = await host.recover(recoverable!.path)
    expect(file.path).toBeNull()
    expect([host.current.origin, host.current.seq]).toEqual(['created', 159])
  })

  it('the command line: export key from a format-1 file, and run --lab goes on from it', async () => {
    const out = join(work, 'hr.key')
    const lab = await openLabPath(fixture('v1-encrypted-snapshot-coredump'), (seed) => labDeps(seed))
    const keyId = get(lab, 'vm', 'hr-01').keyId!
    const r = await exec('npx', ['tsx', 'node/cli/main.ts', 'export', 'key', '--lab', fixture('v1-encrypted-snapshot-coredump'), '--key', keyId, '--out', out], { cwd: root })
    expect(r.stdout).toContain(`wrote key ${keyId}`)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const script = join(work, 'more.json')
    writeFileSync(script, JSON.stringify({ steps: [{ op: 'vm.create', name: 'new-01', host: 'esx-01', diskMiB: 0.0625 }] }))
    const saved = join(work, 'more.kflab')
    const run = await exec('npx', ['tsx', 'node/cli/main.ts', 'run', script, '--lab', fixture('v1-encrypted-snapshot-coredump'), '--save', saved], { cwd: root })
    expect(run.stdout).toMatch(/1 step, 160 events/)
    const more = await openLabPath(saved, (seed) => labDeps(seed))
    expect(more.origin).toBe('created')
    expect(get(more, 'vm', 'new-01').host).toBe('esx-01')
  })
})
