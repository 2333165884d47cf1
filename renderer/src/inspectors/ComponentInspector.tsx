// A component at the step shown: its header and the inspector for its kind.

import { componentView } from '../../../shared/lab/readView'
import { useComponentFacts } from '../hooks/useComponentFacts'
import { opsFor } from '../actions/catalog'
import { useCursor } from '../hooks/useCursor'
import { useEntityView } from '../hooks/useEntityView'
import { useFilter } from '../hooks/useFilter'
import { useIsViewer } from '../hooks/useFollow'
import { useLabActions } from '../hooks/useLabActions'
import { useLabStore } from '../hooks/useLabStore'
import { useT } from '../hooks/useT'
import { kindIcons, FilterIcon } from '../theme/icons'
import { DatastoreInspector } from './DatastoreInspector'
import { HostInspector } from './HostInspector'
import { KmsInspector } from './KmsInspector'
import { VcenterInspector } from './VcenterInspector'
import { VmInspector } from './VmInspector'

export function ComponentInspector({ id }: { id: string }) {
  const t = useT()
  const viewer = useIsViewer()
  const view = useEntityView(id)
  const live = useLabStore((s) => s.timeline?.live[id])
  const cursor = useCursor()
  const filter = useFilter()
  const a = useLabActions()
  const component = componentView(view)
  const shown = component ?? componentView(live)
  const name = shown?.name ?? id
  const facts = useComponentFacts(id)
  if (!shown) return null
  const kind = shown.kind
  const Icon = kindIcons[kind]
  const ops = opsFor(kind)
  return (
    <article className="component-inspector" data-component={id}>
      <header className="inspector-head">
        <Icon size={22} />
        <div>
          <h2>{name}</h2>
          <p className="muted small">
            {t(`kind.${kind}`)} · {t('inspector.atStep', { seq: cursor })}
          </p>
        </div>
        <div className="inspector-tools">
          {ops.length > 0 && !viewer && (
            <button
              type="button"
              className="text-button small"
              onClick={(e) => {
                const r = e.currentTarget.getBoundingClientRect()
                a.openMenu(id, r.left, r.bottom + 4)
              }}
            >
              {t('inspector.actions')} ▾
            </button>
          )}
          <button
            type="button"
            className={`icon-button small${filter.components?.length === 1 && filter.components[0] === id ? ' is-on' : ''}`}
            title={t('inspector.filterEvents')}
            aria-label={t('inspector.filterEvents')}
            onClick={() => a.setFilter({ ...filter, components: filter.components?.length === 1 && filter.components[0] === id ? null : [id] })}
          >
            <FilterIcon size={15} />
          </button>
        </div>
      </header>
      {!component || !facts ? (
        <p className="note">{t('inspector.gone', { name })}</p>
      ) : component.kind === 'host' ? (
        <HostInspector id={id} view={component} />
      ) : component.kind === 'vm' ? (
        <VmInspector id={id} view={component} />
      ) : component.kind === 'datastore' ? (
        <DatastoreInspector id={id} view={component} />
      ) : component.kind === 'kms' ? (
        <KmsInspector id={id} view={component} />
      ) : (
        <VcenterInspector id={id} view={component} />
      )}
    </article>
  )
}
