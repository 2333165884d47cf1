// KmipServerCore: a transport-agnostic KMIP 1.1 server. One call = one request message in, one response message
// out. It never throws: bytes it cannot decode, messages that break the schema and every per-item failure come
// back as a proper KMIP response, because on the wire the only way to tell a client anything is a response.
//
// Batches: items run in order; an omitted Unique Identifier means the ID Placeholder (the object of the previous
// successful item; a failed item clears it). Batch Error Continuation Option: Stop (default) answers the items up
// to and including the first failure; Continue answers all; Undo also rolls back the earlier items and reports
// them as 'Operation Undone'. Changes reach the caller's store only once the whole response is ready.

import { BatchErrorContinuationOption, Operation, ResultReason, ResultStatus, operationName } from './enums'
import { KmipResultError } from './errors'
import {
  KMIP_1_0,
  KMIP_1_1,
  encodeResponseMessage,
  peekProtocolVersion,
  requestMessageFromTtlv,
  type ProtocolVersion,
  type RequestBatchItem,
  type RequestMessage,
  type ResponseBatchItem
} from './messages'
import { OPERATION_HANDLERS, type OperationEnv } from './operations'
import { StagedStore } from './stagedStore'
import type { KmipKeyStore } from './store'
import { DEFAULT_TTLV_LIMITS, KmipDecodeError, decodeTtlv, type TtlvItem, type TtlvLimits } from './ttlv'

export type { KmipKeyStore, KmipManagedObject, KmipRevocation } from './store'
export { MemoryKeyStore } from './store'

export interface KmipServerContext {
  /** The client identity from its TLS certificate (CN). Objects belong to the client that made them. */
  clientId: string
  /** Current time, POSIX seconds: Time Stamp of the response and the date of every change. */
  now: number
  store: KmipKeyStore
  newUid(): string
  random(n: number): Uint8Array
}

export interface KmipServerOptions {
  /** Answer to Query Server Information, e.g. 'KeyFlow Lab KMS'. */
  vendorIdentification?: string
  /** Versions this server speaks, most preferred first. Default: 1.1, 1.0. */
  protocolVersions?: readonly ProtocolVersion[]
  limits?: Partial<TtlvLimits>
  /** Give new keys a SHA-256 Digest attribute (default true). */
  digest?: boolean
}

const sameVersion = (a: ProtocolVersion, b: ProtocolVersion): boolean => a.major === b.major && a.minor === b.minor

// Text that reaches a TextString must be well-formed UTF-16; messages may quote client input or caller errors.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD')

const saneNow = (now: number): number =>
  typeof now === 'number' && Number.isFinite(now) ? Math.max(-8.64e12, Math.min(8.64e12, Math.trunc(now))) : 0

const failed = (request: RequestBatchItem | undefined, reason: number, message: string): ResponseBatchItem => ({
  ...(request === undefined ? {} : { operation: request.operation }),
  ...(request?.uniqueBatchItemId === undefined ? {} : { uniqueBatchItemId: request.uniqueBatchItemId }),
  resultStatus: ResultStatus.OperationFailed,
  resultReason: reason,
  resultMessage: wellFormed(message)
})

// If even the normal failure response cannot be built (only a bug could cause that), this is the answer.
const LAST_RESORT = encodeResponseMessage({
  header: { protocolVersion: KMIP_1_0, timeStamp: 0 },
  batchItems: [failed(undefined, ResultReason.GeneralFailure, 'internal server error')]
})

export class KmipServerCore {
  readonly vendorIdentification: string
  readonly protocolVersions: readonly ProtocolVersion[]
  readonly limits: TtlvLimits
  private readonly digest: boolean

  constructor(options: KmipServerOptions = {}) {
    this.vendorIdentification = options.vendorIdentification ?? 'KeyFlow Lab KMS'
    this.protocolVersions = options.protocolVersions ?? [KMIP_1_1, KMIP_1_0]
    this.limits = { ...DEFAULT_TTLV_LIMITS, ...options.limits }
    this.digest = options.digest ?? true
  }

  /** Answers one request message. Never throws. */
  handle(request: Uint8Array, ctx: KmipServerContext): Uint8Array {
    const now = saneNow(ctx?.now)
    try {
      return this.respond(request, ctx, now)
    } catch (error) {
      // Only a failing store / newUid / random of the caller, or a bug, ends up here.
      const why = error instanceof Error ? error.message : String(error)
      return this.messageFailure(KMIP_1_0, now, ResultReason.GeneralFailure, `internal server error: ${why}`)
    }
  }

  private messageFailure(version: ProtocolVersion, now: number, reason: number, message: string): Uint8Array {
    try {
      return encodeResponseMessage({
        header: { protocolVersion: version, timeStamp: now },
        batchItems: [failed(undefined, reason, message)]
      })
    } catch {
      return new Uint8Array(LAST_RESORT)
    }
  }

