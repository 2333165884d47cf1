// A titled part of an inspector; memory and persisted sections carry their surface's mark.

import type { ReactNode } from 'react'
import { useT } from '../hooks/useT'
import { ChipIcon, DiskIcon } from '../theme/icons'

export function Section({ title, surface, children, id }: { title: string; surface?: 'memory' | 'persisted'; children: ReactNode; id?: string }) {
  const t = useT()
  return (
    <section className={`inspector-section${surface ? ` surface-${surface}` : ''}`} aria-labelledby={id}>
      <h3 id={id}>
        {surface === 'memory' && <ChipIcon size={15} title={t('surface.memory')} />}
        {surface === 'persisted' && <DiskIcon size={15} title={t('surface.persisted')} />}
        <span>{title}</span>
        {surface && <span className="surface-hint">{surface === 'memory' ? t('surface.memoryHint') : t('surface.persistedHint')}</span>}
      </h3>
      {children}
    </section>
  )
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
