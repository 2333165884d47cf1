// Saving and reopening a lab with big disks, next to `cp` of the same bytes on this machine. Each step runs in a
// fresh child process, so its peak RSS (VmHWM) is its own: the save child builds the lab (VMs of 256 MiB, each
// encrypted: ciphertext, nothing to compress or share), writes the disks' raw bytes once for `cp`, resets its peak
// and saves; the open child opens the file (an unseeded lab: restored from its saved state, its disks left in the
// file: shared/lab/files/storedBytes.ts), autosaves the reopened lab (each disk chunk copied from the opened file
// as stored, checked against its hash), then reads every disk from the file once, the work a reopen did while it
// put every disk in memory, which a command that reads a disk now does for that disk. A 1 ms timer
// measures the longest block of the event loop during the save (new disks, no hash known: the most an autosave
// after creating VMs has to do) and during that autosave — the desktop's main process saves the same way; the same
// timer during the plain dump of the disks is the control in the same process. After the save, one more change (a
// host added) and its autosave (`resave`): the disks are still in memory, and the save starts as a kernel copy of the
// file just written, which holds them; then one more change and its autosave into that file, updated in place
// (`update`), as the desktop's autosave writes the older of its two files.
// `cp` copies the raw disk bytes in the same run, before and after the open child, and the faster run counts; a
// save also flushes its file to disk (fsync, so a crash cannot leave a half-written lab), so `cpSyncSeconds` is cp
// followed by `sync` of the copy, the like-for-like figure. Those cp runs come right after a child exited and freed
// gigabytes, which they reuse; the save had no such memory to reuse, and on this VM new memory costs far more
// (a trap to the hypervisor per 4 KiB page). So cp also runs in the save's own process right after it
// (`cpBesideSaveSeconds`), where its copy's page cache needs new memory as the save's file did. Peak RSS "beyond the disks" is the child's peak minus the disks'
// own bytes held in memory (none after a reopen). `freshMemoryMiBps` is how fast this machine hands out and fills
// new memory: reading the disks into memory must put every byte in new memory, cp need not (the kernel copies page
// cache to page cache), so `readDisksFloorSeconds` (the disks' bytes at that rate) is the least reading them can
// take here. `idleProcessMaxBlockMs` is the
// control for the blocks: the longest gap of a 1 ms timer in the bench's own idle process during the same save and
// autosave; where it is as long as the child's, the machine (other processes, the kernel) made the gap.
// `idleHoldingDisksMaxBlockMs` is the second control: the save child itself, idle for a few seconds just before the
// resave, holding its disks. A kernel that samples physical memory (DAMON, reported as `memoryMonitor`) stalls a
// process holding gigabytes, saving or not, which a small idle process does not show.
//
//   npm run bench -- files                  2 VMs (about a minute), one JSON record
//   npm run bench -- files --vms=2,20       also 20 VMs (5 GiB of disks: the target; several minutes)
//   KFLAB_BENCH_VMS=20 npm run bench -- files

import { execFileSync, fork } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { open } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Autosave } from '../electron/autosave'
import { labDeps } from '../node/host/labHost'
import { openLabPath, writeLab } from '../node/labFile/labFileIo'
import { Lab } from '../shared/lab/lab'
import type { LabCommand } from '../shared/lab/commands/schema'
import { bytesOf, type FileBytes } from '../shared/lab/files/storedBytes'

const MiB = 1024 * 1024
const DISK_MIB = 256
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d
/** How long the save child idles, holding its disks, as the same-process control for blocks (about a resave's length). */
const IDLE_CONTROL_MS = 6000

