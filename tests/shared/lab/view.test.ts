import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyPatches, diffView, project, PREVIEW_BYTES, type ViewValue } from '../../../shared/lab/view'

describe('views for the window', () => {
  it('turns bytes into a hex preview with size and fingerprint; large data is truncated', () => {
    const small = project(new Uint8Array([1, 2, 255])) as { hex: string; size: number; fingerprint: string }
    expect(small).toMatchObject({ $bytes: true, hex: '0102ff', size: 3, truncated: false })
    expect(small.fingerprint).toMatch(/^[0-9a-f]{16}$/)
    const big = project(new Uint8Array(1 << 20)) as { hex: string; truncated: boolean; fingerprint: null }
    expect(big.hex.length).toBe(PREVIEW_BYTES * 2)
    expect(big.truncated).toBe(true)
    expect(big.fingerprint).toBeNull()
  })

  it('projections are memoised by identity, so unchanged parts diff to nothing', () => {
    const shared = { a: new Uint8Array(4), b: [1, 2] }
    const x = { one: shared, two: 1 }
    const y = { one: shared, two: 2 }
    expect(project(x.one)).toBe(project(y.one))
    expect(diffView(project(x), project(y))).toEqual([{ op: 'set', path: ['two'], value: 2 }])
  })

  it('applying the diff of a to b gives b, without touching a (property)', () => {
    const json: fc.Arbitrary<ViewValue> = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('v'), { maxKeys: 4 }))
    })).v as fc.Arbitrary<ViewValue>
    fc.assert(
      fc.property(json, json, (a, b) => {
        const before = JSON.stringify(a)
        const patched = applyPatches(a, diffView(a, b))
        expect(patched).toEqual(b)
        expect(JSON.stringify(a)).toBe(before)
      }),
      { numRuns: 2000 }
    )
  })
})
