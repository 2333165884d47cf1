// Reads a KMIP message just enough to narrate it: the operations, the key IDs, attribute names and values, whether
// key material is inside, and the result. The bytes themselves travel unchanged in the event.

import { decodeTtlv, operationName, ResultStatus, stateName, Tag, type TtlvItem } from '../../kmip'

export interface KmipSummary {
  operations: string[]
  uids: string[]
  attributeNames: string[]
  /** name=value pairs of attributes in a response (Get Attributes). */
  attributeValues: string[]
  keyMaterial: Uint8Array | null
  ok: boolean
  /** The bytes are no TTLV at all (then `ok` is false and there is no failure to read). */
  undecodable: boolean
  /** The first failed batch item: its Operation and Result Reason codes and the server's Result Message. */
  failure: { operation: number | undefined; reason: number | undefined; message: string } | null
}

function walk(item: TtlvItem, visit: (item: TtlvItem, parent: TtlvItem | null) => void, parent: TtlvItem | null = null): void {
  visit(item, parent)
  if (item.type === 'Structure') for (const child of item.value as TtlvItem[]) walk(child, visit, item)
}

function displayValue(name: string, item: TtlvItem): string {
  if (name === 'State' && typeof item.value === 'number') return stateName(item.value)
  if (item.type === 'Structure') return '…'
  if (item.value instanceof Uint8Array) return `${item.value.length} bytes`
  return String(item.value)
}

export function summarizeKmip(bytes: Uint8Array): KmipSummary {
  const out: KmipSummary = { operations: [], uids: [], attributeNames: [], attributeValues: [], keyMaterial: null, ok: true, undecodable: false, failure: null }
  let root: TtlvItem
  try {
    root = decodeTtlv(bytes)
  } catch {
    out.ok = false
    out.undecodable = true
    return out
  }
  // A batch item names its Operation before its result: the last Operation seen is that of the item being read.
  let operation: number | undefined
  let inFailedItem = false
  walk(root, (item, parent) => {
    if (item.tag === Tag.Operation && typeof item.value === 'number') {
      operation = item.value
      inFailedItem = false
      const name = operationName(item.value)
      if (!out.operations.includes(name)) out.operations.push(name)
    } else if (item.tag === Tag.UniqueIdentifier && typeof item.value === 'string') {
      if (!out.uids.includes(item.value)) out.uids.push(item.value)
    } else if (item.tag === Tag.AttributeName && typeof item.value === 'string') {
      out.attributeNames.push(item.value)
      const valueItem = parent?.type === 'Structure' ? (parent.value as TtlvItem[]).find((c) => c.tag === Tag.AttributeValue) : undefined
      if (valueItem) out.attributeValues.push(`${item.value}=${displayValue(item.value, valueItem)}`)
    } else if (item.tag === Tag.KeyMaterial && item.value instanceof Uint8Array) out.keyMaterial = item.value
    else if (item.tag === Tag.ResultStatus && item.value !== ResultStatus.Success) {
      out.ok = false
      // the first failed item is the refusal (items undone because of it come before it and carry no reason)
      if (item.value === ResultStatus.OperationFailed && !out.failure) {
        out.failure = { operation, reason: undefined, message: '' }
        inFailedItem = true
      }
    } else if (inFailedItem && out.failure && item.tag === Tag.ResultReason && typeof item.value === 'number') out.failure.reason = item.value
    else if (inFailedItem && out.failure && item.tag === Tag.ResultMessage && typeof item.value === 'string') out.failure.message = item.value
  })
  return out
}