interface SaveResult {
  buildSeconds: number
  diskBytes: number
  /** Writing the disks' raw bytes from memory to a new file (1 MiB writes, then fsync): no format, no hashing. */
  dumpSeconds: number
  /**
   * The longest block of the event loop during that dump: a control in the same process. Its loop runs nothing but
   * the writes, so a block as long as the save's or the autosave's comes from the machine's write path.
   */
  dumpMaxBlockMs: number
  saveSeconds: number
  savePeakBytes: number
  /**
   * The process's RSS when the save starts (its peak just reset): the disks, and what building the lab left (garbage
   * not collected yet, memory freed but not given back). The save's peak starts from here: where the two are close,
   * the peak was there before the save, not made by it.
   */
  rssBeforeSaveBytes: number
  fileBytes: number
  /** The longest block of the event loop during the save (see `watchEventLoop`). */
  saveMaxBlockMs: number
  /**
   * `cp` (and `sync`) of the raw disks right after the save, in the save's process. The machine hands out memory
   * it took back (free pages it has not reused yet) far slower than memory just freed; cp run after a child process
   * exits reuses that child's freed memory, cp run here needs new memory for its copy's page cache as the save did.
   */
  cpBesideSave: { plain: number; synced: number }
  /**
   * The autosave after the next change (a host added): the disks are still in memory, and the file the save just
   * wrote holds them, so the autosave starts as a kernel copy of it.
   */
  resaveSeconds: number
  resavePeakBytes: number
  resaveMaxBlockMs: number
  /**
   * The autosave after one more change, into the file the resave wrote, updated in place as the desktop's autosave
   * updates the older of its two files: its chunks stay, the index is rewritten.
   */
  updateSeconds: number
  updateMaxBlockMs: number
  /** The longest block while the same process idled, holding its disks, just before the resave (`watchedIdle`). */
  idleHoldingDisksMaxBlockMs: number
}
interface OpenResult {
  openSeconds: number
  openPeakBytes: number
  diskBytes: number
  /** Peak RSS while the reopened lab autosaves (its disks copied from the file it was opened from). */
  autosavePeakBytes: number
  /** Disk bytes the reopened lab holds in memory (the rest stay in the file). */
  diskBytesInMemory: number
  /** Reading every disk of the reopened lab from the file once (each checked), after the autosave. */
  readDisksSeconds: number
  autosaveSeconds: number
  /** The longest gap between ticks of a 1 ms timer during the autosave, less the 1 ms. */
  autosaveMaxBlockMs: number
  /** The same from perf_hooks' event-loop delay histogram. */
  autosaveMaxDelayMs: number
}

/** The process's peak resident set size so far (Linux /proc). */
function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
  if (!m) throw new Error('VmHWM not found in /proc/self/status')
  return Number(m[1]) * 1024
}

/** Resets VmHWM to the current RSS (Linux: writing 5 to clear_refs), so the next peak is the next step's. */
function resetPeak(): void {
  writeFileSync('/proc/self/clear_refs', '5')
}

/**
 * Watches the event loop until `stop`: the longest gap between ticks of a 1 ms timer (less the 1 ms), and the
 * longest delay perf_hooks' histogram saw. The desktop's main process saves and autosaves the same way.
 */
function watchEventLoop(): () => { maxBlockMs: number; maxDelayMs: number } {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  let last = performance.now()
  let longest = 0
  const ticker = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 1)
  delay.enable()
  return () => {
    delay.disable()
    clearInterval(ticker)
    return { maxBlockMs: Math.max(0, longest - 1), maxDelayMs: delay.max / 1e6 }
  }
}

/** The VMs' disk images (the flat files on the datastores): in memory, or still in the file a lab was opened from. */
function disksOf(lab: Lab): FileBytes[] {
  const out: FileBytes[] = []
  for (const [, e] of lab.entities())
    if (e.kind === 'datastore') for (const f of Object.values(e.persisted.files)) if (f.kind === 'flat' && f.data) out.push(f.data)
  return out
}

