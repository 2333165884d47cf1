// A file on a datastore: text files line by line with the encryption lines marked, data files as hex and ASCII.

import { useMemo, useState } from 'react'
import type { DatastoreFile } from '../../../shared/lab/model'
import type { ViewOfPart } from '../../../shared/lab/readView'
import { useT } from '../hooks/useT'
import { markLines } from './fileText'
import { bytesOfHex } from './hex'
import { HexView } from './HexView'

export function TextFile({ text }: { text: string }) {
  const t = useT()
  const lines = useMemo(() => markLines(text), [text])
  const marks = new Set(lines.map((l) => l.mark).filter(Boolean))
  return (
    <>
      <pre tabIndex={0} className="text-block file-text">
        {lines.map((l, i) => (
          <span key={i} className={l.mark ? `line is-${l.mark}` : 'line'}>
            {l.text}
            {'\n'}
          </span>
        ))}
      </pre>
      {marks.has('keySafe') && <p className="note mark-note is-keySafe">{t('inspector.bundleNote')}</p>}
      {marks.has('encryptionKeys') && <p className="note mark-note is-encryptionKeys">{t('inspector.encryptionKeysNote')}</p>}
    </>
  )
}

export function FileViewer({ file }: { file: ViewOfPart<DatastoreFile> }) {
  const t = useT()
  const [rows, setRows] = useState(8)
  const text = file.text ?? null
  const data = file.data ?? null
  const preview = useMemo(() => (data ? bytesOfHex(data.hex, 512) : []), [data])
  if (text !== null) return <TextFile text={text} />
  if (!data) return <p className="muted">—</p>
  return (
    <>
      <p className="muted small">{t('inspector.truncated', { shown: Math.min(rows * 8, data.size), size: data.size })}</p>
      <HexView bytes={preview.slice(0, rows * 8)} label={file.kind ?? 'file'} />
      {rows < 64 && preview.length > rows * 8 && (
        <button type="button" className="text-button small" onClick={() => setRows(64)}>
          + 512
        </button>
      )}
    </>
  )
}
