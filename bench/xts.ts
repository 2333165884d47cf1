// How fast the lab encrypts a disk, next to how fast this machine could: OpenSSL's own aes-256-xts through node:crypto
// over large data units is the limit (OpenSSL refuses units over 16 MiB, so 8 MiB each). Every contender runs once
// per round and the rounds interleave them, so a noisy, shared machine slows them all alike; each figure is a median.
//
//   npx tsx bench/xts.ts [--mib=64] [--runs=5]     prints one JSON record per line

import { createCipheriv, randomBytes } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { nodeDiskCipher, opensslPerSectorDiskCipher } from '../node/crypto/nodeDiskCipher'
import { SECTOR_SIZE, type DiskCipher } from '../shared/crypto/diskCipher'
import { jsDiskCipher } from '../shared/crypto/xts'

const MiB = 1024 * 1024
const LIMIT_UNIT = 8 * MiB
// The slow contenders run on a slice and are scaled: their cost per sector does not depend on the disk size.
const JS_SLICE = 4 * MiB
const PER_SECTOR_SLICE = 16 * MiB
const LAB_DISK = 1 * MiB

interface Contender {
  name: string
  what: string
  bytes: number
  run(): void
}

export interface DiskCipherBenchOptions {
  /** Disk size in MiB (default 64). */
  mib?: number
  /** Measured rounds (default 5); one warm-up round comes first. */
  runs?: number
}