async function saveChild(dir: string, vms: number): Promise<SaveResult> {
  const t0 = performance.now()
  const lab = await Lab.create(labDeps(null), { seed: null })
  const setup: LabCommand[] = [
    { op: 'kms.add', name: 'kms-1', provider: 'kp' },
    { op: 'provider.add', name: 'kp' },
    { op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' },
    { op: 'host.add', name: 'esx-01', cluster: 'c1' },
    { op: 'host.add', name: 'esx-02', cluster: 'c1' }
  ]
  for (let i = 0; i < vms; i++) setup.push({ op: 'vm.create', name: `vm-${String(i).padStart(2, '0')}`, host: i % 2 ? 'esx-02' : 'esx-01', diskMiB: DISK_MIB, encrypt: true })
  for (const c of setup) await runOrThrow(lab, c)
  const buildSeconds = (performance.now() - t0) / 1000
  const disks = disksOf(lab)
  const diskBytes = disks.reduce((n, d) => n + d.length, 0)
  // The same bytes as one plain file, for cp.
  // Timed: the plainest save from memory there is (the disks one after the other, then fsync), the floor for any
  // program that holds the disks in memory; cp copies file to file inside the kernel and never touches user memory.
  const watchDump = watchEventLoop()
  const t0Dump = performance.now()
  const raw = await open(join(dir, 'disks.raw'), 'w')
  for (const d of disks.map((d) => bytesOf(d))) for (let at = 0; at < d.length; at += MiB) await raw.write(d, at, Math.min(MiB, d.length - at))
  await raw.datasync()
  await raw.close()
  const dumpSeconds = (performance.now() - t0Dump) / 1000
  const dumpMaxBlockMs = watchDump().maxBlockMs

  resetPeak()
  const rssBeforeSaveBytes = process.memoryUsage().rss
  // New disks, their chunk hashes not known yet: the most an autosave after creating VMs has to do.
  const save = await watchedSave(() => writeLab(lab, join(dir, 'lab.kflab')))
  const savePeakBytes = peakRss()
  // cp in the same state as the save: right after it, in the process that holds the disks, nothing freed in
  // between, so its copy needs new memory for its page cache as the save did (see `cpBesideSave`).
  const cpBesideSave = cpSeconds(dir)

  await runOrThrow(lab, { op: 'host.add', name: 'esx-03', cluster: 'c1' })
  const idleHoldingDisks = await watchedIdle(IDLE_CONTROL_MS)
  resetPeak()
  const resave = await watchedSave(() => writeLab(lab, join(dir, 'autosave.kflab')))
  await runOrThrow(lab, { op: 'host.add', name: 'esx-04', cluster: 'c1' })
  const update = await watchedSave(() => writeLab(lab, join(dir, 'autosave.kflab'), { inPlace: true }))
  const resavePeakBytes = peakRss()
  // Gone before cp and the reopen run: the machine's page cache as it was without it.
  rmSync(join(dir, 'autosave.kflab'))
  return {
    buildSeconds,
    diskBytes,
    dumpSeconds,
    dumpMaxBlockMs,
    saveSeconds: save.seconds,
    savePeakBytes,
    rssBeforeSaveBytes,
    fileBytes: statSync(join(dir, 'lab.kflab')).size,
    saveMaxBlockMs: save.maxBlockMs,
    cpBesideSave,
    resaveSeconds: resave.seconds,
    resavePeakBytes,
    resaveMaxBlockMs: resave.maxBlockMs,
    updateSeconds: update.seconds,
    updateMaxBlockMs: update.maxBlockMs,
    idleHoldingDisksMaxBlockMs: idleHoldingDisks.maxBlockMs
  }
}

async function runOrThrow(lab: Lab, command: LabCommand): Promise<void> {
  const out = await lab.run(command)
  if (out.fault) throw new Error(`${command.op} refused: ${out.fault.text}`)
}

/**
 * The same process's event loop while it does nothing but hold its disks: a control for blocks that come from the
 * machine rather than from the save. On this VM the kernel's memory monitor (DAMON, see `memoryMonitor`) samples
 * physical pages every half second, and a process holding gigabytes of them stalls each time; a small idle process
 * (the parent's control) does not show it.
 */
async function watchedIdle(ms: number): Promise<{ maxBlockMs: number }> {
  const watch = watchEventLoop()
  await new Promise((resolve) => setTimeout(resolve, ms))
  return watch()
}

/**
 * DAMON, the kernel's data-access monitor, where it runs (this VM: physical address space, pages sampled every
 * 500 ms and cold ones paged out), as `/sys/kernel/mm/damon/admin` reports it; null where none runs or it cannot be read.
 */
function memoryMonitor(): { operations: string; sampleMs: number; actions: string[] }[] | null {
  const root = '/sys/kernel/mm/damon/admin/kdamonds'
  const read = (path: string) => readFileSync(join(root, path), 'utf8').trim()
  try {
    const out: { operations: string; sampleMs: number; actions: string[] }[] = []
    for (let k = 0; k < Number(read('nr_kdamonds')); k++) {
      if (read(`${k}/state`) !== 'on') continue
      for (let c = 0; c < Number(read(`${k}/contexts/nr_contexts`)); c++) {
        const ctx = `${k}/contexts/${c}`
        const actions: string[] = []
        for (let sc = 0; sc < Number(read(`${ctx}/schemes/nr_schemes`)); sc++) actions.push(read(`${ctx}/schemes/${sc}/action`))
        out.push({ operations: read(`${ctx}/operations`), sampleMs: Number(read(`${ctx}/monitoring_attrs/intervals/sample_us`)) / 1000, actions })
      }
    }
    return out.length ? out : null
  } catch {
    return null
  }
}

/** Times one save while the event loop is watched here and, in the parent, the control's (see `markWindow`). */
async function watchedSave(save: () => Promise<void>): Promise<{ seconds: number; maxBlockMs: number; maxDelayMs: number }> {
  const watch = watchEventLoop()
  markWindow(true)
  const t0 = performance.now()
  await save()
  const seconds = (performance.now() - t0) / 1000
  markWindow(false)
  return { seconds, ...watch() }
}

async function openChild(dir: string): Promise<OpenResult> {
  const t0 = performance.now()
  const lab = await openLabPath(join(dir, 'lab.kflab'), (seed) => labDeps(seed))
  const openSeconds = (performance.now() - t0) / 1000
  if (lab.origin !== 'restored') throw new Error(`expected the lab to be restored from the container, got ${lab.origin}`)
  const openPeakBytes = peakRss()

  resetPeak()
  const autosave = new Autosave({ dir, source: { subscribe: () => () => undefined, writeLab: (path, options) => writeLab(lab, path, options) } })
  const { seconds: autosaveSeconds, maxBlockMs, maxDelayMs } = await watchedSave(() => autosave.saveNow())
  const autosavePeakBytes = peakRss()
  const diskBytesInMemory = disksOf(lab).reduce((n, d) => n + (d instanceof Uint8Array ? d.length : 0), 0)
  const t2 = performance.now()
  for (const d of disksOf(lab)) bytesOf(d)
  const readDisksSeconds = (performance.now() - t2) / 1000
  return {
    openSeconds,
    openPeakBytes,
    autosavePeakBytes,
    diskBytes: disksOf(lab).reduce((n, d) => n + d.length, 0),
    diskBytesInMemory,
    readDisksSeconds,
    autosaveSeconds,
    autosaveMaxBlockMs: maxBlockMs,
    autosaveMaxDelayMs: maxDelayMs
  }
}

/**
 * The control for event-loop blocks: this (idle) process's own 1 ms timer, watched while a child marks a window
 * (its save or autosave). A gap here is the machine's (other processes, the kernel), not the lab file code's: on a
 * shared machine under load, an idle process's timer is late by as much.
 */
const control = { stop: null as null | (() => { maxBlockMs: number }), maxBlockMs: 0 }

/** Tells the parent that the window the control watches opens or closes. */
function markWindow(open: boolean): void {
  process.send?.({ window: open })
}

function inChild<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let result: T | undefined
    child.on('message', (m) => {
      const window = (m as { window?: boolean }).window
      if (window === undefined) result = m as T
      else if (window) control.stop = watchEventLoop()
      else if (control.stop) {
        control.maxBlockMs = Math.max(control.maxBlockMs, control.stop().maxBlockMs)
        control.stop = null
      }
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`bench child ${args[0]} exited with ${code}`))))
  })
}

