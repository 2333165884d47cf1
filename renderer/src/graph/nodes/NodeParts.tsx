// Pieces every node is made of: the frame with its icon, name and state badge, the two surfaces (memory, which a
// reboot wipes, and persisted, which survives), key counts by type, and invisible handles React Flow needs to
// attach lines (our lines draw their own curves from the layout).

import { Handle, Position, useStore } from '@xyflow/react'
import { memo, type ReactNode } from 'react'
import type { KeyType } from '../../../../shared/lab/model'
import { useLabStore } from '../../hooks/useLabStore'
import { useT } from '../../hooks/useT'
import { ChipIcon, DiskIcon, kindIcons } from '../../theme/icons'
import type { ComponentKind } from '../../model/facts'
import { KeyGlyph } from '../tokens/KeyGlyph'

/** Below this zoom the nodes show only icon, name and state: details would be unreadable and cost frames. */
export const DETAIL_ZOOM = 0.45

export function useDetailed(): boolean {
  return useStore((s) => s.transform[2] >= DETAIL_ZOOM)
}

export function useSelected(id: string): boolean {
  return useLabStore((s) => s.selection.component === id)
}

export const Handles = memo(function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className="node-handle" />
      <Handle type="source" position={Position.Right} isConnectable={false} className="node-handle" />
    </>
  )
})

export function NodeFrame(props: {
  id: string
  kind: ComponentKind
  name: string
  badge?: ReactNode
  state?: string
  children?: ReactNode
}) {
  const Icon = kindIcons[props.kind]
  const selected = useSelected(props.id)
  const t = useT()
  return (
    <div className={`node node-${props.kind}${props.state ? ` is-${props.state}` : ''}${selected ? ' is-selected' : ''}`} data-component={props.id}>
      <Handles />
      <div className="node-head">
        <Icon className="node-icon" size={20} />
        <span className="node-name" title={props.name}>
          <span className="sr-only">{t(`kind.${props.kind}`)} </span>
          {props.name}
        </span>
        {props.badge}
      </div>
      {props.children}
    </div>
  )
}

export function Surface({ kind, children }: { kind: 'memory' | 'persisted'; children: ReactNode }) {
  const t = useT()
  const label = kind === 'memory' ? t('surface.memory') : t('surface.persisted')
  const hint = kind === 'memory' ? t('surface.memoryHint') : t('surface.persistedHint')
  return (
    <div className={`surface surface-${kind}`} title={`${label}: ${hint}`}>
      {kind === 'memory' ? <ChipIcon size={14} className="surface-icon" /> : <DiskIcon size={14} className="surface-icon" />}
      <span className="sr-only">{label}: </span>
      <span className="surface-items">{children}</span>
    </div>
  )
}

export function KeyCount({ type, n }: { type: KeyType; n: number }) {
  const t = useT()
  return (
    <span className={`key-count${n === 0 ? ' is-zero' : ''}`} title={`${t(`key.${type}`)}: ${n}`}>
      <KeyGlyph keyType={type} form="material" size={14} />
      <span className="sr-only">{t(`key.${type}`)}</span>
      {n}
    </span>
  )
}

export function Badge({ tone, children, title }: { tone: string; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  )
}