export async function benchDiskCipher(opts: DiskCipherBenchOptions = {}): Promise<object[]> {
  const mib = opts.mib ?? 64
  const runs = opts.runs ?? 5
  if (!Number.isInteger(mib) || mib < 1) throw new Error(`mib must be a positive integer, got ${mib}`)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`)
  const disk = randomBytes(mib * MiB)
  const dek = randomBytes(64)
  checkAgreement(dek, disk.subarray(0, Math.min(disk.length, MiB)))

  const sliceOf = (size: number) => disk.subarray(0, Math.min(size, disk.length))
  const limitUnit = Math.min(LIMIT_UNIT, disk.length)
  const encryptedDisk = nodeDiskCipher.encryptSectors(dek, disk)
  const contenders: Contender[] = [
    {
      name: 'limit: openssl aes-256-xts, 8 MiB data units',
      what: `node:crypto aes-256-xts, one cipher per ${limitUnit / MiB} MiB data unit (IV = unit number)`,
      bytes: disk.length,
      run: () => opensslLargeUnits(dek, disk, limitUnit)
    },
    {
      name: 'nodeDiskCipher.encryptSectors',
      what: `${nodeDiskCipher.name}, whole ${mib} MiB disk in one call, per-sector tweaks`,
      bytes: disk.length,
      run: () => nodeDiskCipher.encryptSectors(dek, disk, 0)
    },
    {
      name: 'nodeDiskCipher.decryptSectors',
      what: `${nodeDiskCipher.name}, whole ${mib} MiB disk in one call, per-sector tweaks`,
      bytes: disk.length,
      run: () => nodeDiskCipher.decryptSectors(dek, encryptedDisk, 0)
    },
    {
      name: 'nodeDiskCipher.encryptSectors, 1 MiB calls',
      what: 'the same disk as 1 MiB calls (the lab\'s default disk size): outputs come from recycled memory',
      bytes: disk.length,
      run: () => inCalls(nodeDiskCipher, dek, disk, LAB_DISK)
    },
    {
      name: 'naive: openssl aes-256-xts, one cipher per sector',
      what: `${opensslPerSectorDiskCipher.name}, on a ${sliceOf(PER_SECTOR_SLICE).length / MiB} MiB slice`,
      bytes: sliceOf(PER_SECTOR_SLICE).length,
      run: () => opensslPerSectorDiskCipher.encryptSectors(dek, sliceOf(PER_SECTOR_SLICE), 0)
    },
    {
      name: 'jsDiskCipher.encryptSectors',
      what: `${jsDiskCipher.name}, on a ${sliceOf(JS_SLICE).length / MiB} MiB slice`,
      bytes: sliceOf(JS_SLICE).length,
      run: () => jsDiskCipher.encryptSectors(dek, sliceOf(JS_SLICE), 0)
    },
    {
      name: 'reference: openssl aes-256-xts, 64 KiB data units',
      what: 'node:crypto aes-256-xts over 64 KiB units: what OpenSSL does when its output stays in cache',
      bytes: disk.length,
      run: () => opensslLargeUnits(dek, disk, Math.min(64 * 1024, disk.length))
    }
  ]

  const times = contenders.map(() => [] as number[])
  for (let round = -1; round < runs; round++) {
    for (let k = 0; k < contenders.length; k++) {
      // Rotate the order so no contender always runs right after the same neighbour (or the garbage collector).
      const i = (k + Math.max(round, 0)) % contenders.length
      const ms = timeOnce(contenders[i])
      if (round >= 0) times[i].push(ms)
    }
    await new Promise((resolve) => setImmediate(resolve))
  }

  const speed = (c: Contender, ms: number) => c.bytes / 1e6 / (ms / 1e3)
  const mbPerSec = contenders.map((c, i) => speed(c, median(times[i])))
  const limit = mbPerSec[0]
  const bestLimit = speed(contenders[0], Math.min(...times[0]))
  const records: object[] = contenders.map((c, i) => ({
    bench: 'xts',
    name: c.name,
    what: c.what,
    bytes: c.bytes,
    runs,
    medianMs: round2(median(times[i])),
    mbPerSec: round2(mbPerSec[i]),
    // The slowest and fastest run: the limit itself swings when the allocator hands out fresh (page-faulting) memory.
    mbPerSecRange: [round2(speed(c, Math.max(...times[i]))), round2(speed(c, Math.min(...times[i])))],
    ratioToLimit: round2(mbPerSec[i] / limit)
  }))
  records.push({
    bench: 'xts',
    name: 'summary',
    diskMiB: mib,
    limitMBps: round2(limit),
    nodeDiskCipherRatio: round2(mbPerSec[1] / limit),
    goalRatio: 0.5,
    goalMet: mbPerSec[1] / limit >= 0.5,
    limitBestRunMBps: round2(bestLimit),
    nodeDiskCipherRatioToBestLimitRun: round2(mbPerSec[1] / bestLimit),
    nodeDiskCipher1MiBCallsRatioToBestLimitRun: round2(mbPerSec[3] / bestLimit),
    node: process.versions.node,
    openssl: process.versions.openssl,
    unit: 'MB = 10^6 bytes'
  })
  return records
}

function opensslLargeUnits(dek: Uint8Array, disk: Uint8Array, unit: number): void {
  const iv = Buffer.alloc(16)
  for (let offset = 0; offset < disk.length; offset += unit) {
    iv.writeUInt32LE(offset / unit)
    createCipheriv('aes-256-xts', dek, iv).update(disk.subarray(offset, offset + unit))
  }
}

function inCalls(cipher: DiskCipher, dek: Uint8Array, disk: Uint8Array, size: number): void {
  for (let offset = 0; offset < disk.length; offset += size) {
    cipher.encryptSectors(dek, disk.subarray(offset, offset + size), offset / SECTOR_SIZE)
  }
}

// A benchmark of wrong output is worthless: the three ciphers must agree before any of them is timed.
function checkAgreement(dek: Uint8Array, sample: Uint8Array): void {
  const expected = Buffer.from(opensslPerSectorDiskCipher.encryptSectors(dek, sample, 3))
  for (const cipher of [nodeDiskCipher, jsDiskCipher]) {
    if (!expected.equals(cipher.encryptSectors(dek, sample, 3))) throw new Error(`${cipher.name} disagrees with OpenSSL`)
  }
}

function timeOnce(contender: Contender): number {
  const start = performance.now()
  contender.run()
  return performance.now() - start
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

function option(name: string): number | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
  return arg === undefined ? undefined : Number(arg.slice(name.length + 3))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const records = await benchDiskCipher({ mib: option('mib'), runs: option('runs') })
  for (const record of records) console.log(JSON.stringify(record))
}
