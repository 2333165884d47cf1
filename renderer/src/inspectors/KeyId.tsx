// A key ID, shortened, with the whole ID on hover and for screen readers.

export function KeyId({ id }: { id: string | null | undefined }) {
  if (!id) return <span className="muted">—</span>
  const short = id.length > 14 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id
  return (
    <code className="key-id" title={id}>
      <span aria-hidden="true">{short}</span>
      <span className="sr-only">{id}</span>
    </code>
  )
}
