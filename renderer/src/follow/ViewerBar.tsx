// A viewer's part of the header: whether the window follows the presenter (or the viewer looks around on their
// own), the way back to the presenter, and "Download this lab" to try it in one's own KeyFlow Lab.

import { downloadLab } from '../files/downloadLab'
import { useFollow } from '../hooks/useFollow'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStoreApi } from '../hooks/useLabStoreApi'
import { useT } from '../hooks/useT'
import { SHARING_STOPPED, VIEWER_TOO_SLOW, VIEWERS_FULL } from '../../../shared/api/sharing'
import type { StringKey } from '../i18n/strings'
import './follow.css'

const closedMessage: Record<number, StringKey> = {
  [SHARING_STOPPED.code]: 'viewer.closedStopped',
  [VIEWER_TOO_SLOW.code]: 'viewer.closedSlow',
  [VIEWERS_FULL.code]: 'viewer.closedFull'
}

export function ViewerBar() {
  const t = useT()
  const follow = useFollow()
  const a = useLabActions()
  const store = useLabStoreApi()
  if (follow.closed) {
    return (
      <div className="viewer-bar" role="status">
        <span className="viewer-state viewer-closed">{t(closedMessage[follow.closed.code] ?? 'viewer.closedLost')}</span>
      </div>
    )
  }
  return (
    <div className="viewer-bar">
      <span className={`viewer-state ${follow.following ? 'viewer-following' : ''}`} role="status">
        {follow.following ? t('viewer.following') : t('viewer.onYourOwn')}
      </span>
      {follow.following ? (
        <button type="button" className="button" onClick={() => a.stopFollowing()}>
          {t('viewer.stop')}
        </button>
      ) : (
        <button type="button" className="button primary" onClick={() => a.followPresenter()}>
          {t('viewer.rejoin')}
        </button>
      )}
      <button type="button" className="button" title={t('viewer.downloadHint')} onClick={() => void downloadLab(a, store.getState)}>
        {t('viewer.download')}
      </button>
    </div>
  )
}
