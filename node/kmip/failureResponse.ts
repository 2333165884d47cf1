// Answers that refuse a whole request message, built the way PyKMIP builds them (one batch item with Result
// Status, Result Reason and Result Message, no Operation): KMIP clients, ours included, read a lone failed item
// without Operation as a verdict on the whole message.

import { encodeResponseMessage, KMIP_1_0, ResultStatus, type ProtocolVersion } from '../../shared/kmip'

export function messageFailure(reason: number, message: string, now: number, version: ProtocolVersion = KMIP_1_0): Uint8Array {
  return encodeResponseMessage({
    header: { protocolVersion: version, timeStamp: now },
    batchItems: [{ resultStatus: ResultStatus.OperationFailed, resultReason: reason, resultMessage: message }]
  })
}
