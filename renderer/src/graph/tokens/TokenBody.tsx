// The token's face: a capsule of key glyphs, or a neutral payload glyph.

import { memo } from 'react'
import { useT } from '../../hooks/useT'
import { KeyGlyph, PayloadGlyph } from './KeyGlyph'
import type { TokenVisual } from './tokenVisual'

/** The red ✗ of a refused connection or request. */
export function RefusedMark() {
  const t = useT()
  return (
    <span className="refused-mark" role="img" aria-label={t('graph.refused')} title={t('graph.refused')}>
      ✗
    </span>
  )
}

export const TokenBody = memo(function TokenBody({ visual }: { visual: TokenVisual }) {
  const t = useT()
  return (
    <span className={`token-body tone-${visual.tone}`}>
      {visual.keys.map((k, i) => (
        <KeyGlyph key={i} keyType={k.keyType} form={k.form} wrappedBy={k.wrappedBy} size={26} title={`${t(`key.${k.keyType}`)}: ${k.form === 'wrapped' && k.wrappedBy ? t('form.wrapped', { by: t(`key.${k.wrappedBy}`) }) : t(`form.${k.form}`)}`} />
      ))}
      {visual.keys.length === 0 && (
        <PayloadGlyph kind={visual.payload?.kind ?? 'command'} encrypted={visual.payload?.encrypted} size={24} title={visual.payload ? t(`payload.${visual.payload.kind}`) : undefined} />
      )}
      {visual.refused && <RefusedMark />}
    </span>
  )
})
