// What the lab tells: every step of a command is an event between two components, saying what travelled and why.

import type { KeyType } from './model'
import type { MessageId } from '../i18n/narration'

export type EventKind =
  | 'command'
  | 'fault'
  | 'tls.handshake'
  | 'tls.close'
  | 'kmip.request'
  | 'kmip.response'
  | 'kms.replicate'
  | 'kms.admin'
  | 'trust'
  | 'vcenter.db'
  | 'key.push'
  | 'key.generate'
  | 'key.wrap'
  | 'key.unwrap'
  | 'key.discard'
  | 'key.seal'
  | 'file.write'
  | 'file.read'
  | 'file.delete'
  | 'disk.encrypt'
  | 'disk.decrypt'
  | 'host.state'
  | 'host.power'
  | 'coredump'
  | 'cryptoUtil'
  | 'vm.state'
  | 'vmotion'
  | 'component'
  | 'clock'

/** How a key travels: as the key itself, as its ID only, or wrapped (encrypted) by another key. */
export type TravelForm = 'material' | 'id' | 'wrapped'

export interface KeyTravel {
  keyType: KeyType
  form: TravelForm
  keyId?: string
  /** Short SHA-256 fingerprint of the key material (never the material itself). */
  fingerprint?: string
  /** For wrapped keys: the type of the key that wraps it. */
  wrappedBy?: KeyType
}

export type PayloadKind = 'certificate' | 'csr' | 'privateKey' | 'disk' | 'vmx' | 'descriptor' | 'coreDump' | 'memory' | 'kmip' | 'command'

export interface PayloadTravel {
  kind: PayloadKind
  bytes?: number
  encrypted?: boolean
}

export interface KmipTrace {
  operation: string
  direction: 'request' | 'response'
  hex: string
  /** For responses: whether every batch item succeeded. */
  ok?: boolean
}

/** A parameter of a sentence; a nested MessageRef (a reason inside a sentence) is told in the same language. */
export type MessageParam = string | number | MessageRef

export interface MessageRef {
  id: MessageId
  params: Record<string, MessageParam>
}

export interface LabEvent {
  seq: number
  /** Index of the command (in the lab's command log) this event belongs to. */
  command: number
  kind: EventKind
  from: string
  to: string
  keys: KeyTravel[]
  payload: PayloadTravel | null
  kmip: KmipTrace | null
  message: MessageRef
  /** The plain English sentence (the window renders `message` in the chosen language). */
  text: string
  /** Logical time, POSIX seconds. */
  time: number
  /** Extra lines for the inspector (e.g. crypto-util output). */
  detail?: string[]
}

export type EventInput = Omit<LabEvent, 'seq' | 'command' | 'text' | 'time' | 'keys' | 'payload' | 'kmip'> & {
  keys?: KeyTravel[]
  payload?: PayloadTravel | null
  kmip?: KmipTrace | null
}
