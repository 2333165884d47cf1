// A key ID, shortened, with the whole ID on hover and for screen readers.

import { shortKeyId } from '../reading/keyIds'

export function KeyId({ id }: { id: string | null | undefined }) {
  if (!id) return <span className="muted">—</span>
  return (
    <code className="key-id" title={id}>
      <span aria-hidden="true">{shortKeyId(id)}</span>
      <span className="sr-only">{id}</span>
    </code>
  )
}
