// The error that carries a KMIP Result Reason. Message and payload codecs throw it when a request breaks the
// KMIP 1.1 schema, and the server's operations throw it to fail one batch item; the server turns it into
// Result Status 'Operation Failed' + Result Reason + Result Message, so it never escapes KmipServerCore.handle.

import { ResultReason, resultReasonName } from './enums'

export class KmipResultError extends Error {
  override readonly name = 'KmipResultError'
  readonly reason: ResultReason

  constructor(reason: ResultReason, message: string) {
    super(message)
    this.reason = reason
  }

  override toString(): string {
    return `${resultReasonName(this.reason)}: ${this.message}`
  }
}

export const invalidMessage = (message: string): KmipResultError => new KmipResultError(ResultReason.InvalidMessage, message)
export const invalidField = (message: string): KmipResultError => new KmipResultError(ResultReason.InvalidField, message)
export const missingData = (message: string): KmipResultError => new KmipResultError(ResultReason.MissingData, message)
