// Binary search over sorted data (event seqs, row offsets): the timeline has tens of thousands of entries.

/** The first index in [0, n) where `reached(i)` holds, for a predicate that is false and then true; n if never. */
export function partitionPoint(n: number, reached: (i: number) => boolean): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (reached(mid)) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The index of the first value in `sorted` (ascending) that is ≥ `value`. */
export function lowerBound(sorted: readonly number[], value: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i] >= value)
}
