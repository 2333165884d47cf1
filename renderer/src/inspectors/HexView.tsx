// Bytes as hex and ASCII, 8 to a row (the inspector is a side panel). Bytes that differ from `compare` are marked;
// a highlighted range (the KMIP field under the mouse) is shaded; hovering a byte reports its offset.

import { memo } from 'react'
import { asciiChar, byteHex, differs, hexRows, offsetHex } from './hex'
import './hex.css'

export interface HexViewProps {
  bytes: readonly number[]
  compare?: readonly number[] | null
  highlight?: { start: number; end: number; headerEnd?: number } | null
  onHoverByte?: (offset: number | null) => void
  perRow?: number
  label: string
}

export const HexView = memo(function HexView({ bytes, compare = null, highlight = null, onHoverByte, perRow = 8, label }: HexViewProps) {
  const diff = differs(bytes, compare)
  const rows = hexRows(bytes as number[], perRow)
  const cls = (i: number) => {
    let c = ''
    if (diff[i]) c += ' is-diff'
    if (highlight && i >= highlight.start && i < highlight.end) c += highlight.headerEnd !== undefined && i < highlight.headerEnd ? ' is-hl-head' : ' is-hl'
    return c
  }
  return (
    <div className="hex" role="table" aria-label={label} onMouseLeave={onHoverByte ? () => onHoverByte(null) : undefined}>
      {rows.map((r) => (
        <div className="hex-row" role="row" key={r.offset}>
          <span className="hex-offset" role="rowheader">
            {offsetHex(r.offset)}
          </span>
          <span className="hex-bytes" role="cell">
            {r.bytes.map((b, j) => (
              <span key={j} className={`hex-byte${cls(r.offset + j)}`} onMouseEnter={onHoverByte ? () => onHoverByte(r.offset + j) : undefined}>
                {byteHex(b)}
              </span>
            ))}
          </span>
          <span className="hex-ascii" role="cell">
            {r.bytes.map((b, j) => (
              <span key={j} className={`hex-char${cls(r.offset + j)}`} onMouseEnter={onHoverByte ? () => onHoverByte(r.offset + j) : undefined}>
                {asciiChar(b)}
              </span>
            ))}
          </span>
        </div>
      ))}
    </div>
  )
})
