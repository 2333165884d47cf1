// What a command handler works with: the transaction (state, random bytes, events) and the adapters the host
// process plugs in (the disk cipher, a connector to real KMIP servers).

import type { DiskCipher } from '../crypto/diskCipher'
import type { EventInput, EventKind, KeyTravel, LabEvent, MessageParam, PayloadTravel } from './events'
import type { MessageId } from '../i18n/narration'
import type { KmsRecord } from './model'
import type { RandomSource } from './random'
import type { Transaction } from './transaction'

/** A live connection to a real KMIP server (issue: external key providers). */
export interface KmsLink {
  send(request: Uint8Array): Promise<Uint8Array>
  close(): void
  /** How the TLS session looks, for the narration (protocol, cipher, the server's certificate subject). */
  describe(): string
}

export interface ExternalKmsConnector {
  /**
   * Opens a mutually authenticated TLS connection; rejects with the TLS stack's own error on failure, whose `code`
   * (Node's, OpenSSL's, or a KmsLinkCode) services/tlsFailure.ts tells in the reader's language.
   */
  connect(kms: KmsRecord): Promise<KmsLink>
}

/**
 * Thrown by a connector that must not reach the network: while a lab file is opened, its commands are replayed
 * without contacting any external KMS (the narration says so; the next command after opening connects again).
 */
export class ExternalKmsNotContacted extends Error {
  override readonly name = 'ExternalKmsNotContacted'
  constructor() {
    super('not contacted while the lab file was opened (lab files open offline)')
  }
}

export interface LabDeps {
  random: RandomSource
  diskCipher: DiskCipher
  externalKms?: ExternalKmsConnector
}

export interface CommandContext {
  tx: Transaction
  deps: LabDeps
}

export interface SayOptions {
  keys?: KeyTravel[]
  payload?: PayloadTravel | null
  detail?: string[]
  kmip?: EventInput['kmip']
}

/** Emits one narrated step: `id` is the sentence of the narration (shared/i18n/narration.ts), `params` fill its placeholders. */
export function say(
  ctx: CommandContext,
  kind: EventKind,
  from: string,
  to: string,
  id: MessageId,
  params: Record<string, MessageParam> = {},
  opts: SayOptions = {}
): LabEvent {
  return ctx.tx.emit({ kind, from, to, message: { id, params }, ...opts })
}
