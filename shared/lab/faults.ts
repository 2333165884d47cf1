// A refused command: the vSphere-like fault name and a plain explanation from the narration (shared/i18n/narration.ts).

import type { MessageParam, MessageRef } from './events'
import type { MessageId } from '../i18n/narration'

export type FaultName =
  | 'InvalidArgument'
  | 'AlreadyExists'
  | 'NotFound'
  | 'InvalidState'
  | 'InvalidPowerState'
  | 'InvalidVmConfig'
  | 'InvalidDeviceSpec'
  | 'GenericVmConfigFault'
  | 'NoPermission'
  | 'InvalidVmState'
  | 'InvalidDatastore'
  | 'EncryptionKeyRequired'
  | 'KmsClusterUnreachable'
  | 'KmsKeyUnavailable'
  | 'SSLVerifyFault'
  | 'VcenterUnavailable'
  | 'HostNotConnected'
  | 'CryptoUtilError'
  | 'KmipError'
  | 'NotSupported'
  | 'ResourceInUse'
  | 'CannotAccessFile'

export interface FaultInfo {
  fault: FaultName
  message: MessageRef
  text: string
}

export class LabFault extends Error {
  constructor(
    readonly fault: FaultName,
    readonly messageRef: MessageRef
  ) {
    super(`${fault}: ${messageRef.id}`)
    this.name = 'LabFault'
  }
}

export function fault(name: FaultName, id: MessageId, params: Record<string, MessageParam> = {}): LabFault {
  return new LabFault(name, { id, params })
}
