import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyPatches, type ViewValue } from '../../../shared/lab/view'
import { LabHost } from '../../../node/host/labHost'
import { labHostWith } from '../../helpers/labHost'
import { writeFileAtomic } from '../../../node/host/atomicFile'
import type { LabPush } from '../../../shared/api/contract'

const dir = mkdtempSync(join(tmpdir(), 'kflab-host-'))

describe('the lab host', () => {
  it('serves a timeline whose patches rebuild the live state event by event', async () => {
    const pushes: LabPush[] = []
    const host = await labHostWith(
      2,
      [
        { op: 'kms.add', name: 'kms-1', provider: 'kp' },
        { op: 'provider.add', name: 'kp' },
        { op: 'provider.trust', provider: 'kp', mode: 'csr' },
        { op: 'host.add', name: 'esx-01', cluster: 'c1' },
        { op: 'vm.create', name: 'vm1', host: 'esx-01', diskMiB: 0.0625 },
        { op: 'vm.encrypt', name: 'vm1' }
      ],
      (h) => h.subscribe((p) => pushes.push(p))
    )
    const t = await host.getTimeline()
    expect(pushes.filter((p) => p.type === 'appended')).toHaveLength(6)
    let view = t.base as ViewValue
    for (const e of t.events) view = applyPatches(view, e.patches)
    expect(Object.keys(view as object).sort()).toEqual(['datastore:ds-c1', 'host:esx-01', 'kms:kms-1', 'lab', 'vcenter', 'vm:vm1'])
    const v = view as Record<string, { persisted: { keys?: Record<string, unknown>; files?: Record<string, unknown> } }>
    expect(Object.keys(v['kms:kms-1'].persisted.keys!).length).toBe(2)
    expect(Object.keys(v['datastore:ds-c1'].persisted.files!).sort()).toEqual(['vm1/vm1.vmx', 'vm1/vm1_1-flat.vmdk', 'vm1/vm1_1.nvram', 'vm1/vm1_1.vmdk'])
    expect((v['vm:vm1'] as unknown as { cryptoState: string }).cryptoState).toBe('unlocked')
  })

  it('sends a recent window of a long history and older stretches on demand, each rebuilding the same states', async () => {
    const host = await labHostWith(5, [
      { op: 'kms.add', name: 'kms-1', provider: 'kp' },
      { op: 'provider.add', name: 'kp' },
      { op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' },
      { op: 'host.add', name: 'esx-01', cluster: 'c1' },
      { op: 'vm.create', name: 'vm1', host: 'esx-01', diskMiB: 0.0625 },
      { op: 'vm.encrypt', name: 'vm1' }
    ])
    const full = await host.getTimeline()
    const end = full.events.length
    expect(full).toMatchObject({ startSeq: 0, baseSeq: 0 })
    const apply = (base: unknown, events: { patches: Parameters<typeof applyPatches>[1] }[]) =>
      events.reduce((v, e) => applyPatches(v, e.patches), base as ViewValue)
    const live = apply(full.base, full.events)

    const recent = await host.getTimeline({ recent: 10 })
    expect(recent.baseSeq).toBe(end - 10)
    expect(recent.events.map((e) => e.seq)).toEqual(full.events.slice(-10).map((e) => e.seq))
    expect(recent.commands).toEqual(full.commands)
    expect(apply(recent.base, recent.events)).toEqual(live)
    // the views at the window's start are the full history's views there
    expect(recent.base).toEqual(apply(full.base, full.events.slice(0, end - 10)))

    const page = await host.getHistory(5, end - 10)
    expect(page.labId).toBe(full.labId)
    expect(page.events.map((e) => e.seq)).toEqual(full.events.slice(5, end - 10).map((e) => e.seq))
    expect(apply(page.base, page.events)).toEqual(recent.base)
    expect((await host.getTimeline({ recent: 100_000 })).baseSeq).toBe(0)
    await expect(host.getHistory(0, end + 1)).rejects.toThrow(/no history/)
  })

  it('saves atomically, opens what it saved, and refuses a corrupt file without touching the open lab', async () => {
    const host = await LabHost.create({ seed: 3 })
    await host.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    const path = join(dir, 'lab.kflab')
    const saved = await host.saveLab({ path })
    expect(saved).toEqual({ path, name: 'lab.kflab', dirty: false })
    const { labId } = await host.getTimeline()
    const corrupt = join(dir, 'corrupt.kflab')
    writeFileSync(corrupt, readFileSync(path, 'utf8').slice(0, 500))
    await expect(host.openLab({ path: corrupt })).rejects.toThrow(/not a KeyFlow Lab file|damaged/)
    await expect(host.openLab({ path: join(dir, 'missing.kflab') })).rejects.toThrow(/^The lab file .*missing\.kflab cannot be opened\. The file does not exist \(any more\)/)
    const after = await host.getTimeline()
    expect(after.labId).toBe(labId)
    expect(after.events).toHaveLength(2)
    await host.runCommand({ op: 'host.add', name: 'esx-02', cluster: 'c1' })
    const opened = await host.openLab({ path })
    expect(opened.dirty).toBe(false)
    const t = await host.getTimeline()
    expect(t.labId).not.toBe(labId)
    expect(Object.keys(t.base).length + t.events.length).toBeGreaterThan(2)
    expect(t.events.map((e) => e.message.id)).toEqual(['datastore.added', 'host.added'])
  })

  it('tells the window while it reads or writes a chosen lab file, and when that ends, also after a failure', async () => {
    const host = await LabHost.create({ seed: 3 })
    const work: (string | null)[] = []
    host.subscribe((push) => {
      if (push.type === 'fileWork') work.push(push.work)
    })
    const path = join(dir, 'told.kflab')
    await host.saveLab({ path })
    await host.openLab({ path })
    writeFileSync(join(dir, 'bad.kflab'), 'not a lab')
    await expect(host.openLab({ path: join(dir, 'bad.kflab') })).rejects.toThrow()
    expect(work).toEqual(['saving', null, 'opening', null, 'opening', null])
    // An autosave or a download writes the lab unseen.
    await host.writeLab(join(dir, 'unseen.kflab'))
    expect(work).toHaveLength(6)
  })

  it('reads a file off a component for export, and refuses paths that are not there', async () => {
    const host = await LabHost.create({ seed: 3 })
    await host.runCommand({ op: 'host.add', name: 'esx-01', cluster: 'c1' })
    await host.runCommand({ op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'hi', diskMiB: 0.0625 })
    expect(await host.readFile('datastore:ds-c1', 'vm1/vm1-flat.vmdk')).toMatch(/^6869(00)+$/)
    await expect(host.readFile('datastore:ds-c1', '../etc/passwd')).rejects.toThrow(/no file/)
    await expect(host.readFile('nope', 'x')).rejects.toThrow(/no component/)
  })
})

describe('atomic saves', () => {
  it('replace the file in one step and leave no temporary file behind', async () => {
    const path = join(dir, 'atomic.txt')
    await writeFileAtomic(path, 'one')
    await writeFileAtomic(path, 'two')
    expect(readFileSync(path, 'utf8')).toBe('two')
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([])
  })

  it('keep what was there when the new file cannot be put in place, and clean up after themselves', async () => {
    const target = mkdtempSync(join(tmpdir(), 'kflab-busy-'))
    writeFileSync(join(target, 'keep'), 'precious')
    // the target is a non-empty directory: the final rename must fail
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow()
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('precious')
    expect(readdirSync(join(target, '..')).filter((f) => f.startsWith('.kflab-busy') && f.endsWith('.tmp'))).toEqual([])
  })
})
