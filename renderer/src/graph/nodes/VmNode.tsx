// A VM: power state and encryption (not encrypted, unlocked or locked) at a glance.

import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { useComponentFacts } from '../../hooks/useComponentFacts'
import { useT } from '../../hooks/useT'
import { LockIcon, ShieldIcon } from '../../theme/icons'
import { useDetailed } from '../../hooks/useDetailed'
import { Badge, NodeFrame } from './NodeParts'

export const VmNode = memo(function VmNode({ id }: NodeProps) {
  const f = useComponentFacts(id, 'vm')
  const detailed = useDetailed()
  const t = useT()
  if (!f) return null
  const on = f.power === 'poweredOn'
  const state = f.cryptoState === 'locked' ? 'locked' : on ? 'on' : 'off'
  return (
    <NodeFrame
      id={id}
      kind="vm"
      name={f.name}
      state={state}
      badge={
        <Badge tone={on ? 'good' : 'muted'} title={t('inspector.power')}>
          <span className={`power-dot${on ? ' is-on' : ''}`} aria-hidden="true" />
          {on ? t('state.poweredOn') : t('state.poweredOff')}
        </Badge>
      }
    >
      {detailed && (
        <div className="vm-line">
          {f.cryptoState === null ? (
            <span className="chip is-zero" title={t('state.clear')}>
              {t('state.clear')}
            </span>
          ) : f.cryptoState === 'locked' ? (
            <span className="chip chip-bad" title={`${t('state.encrypted')}, ${t('state.locked')}`}>
              <LockIcon size={12} />
              {t('state.locked')}
            </span>
          ) : (
            <span className="chip chip-good" title={`${t('state.encrypted')}, ${t('state.unlocked')}`}>
              <ShieldIcon size={12} />
              {t('state.encrypted')}
            </span>
          )}
          {f.connectionState === 'invalid' && <span className="chip chip-bad">{t('state.invalid')}</span>}
          {f.ftSecondary && <span className="chip" title={t('node.ftSecondary', { host: f.ftSecondary })}>FT → {f.ftSecondary}</span>}
        </div>
      )}
    </NodeFrame>
  )
})
