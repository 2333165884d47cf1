// A KMIP message two ways, linked like Wireshark's panes: the TTLV tree and the bytes. Hovering a field shades its
// bytes (header darker than value); hovering a byte marks the field it belongs to.

import { useMemo, useState } from 'react'
import { describeTtlv } from '../../../shared/kmip'
import { fromHex } from '../../../shared/crypto/bytes'
import { useT } from '../hooks/useT'
import { bytesOfHex } from './hex'
import { HexView } from './HexView'
import { kmipUnreadableText } from './kmipUnreadable'
import { flattenTtlv, nodeAtOffset, nodeRange } from './ttlvLink'
import './hex.css'

export function KmipView({ hex }: { hex: string }) {
  const t = useT()
  const parsed = useMemo(() => {
    try {
      return { flat: flattenTtlv(describeTtlv(fromHex(hex))), error: null }
    } catch (e) {
      return { flat: [], error: kmipUnreadableText(e, t) }
    }
  }, [hex, t])
  const bytes = useMemo(() => bytesOfHex(hex), [hex])
  const [hover, setHover] = useState<number | null>(null)
  const [byteHover, setByteHover] = useState<number | null>(null)
  const fromByte = byteHover !== null ? nodeAtOffset(parsed.flat, byteHover) : null
  const active = hover !== null ? parsed.flat[hover] : fromByte
  const range = active ? nodeRange(active.node) : null

  return (
    <div className="kmip-view">
      <p className="note">{t('event.kmipHint')}</p>
      {parsed.error && <p className="note warn">{parsed.error}</p>}
      <div className="kmip-panes">
        <div className="kmip-tree" role="tree" aria-label={t('event.kmipTree')} onMouseLeave={() => setHover(null)}>
          {parsed.flat.map((f) => (
            <div
              key={f.index}
              role="treeitem"
              aria-level={f.depth + 1}
              aria-selected={active?.index === f.index}
              tabIndex={f.index === 0 ? 0 : -1}
              className={`ttlv-node${active?.index === f.index ? ' is-active' : ''}`}
              style={{ paddingLeft: 6 + f.depth * 12 }}
              onMouseEnter={() => setHover(f.index)}
              onFocus={() => setHover(f.index)}
              onBlur={() => setHover(null)}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
                e.preventDefault()
                const sib = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling
                ;(sib as HTMLElement | null)?.focus()
              }}
              title={t('kmip.itemTitle', { tag: f.node.tagHex, type: f.node.type, length: f.node.length, offset: f.node.offset })}
            >
              <span className="ttlv-tag">{f.node.tagName}</span>
              {!f.node.children && <span className="ttlv-value">{f.node.value}</span>}
              {f.node.children && <span className="ttlv-type">{f.node.value}</span>}
            </div>
          ))}
        </div>
        <div className="kmip-hex">
          <HexView bytes={bytes} highlight={range} onHoverByte={setByteHover} label={t('event.kmipHex')} />
        </div>
      </div>
    </div>
  )
}
