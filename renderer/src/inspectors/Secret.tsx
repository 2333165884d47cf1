// Key material, hidden until asked for: students see that it is there (and its fingerprint) before they see it.

import { useState } from 'react'
import type { BytesView } from '../../../shared/lab/view'
import { useT } from '../hooks/useT'
import { EyeIcon } from '../theme/icons'

export function Secret({ value, label }: { value: BytesView | null; label: string }) {
  const t = useT()
  const [shown, setShown] = useState(false)
  if (!value) return <span className="muted">—</span>
  return (
    <span className="secret">
      {shown ? <code className="secret-value">{value.hex}</code> : <code className="secret-mask">{'•'.repeat(8)}</code>}
      <button type="button" className="text-button small" onClick={() => setShown((s) => !s)} aria-pressed={shown} aria-label={`${shown ? t('inspector.hide') : t('inspector.reveal')}: ${label}`}>
        <EyeIcon size={13} />
        {shown ? t('inspector.hide') : t('inspector.reveal')}
      </button>
    </span>
  )
}

export function Fingerprint({ value }: { value: string | null | undefined }) {
  return value ? <code className="fingerprint">{value.slice(0, 8)}</code> : <span className="muted">—</span>
}
