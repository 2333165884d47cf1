// The graph or its table twin (the same lab, for screen readers and for reading every value at once).

import { useLabActions } from '../hooks/useLabActions'
import { useSettings } from '../hooks/useSettings'
import { useT } from '../hooks/useT'
import { GraphIcon, TableIcon } from '../theme/icons'

export function ViewSwitch() {
  const t = useT()
  const { view } = useSettings()
  const { setSettings } = useLabActions()
  return (
    <div className="segmented" role="group" aria-label={t('view.switch')}>
      <button type="button" aria-pressed={view === 'graph'} className={view === 'graph' ? 'is-on' : ''} onClick={() => setSettings({ view: 'graph' })} title={`${t('view.graph')} (T)`}>
        <GraphIcon size={15} />
        <span>{t('view.graph')}</span>
      </button>
      <button type="button" aria-pressed={view === 'table'} className={view === 'table' ? 'is-on' : ''} onClick={() => setSettings({ view: 'table' })} title={`${t('view.table')} (T)`}>
        <TableIcon size={15} />
        <span>{t('view.table')}</span>
      </button>
    </div>
  )
}
