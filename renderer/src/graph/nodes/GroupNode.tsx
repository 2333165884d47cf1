// The box around a key provider's KMS servers or a cluster's hosts, VMs and datastore.

import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { VCENTER_ID } from '../../../../shared/lab/ids'
import type { ProviderRecord } from '../../../../shared/lab/model'
import { viewOfKind, type ViewOfPart } from '../../../../shared/lab/readView'
import { useEntityView } from '../../hooks/useEntityView'
import { useT } from '../../hooks/useT'
import { LockIcon } from '../../theme/icons'
import { KeyGlyph } from '../tokens/KeyGlyph'
import type { GroupNodeData } from '../flowModel'

export const GroupNode = memo(function GroupNode({ data }: NodeProps) {
  const { groupKind, name } = data as GroupNodeData
  const t = useT()
  const vcenter = useEntityView(VCENTER_ID)
  if (groupKind === 'cluster') {
    return (
      <div className="group group-cluster">
        <span className="group-kind">{t('field.cluster')}</span>
        <span className="group-label" title={name}>
          {name}
        </span>
      </div>
    )
  }
  const vc = viewOfKind(vcenter, 'vcenter')
  const provider: ViewOfPart<ProviderRecord> | undefined = vc?.persisted?.providers?.[name]
  const registered = provider !== undefined
  const trusted = registered && (provider.trust?.mode ?? null) !== null
  const isDefault = vc?.persisted?.defaultProvider === name
  if (provider?.type === 'native') {
    // no KMS servers and no trust to establish: the KDK and whether the provider is backed up are what matter
    const backed = provider.native?.hasBackup === true
    return (
      <div className={`group group-provider group-native${backed ? ' is-trusted' : ''}`}>
        <span className="group-kind">{t('inspector.nativeProvider')}</span>
        <span className="group-label">
          {name}
          {isDefault && (
            <span className="group-tag" title={t('group.default')}>
              ★
            </span>
          )}
          <span className="group-trust" title={backed ? t('inspector.backedUp') : t('inspector.notBackedUp')}>
            <KeyGlyph keyType="kdk" form="material" size={13} />
            <span className="sr-only">{backed ? t('inspector.backedUp') : t('inspector.notBackedUp')}</span>
          </span>
        </span>
      </div>
    )
  }
  return (
    <div className={`group group-provider${trusted ? ' is-trusted' : ''}`}>
      <span className="group-kind">{t('field.provider')}</span>
      <span className="group-label">
        {name}
        {isDefault && (
          <span className="group-tag" title={t('group.default')}>
            ★
          </span>
        )}
        <span className={`group-trust${trusted ? ' is-trusted' : ''}`} title={registered ? (trusted ? t('edge.locked') : t('edge.unlocked')) : t('state.unregistered')}>
          <LockIcon size={13} open={!trusted} />
          <span className="sr-only">{registered ? (trusted ? t('state.trusted') : t('state.untrusted')) : t('state.unregistered')}</span>
        </span>
      </span>
    </div>
  )
})