/** Seconds `cp` takes to copy the raw disks, and with `sync` of the copy (coreutils: fsync of that file only). */
function cpSeconds(dir: string): { plain: number; synced: number } {
  const copy = join(dir, 'copy.raw')
  const t0 = performance.now()
  execFileSync('cp', [join(dir, 'disks.raw'), copy])
  const plain = (performance.now() - t0) / 1000
  execFileSync('sync', [copy])
  const synced = (performance.now() - t0) / 1000
  rmSync(copy)
  return { plain, synced }
}

/** MiB/s at which this process gets and fills new memory (up to 1 GiB, 256 MiB at a time, each dropped after). */
function freshMemoryMiBps(bytes: number): number {
  const part = 256 * MiB
  const total = Math.min(bytes, 4 * part)
  const t0 = performance.now()
  for (let done = 0; done < total; done += part) new Uint8Array(Math.min(part, total - done)).fill(1)
  return total / MiB / ((performance.now() - t0) / 1000)
}

function vmCounts(): number[] {
  const arg = process.argv.find((a) => a.startsWith('--vms='))?.slice('--vms='.length)
  const list = (arg ?? process.env.KFLAB_BENCH_VMS ?? '2').split(',').map(Number)
  if (!list.every((n) => Number.isInteger(n) && n >= 1)) throw new Error(`--vms (or KFLAB_BENCH_VMS) must list positive integers, got ${arg ?? process.env.KFLAB_BENCH_VMS}`)
  return list
}

