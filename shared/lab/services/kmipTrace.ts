// Reads a KMIP message just enough to narrate it: the operations, the key IDs, attribute names and values, whether
// key material is inside, and the result. The bytes themselves travel unchanged in the event.

import { decodeTtlv, operationName, ResultReason, stateName, Tag, type TtlvItem } from '../../kmip'
import { resultReasonTerm } from '../../i18n/terms'
import type { MessageParam } from '../events'

export interface KmipSummary {
  operations: string[]
  uids: string[]
  attributeNames: string[]
  /** name=value pairs of attributes in a response (Get Attributes). */
  attributeValues: string[]
  keyMaterial: Uint8Array | null
  ok: boolean
  failure: { reason: MessageParam; message: string } | null
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
  const out: KmipSummary = { operations: [], uids: [], attributeNames: [], attributeValues: [], keyMaterial: null, ok: true, failure: null }
  let root: TtlvItem
  try {
    root = decodeTtlv(bytes)
  } catch {
    out.ok = false
    out.failure = { reason: resultReasonTerm(ResultReason.InvalidMessage), message: 'undecodable message' }
    return out
  }
  walk(root, (item, parent) => {
    if (item.tag === Tag.Operation && typeof item.value === 'number') {
      const name = operationName(item.value)
      if (!out.operations.includes(name)) out.operations.push(name)
    } else if (item.tag === Tag.UniqueIdentifier && typeof item.value === 'string') {
      if (!out.uids.includes(item.value)) out.uids.push(item.value)
    } else if (item.tag === Tag.AttributeName && typeof item.value === 'string') {
      out.attributeNames.push(item.value)
      const valueItem = parent?.type === 'Structure' ? (parent.value as TtlvItem[]).find((c) => c.tag === Tag.AttributeValue) : undefined
      if (valueItem) out.attributeValues.push(`${item.value}=${displayValue(item.value, valueItem)}`)
    } else if (item.tag === Tag.KeyMaterial && item.value instanceof Uint8Array) out.keyMaterial = item.value
    else if (item.tag === Tag.ResultStatus && item.value !== 0) out.ok = false
    else if (item.tag === Tag.ResultReason && typeof item.value === 'number') out.failure = { reason: resultReasonTerm(item.value), message: out.failure?.message ?? '' }
    else if (item.tag === Tag.ResultMessage && typeof item.value === 'string') out.failure = { reason: out.failure?.reason ?? '', message: item.value }
  })
  return out
}
