// A VM's disk at the step shown, beside the same disk at another step: before its last rewrite (clear sectors next
// to encrypted ones), or a step the user pinned. Differing bytes are marked.

import { useMemo, useState } from 'react'
import { useLabStore } from '../hooks/useLabStore'
import { useT } from '../hooks/useT'
import { viewsAt } from '../store/loadedTimeline'
import { diskBeforeLastRewrite, diskOf } from './diskHistory'
import { bytesOfHex, countDiffs } from './hex'
import { HexView } from './HexView'

const SHOWN = 64

export function DiskCompare({ vmId }: { vmId: string }) {
  const t = useT()
  const timeline = useLabStore((s) => s.timeline)
  const [mode, setMode] = useState<'before' | 'pinned' | 'none'>('before')
  const [pinned, setPinned] = useState<number | null>(null)
  const now = timeline ? diskOf(timeline.views, vmId) : null
  const before = useMemo(() => (timeline ? diskBeforeLastRewrite(timeline, vmId) : null), [timeline?.views, timeline?.events, vmId]) // eslint-disable-line react-hooks/exhaustive-deps
  const pinnedDisk = useMemo(() => (timeline && pinned !== null ? diskOf(viewsAt(timeline, pinned), vmId) : null), [timeline?.events, pinned, vmId]) // eslint-disable-line react-hooks/exhaustive-deps
  if (!timeline || !now) return null
  const nowBytes = bytesOfHex(now.data.hex, SHOWN)
  const other = mode === 'before' ? (before ? { seq: before.seq, disk: before.disk } : null) : mode === 'pinned' && pinned !== null ? { seq: pinned, disk: pinnedDisk } : null
  const otherBytes = other?.disk ? bytesOfHex(other.disk.data.hex, SHOWN) : null
  return (
    <div className="disk-compare">
      <div className="compare-bar">
        <label className="compact-field">
          <span>{t('inspector.compareWith')}</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
            <option value="before" disabled={!before}>
              {before ? t('inspector.compareBefore', { seq: before.seq }) : t('inspector.compareNone')}
            </option>
            <option value="pinned" disabled={pinned === null}>
              {pinned !== null ? t('inspector.comparePinned', { seq: pinned }) : t('inspector.pin')}
            </option>
            <option value="none">{t('inspector.compareNone')}</option>
          </select>
        </label>
        {pinned === timeline.cursor ? (
          <button type="button" className="text-button small" onClick={() => setPinned(null)}>
            {t('inspector.unpin', { seq: pinned })}
          </button>
        ) : (
          <button
            type="button"
            className="text-button small"
            onClick={() => {
              setPinned(timeline.cursor)
              setMode('pinned')
            }}
          >
            {t('inspector.pin')}
          </button>
        )}
      </div>
      <div className="compare-columns">
        <figure>
          <figcaption>
            {t('inspector.now', { seq: timeline.cursor })} · <code>{now.path}</code>
          </figcaption>
          <HexView bytes={nowBytes} compare={otherBytes} label={now.path} />
        </figure>
        {other && (
          <figure className="compare-other">
            <figcaption>
              {t('inspector.then', { seq: other.seq })} · {other.disk ? <code>{other.disk.path}</code> : t('inspector.noFile')}
            </figcaption>
            {otherBytes && <HexView bytes={otherBytes} compare={nowBytes} label={other.disk!.path} />}
          </figure>
        )}
      </div>
      {otherBytes && (
        <p className="muted small" role="status">
          {countDiffs(nowBytes, otherBytes) ? t('inspector.differ', { n: countDiffs(nowBytes, otherBytes), total: nowBytes.length }) : t('inspector.same', { total: nowBytes.length })}
        </p>
      )}
    </div>
  )
}
