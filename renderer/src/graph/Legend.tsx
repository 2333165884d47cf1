// What the colours and shapes mean, in one line over the graph: the key types, the three forms a key travels in,
// and the neutral token. It can be folded away (and comes back from the same place).

import { useLabActions } from '../hooks/useLabActions'
import { useSettings } from '../hooks/useSettings'
import { useT } from '../hooks/useT'
import { KEY_TYPES } from '../reading/facts'
import { KeyGlyph, PayloadGlyph } from './tokens/KeyGlyph'
import './Legend.css'

export function Legend() {
  const t = useT()
  const { legend } = useSettings()
  const { setSettings } = useLabActions()
  return (
    <section className={`legend${legend ? '' : ' is-folded'}`} aria-label={t('legend.title')}>
      <button type="button" className="legend-toggle" onClick={() => setSettings({ legend: !legend })} aria-expanded={legend} title={legend ? t('legend.hide') : t('legend.show')}>
        {t('legend.title')}
      </button>
      {legend && (
        <ul className="legend-items">
          {KEY_TYPES.map((k) => (
            <li key={k}>
              <KeyGlyph keyType={k} form="material" size={15} />
              {t(`key.${k}`)}
            </li>
          ))}
          <li className="legend-sep" aria-hidden="true" />
          <li>
            <KeyGlyph keyType="kek" form="material" size={15} />
            {t('legend.material')}
          </li>
          <li>
            <KeyGlyph keyType="kek" form="id" size={15} />
            {t('legend.id')}
          </li>
          <li>
            <KeyGlyph keyType="dek" form="wrapped" wrappedBy="kek" size={15} />
            {t('legend.wrapped')}
          </li>
          <li>
            <PayloadGlyph kind="kmip" size={15} />
            {t('legend.payload')}
          </li>
        </ul>
      )}
    </section>
  )
}
