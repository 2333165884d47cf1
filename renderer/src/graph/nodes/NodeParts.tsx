// Pieces every node is made of: the frame with its icon, name and state badge, the two surfaces (memory, which a
// reboot wipes, and persisted, which survives), and key counts by type. Nodes have no handles: nothing connects in
// this graph, and the lines are drawn from the layout (edges/EdgeLayer.tsx).

import type { ReactNode } from 'react'
import { useBoxOnly } from '../../hooks/useBoxOnly'
import { useIsSelected } from '../../hooks/useIsSelected'
import type { KeyType } from '../../../../shared/lab/model'
import { useT } from '../../hooks/useT'
import { ChipIcon, DiskIcon, kindIcons } from '../../theme/icons'
import type { ComponentKind } from '../../reading/facts'
import { KeyGlyph } from '../tokens/KeyGlyph'
import './nodes.css'

export function NodeFrame(props: {
  id: string
  kind: ComponentKind
  name: string
  badge?: ReactNode
  state?: string
  children?: ReactNode
}) {
  const Icon = kindIcons[props.kind]
  const selected = useIsSelected(props.id)
  const boxOnly = useBoxOnly()
  const t = useT()
  if (boxOnly)
    return (
      <div
        className={`node node-${props.kind} is-box${props.state ? ` is-${props.state}` : ''}${selected ? ' is-selected' : ''}`}
        data-component={props.id}
        title={`${t(`kind.${props.kind}`)} ${props.name}`}
      />
    )
  return (
    <div className={`node node-${props.kind}${props.state ? ` is-${props.state}` : ''}${selected ? ' is-selected' : ''}`} data-component={props.id}>
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
