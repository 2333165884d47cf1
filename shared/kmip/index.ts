// The KMIP package's public surface: what the lab core, the Node hosts, the window and their tests use. Code outside
// shared/kmip imports from here only (an ESLint rule says so); the files behind it are free to change shape. The
// package's own tests (tests/shared/kmip) read the files directly, as they test them one by one.

// Bytes: the TTLV codec, framing on a byte stream, tags, and a labelled tree for the inspector
export {
  DEFAULT_TTLV_LIMITS,
  KmipDecodeError,
  decodeTtlv,
  decodeTtlvWithOffsets,
  encodeTtlv,
  frameLength,
  type KmipDecodeErrorCode,
  type TtlvItem,
  type TtlvLocatedItem
} from './ttlv'
export { KmipFrameReader } from './framing'
export { Tag } from './tags'
export { describeTtlv, type TtlvDescription } from './describe'

// The KMIP 1.1 tables the lab names
export {
  ObjectType,
  Operation,
  QueryFunction,
  RESULT_REASON,
  ResultReason,
  ResultStatus,
  RevocationReasonCode,
  STATE,
  State,
  operationName,
  stateName
} from './enums'

// Messages and payloads
export { KMIP_1_0, decodeRequestMessage, decodeResponseMessage, encodeResponseMessage, peekProtocolVersion, type ProtocolVersion } from './messages'
export { addAttributePayload, createPayload, getPayload, locatePayload } from './payloads'
export { attribute } from './attributes'
export { KmipResultError } from './errors'

// The server side: the KMS core, its key store and the key state machine
export { KmipServerCore, type KmipServerOptions } from './server'
export { MemoryKeyStore, type KmipKeyStore, type KmipManagedObject } from './store'
export { activateObject, destroyObject, isDestroyed, revokeObject } from './lifecycle'

// The client side: every operation with its bytes, and what vCenter 7.0.3 sends
export { KmipClient, KmipOperationError, KmipResponseError, keyMaterialOf, templateFor } from './client'
export { createVcenterKmipClient, vcenterSequence, type KmipSessionOpener } from './vcenter'
