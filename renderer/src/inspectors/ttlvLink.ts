// Wireshark's linked panes for KMIP: the TTLV tree (from the KMIP code's describeTtlv) and the message bytes. Each
// tree node knows its byte range; a byte belongs to the deepest node whose range holds it.

import type { TtlvDescription } from '../../../shared/kmip'

export interface FlatNode {
  /** Position in the flattened tree: a stable key and an index for highlighting. */
  index: number
  depth: number
  node: TtlvDescription
}

export function flattenTtlv(root: TtlvDescription): FlatNode[] {
  const out: FlatNode[] = []
  const walk = (node: TtlvDescription, depth: number) => {
    out.push({ index: out.length, depth, node })
    for (const c of node.children ?? []) walk(c, depth + 1)
  }
  walk(root, 0)
  return out
}

/** The deepest node whose bytes include `offset` (the last one in document order is the deepest). */
export function nodeAtOffset(flat: readonly FlatNode[], offset: number): FlatNode | null {
  let found: FlatNode | null = null
  for (const f of flat) if (offset >= f.node.offset && offset < f.node.offset + f.node.length) found = f
  return found
}

/** The byte range of a node: header (tag, type, length = 8 bytes) and the rest. */
export function nodeRange(node: TtlvDescription): { start: number; end: number; headerEnd: number } {
  return { start: node.offset, end: node.offset + node.length, headerEnd: node.offset + 8 }
}
