// Which events the timeline shows and plays: by component, key type and kind of event (e.g. hide KMIP detail).

import { useMemo } from 'react'
import { useFilter } from '../hooks/useFilter'
import { useLabActions } from '../hooks/useLabActions'
import { useLiveViews } from '../hooks/useLiveViews'
import { useT } from '../hooks/useT'
import { useLabStore } from '../hooks/useLabStore'
import { componentsOf } from '../reading/topology'
import { GROUP_ORDER, KEY_FILTERS, SHOW_ALL, isFiltering, type EventFilter, type KeyFilter, type KindGroup } from '../playback/filters'
import { FilterIcon } from '../theme/icons'
import { Popover } from '../ui/Popover'
import { KeyGlyph } from '../graph/tokens/KeyGlyph'

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
}

export function FilterMenu() {
  const t = useT()
  const filter = useFilter()
  const { setFilter } = useLabActions()
  const live = useLiveViews()
  const components = useMemo(() => componentsOf(live), [live])
  const hidden = useLabStore((s) => (s.timeline ? s.timeline.events.length - s.visible.length : 0))
  const set = (f: EventFilter) => setFilter(f)
  const active = isFiltering(filter)
  return (
    <Popover
      role="dialog"
      className="filter-menu"
      align="end"
      ariaLabel={t('filter.title')}
      label={
        <>
          <FilterIcon size={16} />
          <span>{active ? t('filter.active', { n: hidden }) : t('filter.title')}</span>
        </>
      }
    >
      {() => (
        <div className="filter-panel">
          <fieldset>
            <legend>{t('filter.kinds')}</legend>
            {GROUP_ORDER.map((g: KindGroup) => (
              <label key={g} className="check">
                <input type="checkbox" checked={filter.groups.includes(g)} onChange={() => set({ ...filter, groups: toggle(filter.groups, g) })} />
                {t(`filter.${g}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('filter.keyTypes')}</legend>
            {KEY_FILTERS.map((k: KeyFilter) => (
              <label key={k} className="check">
                <input type="checkbox" checked={filter.keyTypes.includes(k)} onChange={() => set({ ...filter, keyTypes: toggle(filter.keyTypes, k) })} />
                {k !== 'none' && <KeyGlyph keyType={k} form="material" size={14} />}
                {t(`key.${k}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('filter.components')}</legend>
            <label className="check">
              <input type="checkbox" checked={filter.components === null} onChange={() => set({ ...filter, components: filter.components === null ? [] : null })} />
              {t('filter.allComponents')}
            </label>
            <div className="filter-components">
              {components.map((c) => (
                <label key={c.id} className="check">
                  <input
                    type="checkbox"
                    checked={filter.components === null || filter.components.includes(c.id)}
                    onChange={() => set({ ...filter, components: toggle(filter.components ?? components.map((x) => x.id), c.id) })}
                  />
                  {c.name}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="button" className="text-button" onClick={() => set(SHOW_ALL)} disabled={!active}>
            {t('filter.reset')}
          </button>
        </div>
      )}
    </Popover>
  )
}
