// A told sentence with its key IDs short (first 8 and last 4 hex digits), each whole on hover: the narration and
// the presenter's notes view tell the same sentences.

import { splitKeyIds } from '../reading/keyIds'
import './ToldText.css'

export function ToldText({ text }: { text: string }) {
  return (
    <>
      {splitKeyIds(text).map((p, i) =>
        'keyId' in p ? (
          <span key={i} className="told-key-id" title={p.keyId}>
            {p.short}
          </span>
        ) : (
          p.text
        )
      )}
    </>
  )
}
