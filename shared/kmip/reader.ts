// Reads the children of a KMIP structure in spec order. KMIP fixes the order of fields inside every structure,
// so a field out of place or left over is an error, not something to skip.

import { ResultReason, formatEnumCode } from './enums'
import { KmipResultError, invalidField } from './errors'
import { describeTag } from './tags'
import type { TtlvItem, TtlvType } from './ttlv'

export interface ReaderReasons {
  /** Reason for a field of the wrong type or an unexpected field. */
  invalid: ResultReason
  /** Reason for a required field that is absent. */
  missing: ResultReason
}

export const PAYLOAD_REASONS: ReaderReasons = { invalid: ResultReason.InvalidField, missing: ResultReason.MissingData }
export const MESSAGE_REASONS: ReaderReasons = { invalid: ResultReason.InvalidMessage, missing: ResultReason.InvalidMessage }

export function expectStructure(item: TtlvItem, tag: number, reasons: ReaderReasons = PAYLOAD_REASONS): TtlvItem[] {
  if (item.tag !== tag) {
    throw new KmipResultError(reasons.invalid, `expected ${describeTag(tag)}, got ${describeTag(item.tag)}`)
  }
  if (item.type !== 'Structure') {
    throw new KmipResultError(reasons.invalid, `${describeTag(tag)} must be a Structure, got ${item.type}`)
  }
  return item.value as TtlvItem[]
}

export class StructureReader {
  private index = 0

  constructor(
    private readonly items: readonly TtlvItem[],
    /** Named in error messages: 'Request Header', 'Create request payload'. */
    private readonly where: string,
    private readonly reasons: ReaderReasons = PAYLOAD_REASONS
  ) {}

  /** True if the next field has this tag (whatever its type). */
  peek(tag: number): boolean {
    return this.index < this.items.length && this.items[this.index].tag === tag
  }

  /** The next field, whatever it is. */
  next(): TtlvItem | undefined {
    return this.index < this.items.length ? this.items[this.index++] : undefined
  }

  optional(tag: number, type: TtlvType): TtlvItem | undefined {
    if (!this.peek(tag)) return undefined
    const item = this.items[this.index++]
    if (item.type !== type) {
      throw new KmipResultError(this.reasons.invalid, `${describeTag(tag)} in ${this.where} must be ${type}, got ${item.type}`)
    }
    return item
  }

  required(tag: number, type: TtlvType): TtlvItem {
    const item = this.optional(tag, type)
    if (item === undefined) {
      const found = this.index < this.items.length ? ` (found ${describeTag(this.items[this.index].tag)} in its place)` : ''
      throw new KmipResultError(this.reasons.missing, `${this.where} lacks ${describeTag(tag)}${found}`)
    }
    return item
  }

  many(tag: number, type: TtlvType): TtlvItem[] {
    const out: TtlvItem[] = []
    for (let item = this.optional(tag, type); item !== undefined; item = this.optional(tag, type)) out.push(item)
    return out
  }

  optionalText(tag: number): string | undefined {
    return this.optional(tag, 'TextString')?.value as string | undefined
  }

  requiredText(tag: number): string {
    return this.required(tag, 'TextString').value as string
  }

  optionalEnum(tag: number): number | undefined {
    return this.optional(tag, 'Enumeration')?.value as number | undefined
  }

  requiredEnum(tag: number): number {
    return this.required(tag, 'Enumeration').value as number
  }

  optionalInteger(tag: number): number | undefined {
    return this.optional(tag, 'Integer')?.value as number | undefined
  }

  requiredInteger(tag: number): number {
    return this.required(tag, 'Integer').value as number
  }

  optionalBoolean(tag: number): boolean | undefined {
    return this.optional(tag, 'Boolean')?.value as boolean | undefined
  }

  optionalBytes(tag: number): Uint8Array | undefined {
    return this.optional(tag, 'ByteString')?.value as Uint8Array | undefined
  }

  optionalDateTime(tag: number): number | undefined {
    const item = this.optional(tag, 'DateTime')
    return item === undefined ? undefined : dateTimeSeconds(item, this.reasons.invalid)
  }

  optionalStructure(tag: number): TtlvItem[] | undefined {
    return this.optional(tag, 'Structure')?.value as TtlvItem[] | undefined
  }

  requiredStructure(tag: number): TtlvItem[] {
    return this.required(tag, 'Structure').value as TtlvItem[]
  }

  /** Every field must have been consumed. */
  end(): void {
    if (this.index < this.items.length) {
      const item = this.items[this.index]
      throw new KmipResultError(this.reasons.invalid, `unexpected ${describeTag(item.tag)} (${item.type}) in ${this.where}`)
    }
  }
}

/** A DateTime as POSIX seconds; values a JS number cannot hold exactly are refused. */
export function dateTimeSeconds(item: TtlvItem, reason: ResultReason = ResultReason.InvalidField): number {
  const v = item.value
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : NaN
  if (!Number.isSafeInteger(n)) throw new KmipResultError(reason, `${describeTag(item.tag)} is out of range`)
  return n
}

/** Checks an enumeration value against the values this server knows. */
export function knownEnum(value: number, known: ReadonlyMap<number, string>, what: string): number {
  if (!known.has(value)) throw invalidField(`${what} ${formatEnumCode(value)} is not a KMIP 1.1 value`)
  return value
}
