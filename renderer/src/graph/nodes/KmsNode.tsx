// A KMS server: running or stopped, its open KMIP sessions (memory) and its key store by KMIP state (persisted).

import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { KMIP_STATES } from '../../reading/facts'
import { kmipStateName } from '../../reading/kmipStates'
import { useComponentFacts } from '../../hooks/useComponentFacts'
import { useT } from '../../hooks/useT'
import { useDetailed } from '../../hooks/useDetailed'
import { Badge, NodeFrame, Surface } from './NodeParts'
import { useLanguage } from '../../hooks/useLanguage'

export const KmsNode = memo(function KmsNode({ id }: NodeProps) {
  const f = useComponentFacts(id, 'kms')
  const detailed = useDetailed()
  const t = useT()
  const lang = useLanguage()
  if (!f) return null
  return (
    <NodeFrame
      id={id}
      kind="kms"
      name={f.name}
      state={f.running ? 'running' : 'stopped'}
      badge={<Badge tone={f.running ? 'good' : 'bad'}>{f.external ? t('state.external') : f.running ? t('state.running') : t('state.stopped')}</Badge>}
    >
      {detailed && (
        <>
          <Surface kind="memory">
            <span className={`chip${f.sessions ? '' : ' is-zero'}`}>{t('node.sessions', { n: f.sessions })}</span>
          </Surface>
          <Surface kind="persisted">
            {f.keyCount === 0 ? (
              <span className="chip is-zero">{t('node.noKeys')}</span>
            ) : (
              KMIP_STATES.filter((s) => f.keysByState[s] > 0).map((s) => (
                <span key={s} className={`chip kmip-state kmip-state-${s}`} title={kmipStateName(s, lang)}>
                  {f.keysByState[s]} {kmipStateName(s, lang)}
                </span>
              ))
            )}
          </Surface>
        </>
      )}
    </NodeFrame>
  )
})
