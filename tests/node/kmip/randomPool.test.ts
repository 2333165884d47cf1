// Key material cut from CSPRNG blocks: every key distinct, nothing left behind in the pool, odd sizes and big
// requests served too.

import { describe, expect, it } from 'vitest'
import { RandomPool } from '../../../node/kmip/randomPool'

describe('RandomPool', () => {
  it('hands out distinct keys, across block boundaries, each exactly as long as asked', () => {
    const pool = new RandomPool()
    const keys = Array.from({ length: 1_000 }, (_, i) => pool.take(i % 3 === 0 ? 32 : i % 3 === 1 ? 16 : 24))
    expect(keys.map((k) => k.length).slice(0, 3)).toEqual([32, 16, 24])
    expect(new Set(keys.map((k) => Buffer.from(k).toString('hex'))).size).toBe(keys.length)
    // Not all zero, not constant: the bytes are random (a 24-byte key of zeros has probability 2^-192).
    expect(keys.every((k) => k.some((b) => b !== 0))).toBe(true)
  })

  it('wipes each slice from its block when it hands it out', () => {
    const pool = new RandomPool()
    const key = pool.take(32)
    const block = (pool as unknown as { block: Uint8Array }).block
    expect(block.subarray(0, 32).every((b) => b === 0)).toBe(true)
    expect(block.subarray(32).some((b) => b !== 0)).toBe(true)
    // The key is a copy, not a view of the (wiped) block.
    expect(key.buffer).not.toBe(block.buffer)
  })

  it('serves requests bigger than a block directly', () => {
    const big = new RandomPool().take(10_000)
    expect(big).toHaveLength(10_000)
    expect(new Set(big).size).toBeGreaterThan(200)
  })
})
