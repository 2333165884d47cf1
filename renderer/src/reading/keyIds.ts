// Key IDs as people read them: a UUID in a sentence is 36 characters the room cannot hold in mind and that push the
// sentence onto a third line. The first 8 and last 4 hex digits tell keys apart; the whole ID stays on hover and in
// the inspectors.

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi

/** `1f2e3d4c-…-…9a8b` → `1f2e3d4c…9a8b`; IDs of 14 characters or fewer stay as they are. */
export function shortKeyId(id: string): string {
  return id.length > 14 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id
}

export type TextPart = { text: string } | { keyId: string; short: string }

/** A sentence cut into plain text and the key IDs (UUIDs) in it, in order. */
export function splitKeyIds(sentence: string): TextPart[] {
  const parts: TextPart[] = []
  let at = 0
  for (const m of sentence.matchAll(UUID)) {
    if (m.index > at) parts.push({ text: sentence.slice(at, m.index) })
    parts.push({ keyId: m[0], short: shortKeyId(m[0]) })
    at = m.index + m[0].length
  }
  if (at < sentence.length) parts.push({ text: sentence.slice(at) })
  return parts
}
