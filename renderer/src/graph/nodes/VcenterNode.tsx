// vCenter: running or stopped, key material passing through (memory — it never stays), and its database:
// key providers with their trust, and how many key IDs it keeps (IDs only).

import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { useComponentFacts } from '../../hooks/useComponentFacts'
import { useT } from '../../hooks/useT'
import { LockIcon } from '../../theme/icons'
import { KeyGlyph } from '../tokens/KeyGlyph'
import { useDetailed } from '../../hooks/useDetailed'
import { idsOnlyNoteKey } from '../../reading/idsOnlyNote'
import { Badge, NodeFrame, Surface } from './NodeParts'

export const VcenterNode = memo(function VcenterNode({ id }: NodeProps) {
  const f = useComponentFacts(id, 'vcenter')
  const detailed = useDetailed()
  const t = useT()
  if (!f) return null
  const ids = f.vmKeyIds + f.hostKeyIds
  return (
    <NodeFrame
      id={id}
      kind="vcenter"
      name={f.name}
      state={f.running ? 'running' : 'stopped'}
      badge={<Badge tone={f.running ? 'good' : 'bad'}>{f.running ? t('state.running') : t('state.stopped')}</Badge>}
    >
      {detailed && (
        <>
          <Surface kind="memory">
            <span className={`chip${f.keysInFlight ? ' chip-warn' : ' is-zero'}`}>{t('node.inFlight', { n: f.keysInFlight })}</span>
          </Surface>
          <Surface kind="persisted">
            {f.providers.length === 0 && <span className="chip is-zero">{t('node.noProviders')}</span>}
            {f.providers.slice(0, 2).map((p) =>
              p.native ? (
                <span key={p.name} className={`chip${p.hasBackup ? ' chip-good' : ' chip-warn'}`} title={`${t('inspector.nativeProvider')} · ${p.hasBackup ? t('inspector.backedUp') : t('inspector.notBackedUp')}`}>
                  <KeyGlyph keyType="kdk" form="material" size={12} />
                  {p.name}
                  {p.isDefault ? ' ★' : ''}
                </span>
              ) : (
                <span key={p.name} className={`chip${p.trustMode ? ' chip-good' : ''}`} title={p.trustMode ? t('state.trusted') : t('state.untrusted')}>
                  <LockIcon size={12} open={!p.trustMode} />
                  {p.name}
                  {p.isDefault ? ' ★' : ''}
                </span>
              )
            )}
          </Surface>
          <Surface kind="persisted">
            <span className={`chip chip-ids${ids ? '' : ' is-zero'}`} title={t(idsOnlyNoteKey(f.providers))}>
              {t('node.keyIds', { n: ids })} · {t('node.idsOnly')}
            </span>
          </Surface>
        </>
      )}
    </NodeFrame>
  )
})
