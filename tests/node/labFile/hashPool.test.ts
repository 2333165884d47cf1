import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHUNK_BYTES } from '../../../shared/labFile/blob'
import { HASH_THREAD_NICE, hashChunkLater, leaseChunk } from '../../../node/labFile/hashPool'

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

function pattern(length: number, seed: number): Uint8Array {
  const b = new Uint8Array(length)
  for (let i = 0; i < length; i++) b[i] = (i * 31 + seed * 7) & 0xff
  return b
}

/** A thread's nice value from its /proc stat line (field 19, counted after the command name in parentheses). */
const niceOf = (statPath: string): number => Number(readFileSync(statPath, 'utf8').split(') ')[1].split(' ')[16])

describe('hash pool', () => {
  it.runIf(existsSync('/proc/thread-self'))('hashes on threads that yield the CPU to the event loop (Linux), and leaves the caller’s thread as it was', async () => {
    const before = niceOf('/proc/thread-self/stat')
    expect(await hashChunkLater(pattern(CHUNK_BYTES, 9))).toBe(sha256(pattern(CHUNK_BYTES, 9)))
    const nices = readdirSync('/proc/self/task').map((tid) => niceOf(`/proc/self/task/${tid}/stat`))
    expect(nices.filter((n) => n === HASH_THREAD_NICE).length).toBeGreaterThanOrEqual(1)
    expect(niceOf('/proc/thread-self/stat')).toBe(before)
  })

  it('leased buffers are hashed on the workers as they were filled, and many more leases than slots all finish', async () => {
    // Far more leases at once than the pool has slots: each waits for one, none is lost or mixed up.
    const jobs = Array.from({ length: 40 }, async (_, n) => {
      const want = pattern(n % 3 === 0 ? CHUNK_BYTES : 200 * 1024 + n, n)
      const lease = await leaseChunk(want.length)
      try {
        expect(lease.bytes.length).toBe(want.length)
        lease.bytes.set(want)
        const hashing = lease.hash()
        expect(lease.hash()).toBe(hashing)
        return (await hashing) === sha256(want)
      } finally {
        lease.release()
        lease.release()
      }
    })
    expect(await Promise.all(jobs)).toEqual(jobs.map(() => true))
  })

  it('a lease released without a hash frees its slot at once; small chunks are hashed in place', async () => {
    for (let n = 0; n < 30; n++) (await leaseChunk(CHUNK_BYTES)).release()
    const small = pattern(1000, 3)
    const lease = await leaseChunk(small.length)
    lease.bytes.set(small)
    expect(await lease.hash()).toBe(sha256(small))
    expect(await hashChunkLater(pattern(CHUNK_BYTES, 5))).toBe(sha256(pattern(CHUNK_BYTES, 5)))
  })
})