  private respond(bytes: Uint8Array, ctx: KmipServerContext, now: number): Uint8Array {
    let tree: TtlvItem
    try {
      tree = decodeTtlv(bytes, this.limits)
    } catch (error) {
      // Like PyKMIP: without a readable header there is no client version to echo, so answer in 1.0.
      const why = error instanceof KmipDecodeError ? error.message : 'undecodable input'
      return this.messageFailure(KMIP_1_0, now, ResultReason.InvalidMessage, `Error parsing request message: ${why}`)
    }
    const peeked = peekProtocolVersion(tree) ?? KMIP_1_0
    let message: RequestMessage
    try {
      message = requestMessageFromTtlv(tree)
      this.checkMessage(message)
    } catch (error) {
      const why = error instanceof KmipResultError ? error.message : 'malformed request'
      return this.messageFailure(peeked, now, ResultReason.InvalidMessage, `Invalid request message: ${why}`)
    }
    const version = message.header.protocolVersion

    const store = new StagedStore(ctx.store)
    const items = this.runBatch(message, ctx, store, now)
    const response = encodeResponseMessage({ header: { protocolVersion: version, timeStamp: now }, batchItems: items })

    const limit = message.header.maximumResponseSize
    if (limit !== undefined && response.length > limit) {
      // The client could not receive the result, so none of the work is kept.
      store.discard()
      const why = `the response would be ${response.length} bytes, more than the Maximum Response Size of ${limit}`
      return encodeResponseMessage({
        header: { protocolVersion: version, timeStamp: now },
        batchItems: message.batchItems.map((item) => failed(item, ResultReason.ResponseTooLarge, why))
      })
    }
    store.commit()
    return response
  }

  /** Message-level rules; a violation makes the whole message invalid. */
  private checkMessage(message: RequestMessage): void {
    const { header, batchItems } = message
    const speaks = this.protocolVersions.some((v) => sameVersion(v, header.protocolVersion))
    // Discover Versions exists to find a common version, so it is answered whatever version it came in.
    if (!speaks && !batchItems.every((item) => item.operation === Operation.DiscoverVersions)) {
      const ours = this.protocolVersions.map((v) => `${v.major}.${v.minor}`).join(', ')
      throw new KmipResultError(
        ResultReason.InvalidMessage,
        `protocol version ${header.protocolVersion.major}.${header.protocolVersion.minor} is not supported (this server speaks ${ours})`
      )
    }
    const option = header.batchErrorContinuationOption
    if (option !== undefined && !Object.values(BatchErrorContinuationOption).includes(option as BatchErrorContinuationOption)) {
      throw new KmipResultError(ResultReason.InvalidMessage, `Batch Error Continuation Option ${option} is not a KMIP 1.1 value`)
    }
    if (batchItems.length > 1) {
      const seen = new Set<string>()
      for (const [i, item] of batchItems.entries()) {
        // KMIP 1.1 §7: with more than one item, each needs an ID so the client can match the results.
        if (item.uniqueBatchItemId === undefined) {
          throw new KmipResultError(ResultReason.InvalidMessage, `Batch Item ${i + 1} of ${batchItems.length} has no Unique Batch Item ID`)
        }
        const key = [...item.uniqueBatchItemId].join(',')
        if (seen.has(key)) throw new KmipResultError(ResultReason.InvalidMessage, `Batch Item ${i + 1} repeats a Unique Batch Item ID`)
        seen.add(key)
      }
    }
  }

  private runBatch(message: RequestMessage, ctx: KmipServerContext, store: StagedStore, now: number): ResponseBatchItem[] {
    const option = message.header.batchErrorContinuationOption ?? BatchErrorContinuationOption.Stop
    const env: OperationEnv = {
      clientId: String(ctx.clientId),
      now,
      store,
      newUid: () => ctx.newUid(),
      random: (n) => ctx.random(n),
      idPlaceholder: undefined,
      vendorIdentification: this.vendorIdentification,
      protocolVersions: this.protocolVersions,
      digest: this.digest
    }
    const answered: ResponseBatchItem[] = []
    for (const [i, item] of message.batchItems.entries()) {
      const result = this.runItem(item, env)
      answered.push(result)
      if (result.resultStatus === ResultStatus.Success) continue
      env.idPlaceholder = undefined
      if (option === BatchErrorContinuationOption.Continue) continue
      if (option === BatchErrorContinuationOption.Undo) {
        store.discard()
        const why = `undone because Batch Item ${i + 1} failed`
        for (let j = 0; j < i; j++) {
          const done = answered[j]
          answered[j] = {
            ...(done.operation === undefined ? {} : { operation: done.operation }),
            ...(done.uniqueBatchItemId === undefined ? {} : { uniqueBatchItemId: done.uniqueBatchItemId }),
            resultStatus: ResultStatus.OperationUndone,
            resultMessage: why
          }
        }
      }
      // Stop and Undo: the items after the failure are not processed, so they get no result.
      break
    }
    return answered
  }

  private runItem(item: RequestBatchItem, env: OperationEnv): ResponseBatchItem {
    const handler = OPERATION_HANDLERS.get(item.operation)
    if (handler === undefined) {
      return failed(item, ResultReason.OperationNotSupported, `${operationName(item.operation)} is not supported by this server`)
    }
    try {
      const result = handler(item.payload, env)
      if (result.uid !== undefined) env.idPlaceholder = result.uid
      else if (result.clearsPlaceholder === true) env.idPlaceholder = undefined
      return {
        operation: item.operation,
        ...(item.uniqueBatchItemId === undefined ? {} : { uniqueBatchItemId: item.uniqueBatchItemId }),
        resultStatus: ResultStatus.Success,
        payload: result.payload
      }
    } catch (error) {
      if (error instanceof KmipResultError) return failed(item, error.reason, error.message)
      const why = error instanceof Error ? error.message : String(error)
      return failed(item, ResultReason.GeneralFailure, `${operationName(item.operation)} failed: ${why}`)
    }
  }
}
