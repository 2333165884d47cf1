// Does a replay describe the same lab as a file saved by format 1, whose commands behaved differently? Format-1
// files were saved when a VM had one DEK for its disk and NVRAM; the current commands give the VM home and each disk
// keys of their own and narrate more steps, so replaying such a file draws more random bytes and ticks the clock
// further. Key material, encrypted bytes, times and counters then differ by design, and the current commands write
// files format 1 did not (./migrations/v1-recorded.ts), while the lab is the same: the same components, the same
// files and keys by name and ID, the same states. That is what is compared here, on what format 1 recorded (object
// keys, array lengths, strings, booleans, nulls); numbers, byte strings and file contents are free. A replay that
// fails it is not used: the saved state is restored instead.

import { BlobRef } from './blob'
import { format1Record } from './migrations/v1-recorded'

/** The same lab as a format-1 file recorded it, by structure and names, whatever the key material, bytes and times. */
export function sameLabStructure(replayed: Iterable<[string, unknown]>, saved: Record<string, unknown>): boolean {
  return sameStructure(format1Record(Object.fromEntries(replayed)), format1Record(saved))
}

function isBytes(v: unknown): boolean {
  return v instanceof Uint8Array || v instanceof BlobRef
}

function sameStructure(a: unknown, b: unknown): boolean {
  if (isBytes(a) || isBytes(b)) return isBytes(a) && isBytes(b)
  if (typeof a === 'number' || typeof b === 'number') return typeof a === typeof b
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (ka.length !== kb.length) return false
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false
    if (!sameStructure((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  }
  return true
}
