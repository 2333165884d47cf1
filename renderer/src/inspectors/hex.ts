// Hex and ASCII rows of a byte preview (the views carry bytes as hex strings), and which bytes differ between two
// previews — for disk sectors before and after encryption, core dumps, key material, KMIP messages.

export interface HexRow {
  offset: number
  bytes: number[]
}

export function bytesOfHex(hex: string, limit = Infinity): number[] {
  const n = Math.min(Math.floor(hex.length / 2), limit)
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

export function hexRows(bytes: readonly number[], perRow = 8): HexRow[] {
  const rows: HexRow[] = []
  for (let i = 0; i < bytes.length; i += perRow) rows.push({ offset: i, bytes: bytes.slice(i, i + perRow) })
  return rows
}

export const byteHex = (b: number) => b.toString(16).padStart(2, '0')
export const asciiChar = (b: number) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·')
export const offsetHex = (n: number, width = 4) => n.toString(16).padStart(width, '0')

/** For each byte of `a`, whether `b` has a different byte there (or none). */
export function differs(a: readonly number[], b: readonly number[] | null): boolean[] {
  return a.map((x, i) => b !== null && b[i] !== x)
}

export function countDiffs(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length)
  let d = Math.abs(a.length - b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) d++
  return d
}

/** The printable text at the start of some bytes, up to the first NUL (core dump headers, guest data). */
export function leadingText(bytes: readonly number[]): string {
  let s = ''
  for (const b of bytes) {
    if (b === 0) break
    s += b === 0x0a || (b >= 0x20 && b < 0x7f) ? String.fromCharCode(b) : '·'
  }
  return s
}

/** `key=value` lines of a text header. */
export function headerFields(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const i = line.indexOf('=')
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1)
  }
  return out
}