async function benchVms(vms: number): Promise<object> {
  const dir = mkdtempSync(join(tmpdir(), 'kflab-bench-files-'))
  control.maxBlockMs = 0
  try {
    const save = await inChild<SaveResult>(['save', dir, String(vms)])
    const cpBefore = cpSeconds(dir)
    const opened = await inChild<OpenResult>(['open', dir])
    const cpAfter = cpSeconds(dir)
    const freshMiBps = freshMemoryMiBps(save.diskBytes)
    if (opened.diskBytes !== save.diskBytes) throw new Error(`reopened lab has ${opened.diskBytes} disk bytes, saved ${save.diskBytes}`)
    const cp = Math.min(cpBefore.plain, cpAfter.plain)
    const cpSync = Math.min(cpBefore.synced, cpAfter.synced)
    const readFloor = save.diskBytes / MiB / freshMiBps
    const beyondSave = Math.max(save.savePeakBytes, save.resavePeakBytes) - save.diskBytes
    const beyondOpen = Math.max(opened.openPeakBytes, opened.autosavePeakBytes) - opened.diskBytesInMemory
    return {
      bench: 'files-save-reopen',
      vms,
      diskMiB: DISK_MIB,
      diskGiB: round(save.diskBytes / 1024 ** 3),
      fileGiB: round(save.fileBytes / 1024 ** 3),
      buildSeconds: round(save.buildSeconds, 1),
      saveSeconds: round(save.saveSeconds),
      openSeconds: round(opened.openSeconds),
      cpSeconds: round(cp),
      cpRunsSeconds: [round(cpBefore.plain), round(cpAfter.plain)],
      cpSyncSeconds: round(cpSync),
      cpBesideSaveSeconds: round(save.cpBesideSave.plain),
      cpSyncBesideSaveSeconds: round(save.cpBesideSave.synced),
      saveSpeedVsCpBesideSave: round(save.cpBesideSave.plain / save.saveSeconds),
      saveSpeedVsCpSyncBesideSave: round(save.cpBesideSave.synced / save.saveSeconds),
      dumpSeconds: round(save.dumpSeconds),
      saveMiBps: round(save.diskBytes / MiB / save.saveSeconds, 0),
      openMiBps: round(save.diskBytes / MiB / opened.openSeconds, 0),
      cpMiBps: round(save.diskBytes / MiB / cp, 0),
      freshMemoryMiBps: round(freshMiBps, 0),
      saveSpeedVsCp: round(cp / save.saveSeconds),
      openSpeedVsCp: round(cp / opened.openSeconds),
      saveSpeedVsCpSync: round(cpSync / save.saveSeconds),
      saveSpeedVsDump: round(save.dumpSeconds / save.saveSeconds),
      disksKeptInFileGiB: round((opened.diskBytes - opened.diskBytesInMemory) / 1024 ** 3),
      readDisksSeconds: round(opened.readDisksSeconds),
      readDisksFloorSeconds: round(readFloor),
      resaveSeconds: round(save.resaveSeconds),
      resaveSpeedVsCp: round(cp / save.resaveSeconds),
      resaveSpeedVsCpSync: round(cpSync / save.resaveSeconds),
      resaveMaxBlockMs: round(save.resaveMaxBlockMs, 1),
      idleHoldingDisksMaxBlockMs: round(save.idleHoldingDisksMaxBlockMs, 1),
      updateSeconds: round(save.updateSeconds, 3),
      updateMaxBlockMs: round(save.updateMaxBlockMs, 1),
      autosaveSpeedVsCp: round(cp / opened.autosaveSeconds),
      autosaveSpeedVsCpSync: round(cpSync / opened.autosaveSeconds),
      savePeakRssMiBBeyondDisks: round((save.savePeakBytes - save.diskBytes) / MiB, 0),
      rssBeforeSaveMiBBeyondDisks: round((save.rssBeforeSaveBytes - save.diskBytes) / MiB, 0),
      resavePeakRssMiBBeyondDisks: round((save.resavePeakBytes - save.diskBytes) / MiB, 0),
      openPeakRssMiBBeyondDisks: round((opened.openPeakBytes - opened.diskBytesInMemory) / MiB, 0),
      autosavePeakRssMiBBeyondDisks: round((opened.autosavePeakBytes - opened.diskBytesInMemory) / MiB, 0),
      saveMaxBlockMs: round(save.saveMaxBlockMs, 1),
      autosaveSeconds: round(opened.autosaveSeconds),
      autosaveMaxBlockMs: round(opened.autosaveMaxBlockMs, 1),
      autosaveMaxDelayMs: round(opened.autosaveMaxDelayMs, 1),
      idleProcessMaxBlockMs: round(control.maxBlockMs, 1),
      dumpMaxBlockMs: round(save.dumpMaxBlockMs, 1),
      loadAverage1m: round(loadavg()[0]),
      memoryMonitor: memoryMonitor(),
      goal: {
        peakRssBeyondDisksMiBBelow: 1024,
        speedVsCpAtLeast: 0.5,
        autosaveMaxBlockMsBelow: 50,
        met:
          Math.max(beyondSave, beyondOpen) < 1024 * MiB &&
          // The save against cp beside it (both needing new memory for their files); the reopen against the faster cp.
          save.cpBesideSave.plain / save.saveSeconds >= 0.5 &&
          cp / opened.openSeconds >= 0.5 &&
          Math.max(save.saveMaxBlockMs, save.resaveMaxBlockMs, save.updateMaxBlockMs, opened.autosaveMaxBlockMs) < 50
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchFiles(): Promise<object[]> {
  const out: object[] = []
  for (const vms of vmCounts()) out.push(await benchVms(vms))
  return out
}

// In a child: one step, its result sent to the parent.
if (process.send && (process.argv[2] === 'save' || process.argv[2] === 'open')) {
  const [, , step, dir, vms] = process.argv
  const result = step === 'save' ? await saveChild(dir, Number(vms)) : await openChild(dir)
  process.send(result, () => process.exit(0))
}
