// The graph's text twin (Packet Tracer's Workspace List): every component with its state, memory and persisted
// surfaces, and every line with its status — at the step shown, like the graph.

import { useMemo } from 'react'
import { componentFacts } from '../reading/facts'
import { factTexts } from '../reading/summaries'
import { componentsOf, edgesOf } from '../reading/topology'
import { componentView } from '../../../shared/lab/readView'
import { useLabActions } from '../hooks/useLabActions'
import { useSelection } from '../hooks/useSelection'
import { useT } from '../hooks/useT'
import { useViews } from '../hooks/useViews'
import { kindIcons } from '../theme/icons'
import './TopologyTable.css'
import { useLanguage } from '../hooks/useLanguage'

export function TopologyTable() {
  const t = useT()
  const lang = useLanguage()
  const views = useViews()
  const { selectComponent } = useLabActions()
  const { component } = useSelection()
  const rows = useMemo(() => componentsOf(views).map((c) => ({ c, f: componentFacts(c.id, views[c.id]) })), [views])
  const edges = useMemo(() => edgesOf(views), [views])
  const name = (id: string) => componentView(views[id])?.name ?? id
  return (
    <div className="topology-table">
      <table className="data-table">
        <caption>{t('table.components')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.kind')}</th>
            <th scope="col">{t('table.name')}</th>
            <th scope="col">{t('table.state')}</th>
            <th scope="col">{t('table.memory')}</th>
            <th scope="col">{t('table.persisted')}</th>
            <th scope="col">
              <span className="sr-only">{t('table.inspect')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ c, f }) => {
            if (!f) return null
            const Icon = kindIcons[c.kind]
            const texts = factTexts(f, t, lang)
            return (
              <tr key={c.id} data-component-id={c.id} className={component === c.id ? 'is-selected' : ''}>
                <td>
                  <span className="kind-cell">
                    <Icon size={16} />
                    {t(`kind.${c.kind}`)}
                  </span>
                </td>
                <th scope="row">{c.name}</th>
                <td>{texts.state}</td>
                <td>{texts.memory}</td>
                <td>{texts.persisted}</td>
                <td>
                  <button type="button" className="text-button small" onClick={() => selectComponent(c.id)}>
                    {t('table.inspect')}
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <table className="data-table">
        <caption>{t('table.links')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.line')}</th>
            <th scope="col">{t('table.from')}</th>
            <th scope="col">{t('table.to')}</th>
            <th scope="col">{t('table.status')}</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => (
            <tr key={e.id}>
              <td>{t(`edge.${e.kind}`)}</td>
              <td>{name(e.source)}</td>
              <td>{name(e.target)}</td>
              <td>{e.lock === 'closed' ? t('edge.locked') : e.lock === 'open' ? t('edge.unlocked') : e.lock === 'none' ? t('state.unregistered') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
