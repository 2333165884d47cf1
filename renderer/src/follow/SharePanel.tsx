// File → Share with the room: the presenter chooses an address of this machine (loopback reaches this machine only),
// starts or stops sharing, and sees the viewer URL as text and as a QR code (an SVG the host drew) and how many
// viewers are connected.

import { useState } from 'react'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStore } from '../hooks/useLabStore'
import { useT } from '../hooks/useT'
import { Modal } from '../ui/Modal'
import './follow.css'

export function SharePanel() {
  const t = useT()
  const open = useLabStore((s) => s.sharePanel)
  const sharing = useLabStore((s) => s.sharing)
  const a = useLabActions()
  const [chosen, setChosen] = useState<string | null>(null)
  if (!open || !sharing) return null
  const address = chosen ?? sharing.address ?? sharing.addresses[0]?.address ?? '127.0.0.1'
  const on = sharing.viewerUrl !== null
  return (
    <Modal title={t('share.title')} className="share-panel" onClose={() => a.setSharePanel(false)}>
      <p className="muted">{t('share.intro')}</p>
      <div className="share-controls">
        <label>
          {t('share.address')}
          <select value={address} onChange={(e) => setChosen(e.target.value)}>
            {sharing.addresses.map((ad) => (
              <option key={ad.address} value={ad.address}>
                {ad.address} ({ad.name}
                {ad.internal ? `, ${t('share.thisMachineOnly')}` : ''})
              </option>
            ))}
          </select>
        </label>
        {on && address === sharing.address ? (
          <button type="button" className="button danger" onClick={() => void a.setSharing(null)}>
            {t('share.stop')}
          </button>
        ) : (
          <button type="button" className="button primary" onClick={() => void a.setSharing(address)}>
            {on ? t('share.move') : t('share.start')}
          </button>
        )}
      </div>
      {on ? (
        <div className="share-on">
          {sharing.qrSvg && <img className="share-qr" alt={t('share.qr')} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(sharing.qrSvg)}`} />}
          <div>
            <p>{t('share.urlLabel')}</p>
            <output className="share-url" aria-label={t('share.urlLabel')}>
              {sharing.viewerUrl}
            </output>
            <p className="share-count" role="status">
              {t('share.viewers', { n: sharing.viewers, max: sharing.maxViewers })}
            </p>
          </div>
        </div>
      ) : (
        <p className="muted">{t('share.off')}</p>
      )}
    </Modal>
  )
}
