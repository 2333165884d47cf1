// How a key looks wherever it appears (tokens, legend, key caches): the colour says which key (host key, KEK, DEK,
// one-time key); a solid disc is key material, an outlined ring only the key's ID, an envelope a key wrapped by
// another (the flap takes the wrapping key's colour). Payload without keys is a neutral disc with its kind's icon.

import type { KeyType } from '../../../../shared/lab/model'
import type { PayloadKind, TravelForm } from '../../../../shared/lab/events'
import './tokens.css'

export function KeyGlyph({ keyType, form, wrappedBy, size = 18, title }: { keyType: KeyType; form: TravelForm; wrappedBy?: KeyType; size?: number; title?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" className={`glyph glyph-${form} kt-${keyType}${wrappedBy ? ` by-${wrappedBy}` : ''}`} role={title ? 'img' : undefined} aria-hidden={title ? undefined : true}>
      {title && <title>{title}</title>}
      {form === 'material' && (
        <>
          <circle cx="12" cy="12" r="10.5" className="glyph-fill" />
          <circle cx="8.6" cy="12" r="3" className="glyph-cut" />
          <path d="M11.6 12h7.2M16.4 12v2.6M18.6 12v2" className="glyph-cut-line" />
        </>
      )}
      {form === 'id' && (
        <>
          <circle cx="12" cy="12" r="9.6" className="glyph-ring" />
          <text x="12" y="15.6" textAnchor="middle" className="glyph-id">
            ID
          </text>
        </>
      )}
      {form === 'wrapped' && (
        <>
          <rect x="2" y="5" width="20" height="14" rx="2.2" className="glyph-fill" />
          <path d="M2.8 6.2 12 13.2l9.2-7" className="glyph-flap" />
        </>
      )}
    </svg>
  )
}

const payloadPaths: Record<PayloadKind, string> = {
  certificate: 'M7 8h10M7 11.5h6M15 16.5l1 3 1-3',
  csr: 'M7 8h10M7 11.5h6M12 15v4M10 17h4',
  privateKey: 'M9 12a3 3 0 1 0 0 .1M12 12h6M16 12v2',
  disk: 'M6 8h12v8H6zM9 12h.01',
  vmx: 'M8 7h8M8 11h8M8 15h5',
  descriptor: 'M8 7h8M8 11h8M8 15h5',
  coreDump: 'M13 5 8 13h4l-1 6 5-8h-4z',
  memory: 'M7 8h10v8H7zM9.5 6v2M14.5 6v2M9.5 16v2M14.5 16v2',
  kmip: 'M6 8h12v7h-7l-3 3v-3H6z',
  command: 'M7 9l3 3-3 3M12 15h5'
}

export function PayloadGlyph({ kind, encrypted, size = 18, title }: { kind: PayloadKind; encrypted?: boolean; size?: number; title?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" className={`glyph glyph-payload${encrypted ? ' is-encrypted' : ''}`} role={title ? 'img' : undefined} aria-hidden={title ? undefined : true}>
      {title && <title>{title}</title>}
      <circle cx="12" cy="12" r="10.5" className="glyph-fill" />
      <path d={payloadPaths[kind]} className="glyph-cut-line" />
      {encrypted && <circle cx="18.5" cy="5.5" r="4" className="glyph-lock" />}
    </svg>
  )
}
