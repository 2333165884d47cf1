// SHA-256 of disk chunks on worker threads, so saving and opening big disks neither waits for one core's hashing
// nor blocks the process's event loop (the desktop's main process autosaves with it). The caller's bytes are
// copied into one of a few shared 1 MiB slots (a memcpy of memory already in use, far cheaper than hashing) and a
// worker hashes the slot; the caller can go on writing or reading the next chunk meanwhile. Only a few slots
// exist: a caller that runs ahead waits for one, so memory stays bounded however big the disks are.
//
// The worker is given as source text (eval), not as a file: the desktop bundle, tsx and vitest then all run the
// same thing without a separate build entry.

import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { CHUNK_BYTES } from '../../shared/labFile/blob'
import type { ChunkLease } from '../../shared/labFile/container'

/** The hash threads' nice value (Linux): below the event loop's, which stays at the process's own. */
export const HASH_THREAD_NICE = 10

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
try {
  // Linux: this thread yields the CPU to the event loop's (nice 10), so a save hashing on both cores of a small
  // machine does not keep the main process's loop waiting for a core. Elsewhere there is no /proc: left as it is.
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop())
  if (tid) require('node:os').setPriority(tid, ${HASH_THREAD_NICE})
} catch {}
parentPort.postMessage({ ready: true })
const slots = new Uint8Array(workerData.shared)
parentPort.on('message', ({ slot, length }) => {
  const at = slot * workerData.slotBytes
  parentPort.postMessage({ slot, hash: createHash('sha256').update(slots.subarray(at, at + length)).digest('hex') })
})`

/** Below this, a chunk is hashed in place: the trip to a worker costs more than the hash. */
const INLINE_BYTES = 64 * 1024
const SLOTS_PER_WORKER = 3

export const hashInline = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

class HashPool {
  private readonly slots: Uint8Array
  private readonly free: number[] = []
  /** Callers waiting for a slot, first come first served (see `freeSlot`). */
  private readonly waitingForSlot: { take: (slot: number) => void; fail: (e: Error) => void }[] = []
  private readonly pending = new Map<number, { resolve: (hash: string) => void; reject: (e: Error) => void; freeWhenDone: boolean }>()
  private readonly workers: Worker[] = []
  private next = 0
  private failure: Error | null = null

  private constructor(
    private readonly count: number,
    private readonly shared: SharedArrayBuffer
  ) {
    this.slots = new Uint8Array(shared)
    for (let s = 0; s < count * SLOTS_PER_WORKER; s++) this.free.push(s)
    this.startWorker()
  }

  static start(count: number): HashPool {
    return new HashPool(count, new SharedArrayBuffer(count * SLOTS_PER_WORKER * CHUNK_BYTES))
  }

  /**
   * Workers boot one after the other: each boot keeps a core busy for tens of milliseconds, and two at once on a
   * 2-core machine held the event loop for up to 45 ms. Hashes go to the workers up so far (any worker reads any slot).
   */
  private startWorker(): void {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { shared: this.shared, slotBytes: CHUNK_BYTES } })
    worker.on('message', (m: { ready: true } | { slot: number; hash: string }) => {
      if (!('ready' in m)) return this.finish(m.slot, m.hash)
      if (this.workers.length < this.count && !this.failure) this.startWorker()
    })
    worker.on('error', (e) => this.failAll(e))
    // An idle pool must not keep a CLI run or a test process alive (see `hold`); a pool at work keeps all alive.
    if (this.pending.size === 0) worker.unref()
    this.workers.push(worker)
  }

  async hash(bytes: Uint8Array): Promise<string> {
    const slot = await this.takeSlot()
    this.slots.set(bytes, slot * CHUNK_BYTES)
    return this.hashSlot(slot, bytes.length, true)
  }

  /** A slot for the caller to fill (a file read straight into it), then to have hashed while it copies out. */
  async lease(length: number): Promise<ChunkLease> {
    const slot = await this.takeSlot()
    let hashing: Promise<string> | null = null
    let released = false
    return {
      bytes: this.slots.subarray(slot * CHUNK_BYTES, slot * CHUNK_BYTES + length),
      hash: () => (hashing ??= this.hashSlot(slot, length, false)),
      release: () => {
        // A slot being hashed is freed when its hash comes back, not before: the worker still reads it.
        if (released) return
        released = true
        if (hashing) void hashing.then(() => this.freeSlot(slot), () => undefined)
        else this.freeSlot(slot)
      }
    }
  }

  private takeSlot(): Promise<number> {
    if (this.failure) return Promise.reject(this.failure)
    const slot = this.free.pop()
    if (slot !== undefined) return Promise.resolve(slot)
    return new Promise((take, fail) => this.waitingForSlot.push({ take, fail }))
  }

  /**
   * A freed slot goes to the caller that has waited longest. Leases are held until their chunk is written, in the
   * order they were asked for (a save copying chunks from the file a lab was opened from); a slot taken by a later
   * caller first would leave the earliest one waiting for slots that are only freed after it: a deadlock.
   */
  private freeSlot(slot: number): void {
    const next = this.waitingForSlot.shift()
    if (next) next.take(slot)
    else this.free.push(slot)
  }

  /** `freeWhenDone`: the slot holds a copy only the hash needs (`hash`); a lease frees its slot on release. */
  private hashSlot(slot: number, length: number, freeWhenDone: boolean): Promise<string> {
    const worker = this.workers[this.next++ % this.workers.length]
    return new Promise<string>((resolve, reject) => {
      if (this.failure) return reject(this.failure)
      this.pending.set(slot, { resolve, reject, freeWhenDone })
      this.hold()
      worker.postMessage({ slot, length })
    })
  }

  /** While a hash is awaited, the workers keep the process alive: otherwise it would end with the save half done. */
  private hold(): void {
    if (this.pending.size === 1) for (const w of this.workers) w.ref()
  }

  private release(): void {
    if (this.pending.size === 0) for (const w of this.workers) w.unref()
  }

  private finish(slot: number, hash: string): void {
    const waiter = this.pending.get(slot)
    if (!waiter) return
    this.pending.delete(slot)
    this.release()
    if (waiter.freeWhenDone) this.freeSlot(slot)
    waiter.resolve(hash)
  }

  private failAll(e: Error): void {
    // Callers waiting for a slot (or holding a lease) are told too: this pool's workers are gone for good.
    this.failure = e
    for (const waiter of this.waitingForSlot.splice(0)) waiter.fail(e)
    for (const [slot, waiter] of this.pending) {
      if (waiter.freeWhenDone) this.free.push(slot)
      waiter.reject(e)
    }
    this.pending.clear()
    this.release()
    for (const w of this.workers) void w.terminate()
    pool = null
  }
}

let pool: HashPool | null = null
let unavailable = false

function sharedPool(): HashPool | null {
  if (pool || unavailable) return pool
  try {
    // One worker per core, at most four: the caller's own thread reads or writes the file meanwhile.
    pool = HashPool.start(Math.max(1, Math.min(4, availableParallelism())))
  } catch {
    // Where no worker can start, hashing in place is slower but the same.
    unavailable = true
  }
  return pool
}

// Leases (see ContainerCodec.leaseChunk): a file read straight into a slot that is used again and again, then
// copied from there into its disk, touches each new page of the disk once; a read straight into the disk touches it
// twice (the kernel's write, then the hash's copy), and on this kind of machine each first touch of a page costs
// far more than a copy.

/** A lease on a slot of the pool (waits for one to be free), or plain memory hashed in place where no worker runs. */
export async function leaseChunk(length: number): Promise<ChunkLease> {
  const p = length >= INLINE_BYTES && length <= CHUNK_BYTES ? sharedPool() : null
  if (p) return p.lease(length)
  const bytes = new Uint8Array(length)
  let hashed: Promise<string> | null = null
  return { bytes, hash: () => (hashed ??= Promise.resolve(hashInline(bytes))), release: () => undefined }
}

/** Lowercase hex SHA-256 of `bytes`, which must not change until the hash is given (disks never change in place). */
export function hashChunkLater(bytes: Uint8Array): Promise<string> {
  if (bytes.length < INLINE_BYTES || bytes.length > CHUNK_BYTES) return Promise.resolve(hashInline(bytes))
  const p = sharedPool()
  return p ? p.hash(bytes) : Promise.resolve(hashInline(bytes))
}
