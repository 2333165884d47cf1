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

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
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
  private readonly waitingForSlot: (() => void)[] = []
  private readonly pending = new Map<number, { resolve: (hash: string) => void; reject: (e: Error) => void }>()
  private next = 0

  private constructor(
    private readonly workers: Worker[],
    shared: SharedArrayBuffer
  ) {
    this.slots = new Uint8Array(shared)
    for (let s = 0; s < workers.length * SLOTS_PER_WORKER; s++) this.free.push(s)
    for (const worker of workers) {
      worker.on('message', ({ slot, hash }: { slot: number; hash: string }) => this.finish(slot, hash))
      worker.on('error', (e) => this.failAll(e))
      // An idle pool must not keep a CLI run or a test process alive (see `hold`).
      worker.unref()
    }
  }

  static start(count: number): HashPool {
    const shared = new SharedArrayBuffer(count * SLOTS_PER_WORKER * CHUNK_BYTES)
    const workers = Array.from({ length: count }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { shared, slotBytes: CHUNK_BYTES } }))
    return new HashPool(workers, shared)
  }

  async hash(bytes: Uint8Array): Promise<string> {
    let slot = this.free.pop()
    while (slot === undefined) {
      await new Promise<void>((resolve) => this.waitingForSlot.push(resolve))
      slot = this.free.pop()
    }
    this.slots.set(bytes, slot * CHUNK_BYTES)
    const worker = this.workers[this.next++ % this.workers.length]
    return new Promise<string>((resolve, reject) => {
      this.pending.set(slot, { resolve, reject })
      this.hold()
      worker.postMessage({ slot, length: bytes.length })
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
    this.free.push(slot)
    this.waitingForSlot.shift()?.()
    waiter.resolve(hash)
  }

  private failAll(e: Error): void {
    for (const [slot, waiter] of this.pending) {
      this.free.push(slot)
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

/** Lowercase hex SHA-256 of `bytes`, which must not change until the hash is given (disks never change in place). */
export function hashChunkLater(bytes: Uint8Array): Promise<string> {
  if (bytes.length < INLINE_BYTES || bytes.length > CHUNK_BYTES) return Promise.resolve(hashInline(bytes))
  const p = sharedPool()
  return p ? p.hash(bytes) : Promise.resolve(hashInline(bytes))
}
