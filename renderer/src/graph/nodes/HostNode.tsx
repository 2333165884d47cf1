// An ESXi host: crypto state, key cache by key type and running VMs (memory), core dumps and TPM (persisted).

import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { useComponentFacts } from '../../hooks/useComponentFacts'
import { useT } from '../../hooks/useT'
import { CrashIcon, PowerIcon } from '../../theme/icons'
import { useDetailed } from '../../hooks/useDetailed'
import { Badge, KeyCount, NodeFrame, Surface } from './NodeParts'
import { useLanguage } from '../../hooks/useLanguage'
import { hostStateName } from '../../reading/kmipStates'

const stateTone: Record<string, string> = { safe: 'good', prepared: 'info', incapable: 'muted', pendingIncapable: 'warn' }

export const HostNode = memo(function HostNode({ id }: NodeProps) {
  const f = useComponentFacts(id, 'host')
  const detailed = useDetailed()
  const t = useT()
  const lang = useLanguage()
  if (!f) return null
  return (
    <NodeFrame id={id} kind="host" name={f.name} badge={<Badge tone={stateTone[f.cryptoState] ?? 'muted'}>{hostStateName(f.cryptoState, lang)}</Badge>}>
      {detailed && (
        <>
          <Surface kind="memory">
            <KeyCount type="hostKey" n={f.cache.hostKey} />
            <KeyCount type="kek" n={f.cache.kek} />
            <KeyCount type="dek" n={f.cache.dek} />
            <span className={`chip${f.runningVms ? '' : ' is-zero'}`} title={t('node.vmsRunning', { n: f.runningVms })}>
              <PowerIcon size={12} />
              {f.runningVms}
            </span>
          </Surface>
          <Surface kind="persisted">
            <span className={`chip${f.coreDumps ? ' chip-warn' : ' is-zero'}`} title={t('node.dumps', { n: f.coreDumps })}>
              <CrashIcon size={12} />
              {f.coreDumps}
            </span>
            {f.keyPersistence && (
              <span className="chip chip-info" title={t('inspector.keyPersistence')}>
                {t('node.tpm')}
              </span>
            )}
          </Surface>
        </>
      )}
    </NodeFrame>
  )
})
