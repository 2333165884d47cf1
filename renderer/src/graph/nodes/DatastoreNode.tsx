// A datastore: how many files it holds and how many .vmx files carry a key safe (wrapped DEKs, never keys in clear).

import { memo } from 'react'
import type { NodeProps } from '@xyflow/react'
import { useComponentFacts } from '../../hooks/useComponentFacts'
import { useT } from '../../hooks/useT'
import { FileIcon, ShieldIcon } from '../../theme/icons'
import { useDetailed } from '../../hooks/useDetailed'
import { NodeFrame, Surface } from './NodeParts'

export const DatastoreNode = memo(function DatastoreNode({ id }: NodeProps) {
  const f = useComponentFacts(id, 'datastore')
  const detailed = useDetailed()
  const t = useT()
  if (!f) return null
  return (
    <NodeFrame id={id} kind="datastore" name={f.name}>
      {detailed && (
        <Surface kind="persisted">
          <span className={`chip${f.files ? '' : ' is-zero'}`}>
            <FileIcon size={12} />
            {t('node.files', { n: f.files })}
          </span>
          <span className={`chip${f.keySafes ? ' chip-good' : ' is-zero'}`} title={t('inspector.bundleNote')}>
            <ShieldIcon size={12} />
            {t('node.keySafes', { n: f.keySafes })}
          </span>
        </Surface>
      )}
    </NodeFrame>
  )
})
