// What just happened, in a corner: a command's result, a refusal with its fault and reason, a failure.

import { useEffect } from 'react'
import { refusalText } from '../actions/availability'
import { useLabActions } from '../hooks/useLabActions'
import { useLanguage } from '../hooks/useLanguage'
import { useNotices } from '../hooks/useNotices'
import { useT } from '../hooks/useT'
import type { Notice } from '../store/labStore'
import { CheckIcon, CloseIcon, WarningIcon } from '../theme/icons'
import { noticeText } from './noticeText'
import './Notices.css'

function NoticeItem({ n }: { n: Notice }) {
  const t = useT()
  const lang = useLanguage()
  const { dismissNotice } = useLabActions()
  useEffect(() => {
    if (n.kind === 'error') return
    const id = setTimeout(() => dismissNotice(n.id), 4000)
    return () => clearTimeout(id)
  }, [n, dismissNotice])
  return (
    <div className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
      {n.kind === 'error' ? <WarningIcon size={18} /> : <CheckIcon size={18} />}
      <div className="notice-text">
        {n.fault && (
          <>
            <strong>{t('notice.refused', { fault: n.fault.fault })}</strong> {refusalText(n.fault, lang)}
          </>
        )}
        {noticeText(n, lang)}
      </div>
      <button type="button" className="icon-button small" onClick={() => dismissNotice(n.id)} aria-label={t('notice.dismiss')}>
        <CloseIcon size={14} />
      </button>
    </div>
  )
}

export function Notices() {
  const notices = useNotices()
  return (
    <div className="notices">
      {notices.map((n) => (
        <NoticeItem key={n.id} n={n} />
      ))}
    </div>
  )
}
