// A running VM's memory from one host to another — vMotion's stream or Fault Tolerance's logging
// (docs/vsphere-facts.md#f-vmotion, #f-ft): under a one-time AES-256-GCM key vCenter makes and gives both hosts, or
// in clear when the VM's setting turns encryption off. The lab's sources do not say how FT logging is keyed, so it
// travels the way vMotion's stream does, and the window says so.

import { gcm } from '@noble/ciphers/aes.js'
import { concatBytes, toHex, utf8 } from '../../crypto/bytes'
import type { MessageId } from '../../i18n/narration'
import { say, type CommandContext } from '../context'
import type { HostComponent, VmComponent } from '../model'
import { fingerprint } from '../view'

export interface StreamMessages {
  plain: MessageId
  keyGenerated: MessageId
  keySent: MessageId
  encrypted: MessageId
}

/** The one-time key as events name it: its ID and fingerprint, never its bytes. */
export interface OneTimeKeyRef {
  keyType: 'oneTimeKey'
  form: 'id'
  keyId: string
  fingerprint: string
}

const preview = (bytes: Uint8Array): string => `${toHex(bytes.subarray(0, 64))}${bytes.length > 64 ? '…' : ''}`

/**
 * Sends the guest memory of `vm` from `from` to `to` and returns what arrives, with the one-time key's ID (null in
 * clear). `channel` names that key (`vmotion:<vm>`, `ft:<vm>`) and binds the ciphertext to the VM. The key itself
 * is wiped before this returns: the receiving host has used it.
 */
export function streamMemory(
  ctx: CommandContext,
  vm: VmComponent,
  from: HostComponent,
  to: HostComponent,
  stream: { channel: 'vmotion' | 'ft'; encrypted: boolean; messages: StreamMessages }
): { received: Uint8Array; oneTimeKey: OneTimeKeyRef | null } {
  const guest = vm.memory.guest ?? new Uint8Array(0)
  const route = { vm: vm.name, from: from.name, to: to.name }
  if (!stream.encrypted) {
    say(ctx, 'vmotion', from.id, to.id, stream.messages.plain, { ...route, bytes: guest.length }, {
      payload: { kind: 'memory', bytes: guest.length, encrypted: false },
      detail: [`clear: ${preview(guest)}`]
    })
    return { received: guest.slice(), oneTimeKey: null }
  }
  const oneTimeKey = ctx.tx.random(32)
  const nonce = ctx.tx.random(8)
  const key = { keyType: 'oneTimeKey' as const, form: 'material' as const, keyId: `${stream.channel}:${vm.name}`, fingerprint: fingerprint(oneTimeKey) }
  say(ctx, 'key.generate', 'vcenter', 'vcenter', stream.messages.keyGenerated, { vm: vm.name, nonce: toHex(nonce) }, { keys: [key] })
  for (const host of [from, to]) say(ctx, 'key.push', 'vcenter', host.id, stream.messages.keySent, { host: host.name, vm: vm.name }, { keys: [key] })
  const iv = concatBytes(nonce, new Uint8Array(4))
  const aad = utf8(`${stream.channel}:${vm.uuid}`)
  const sent = gcm(oneTimeKey, iv, aad).encrypt(guest)
  say(ctx, 'vmotion', from.id, to.id, stream.messages.encrypted, { ...route, bytes: sent.length }, {
    keys: [{ ...key, form: 'id' }],
    payload: { kind: 'memory', bytes: sent.length, encrypted: true },
    detail: [`ciphertext: ${preview(sent)}`]
  })
  const received = gcm(oneTimeKey, iv, aad).decrypt(sent)
  oneTimeKey.fill(0)
  return { received, oneTimeKey: { ...key, form: 'id' } }
}
