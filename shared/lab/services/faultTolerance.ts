// Fault Tolerance of a VM: the FT logging traffic from the primary to the
// secondary host, encrypted or in clear as its encrypted-FT mode says (docs/vsphere-facts.md#f-ft).

import { gcm } from '@noble/ciphers/aes.js'
import { concatBytes, toHex, utf8 } from '../../crypto/bytes'
import { say, type CommandContext } from '../context'
import type { HostComponent, VmComponent } from '../model'
import { fingerprint } from '../view'
import { ftLogEncrypted } from './ftEncryptionMode'

const preview = (bytes: Uint8Array): string => `${toHex(bytes.subarray(0, 64))}${bytes.length > 64 ? '…' : ''}`

/**
 * The first FT logging from the primary to the secondary: the guest memory the secondary starts from. Encrypted, it
 * travels under a key vCenter makes for the pair and gives both hosts (AES-256-GCM), as encrypted vMotion does; the
 * lab's sources do not say how vSphere keys FT logging, so the lab reuses that scheme and says so.
 */
export function streamFtLog(ctx: CommandContext, vm: VmComponent, primary: HostComponent, secondary: HostComponent): void {
  const guest = vm.memory.guest ?? new Uint8Array(0)
  const route = { vm: vm.name, from: primary.name, to: secondary.name, bytes: guest.length }
  if (!ftLogEncrypted(vm)) {
    say(ctx, 'vmotion', primary.id, secondary.id, 'ft.log.plain', route, {
      payload: { kind: 'memory', bytes: guest.length, encrypted: false },
      detail: [`clear: ${preview(guest)}`]
    })
    return
  }
  const logKey = ctx.tx.random(32)
  const nonce = ctx.tx.random(8)
  const key = { keyType: 'oneTimeKey' as const, form: 'material' as const, keyId: `ft:${vm.name}`, fingerprint: fingerprint(logKey) }
  say(ctx, 'key.generate', 'vcenter', 'vcenter', 'ft.key.generated', { vm: vm.name, nonce: toHex(nonce) }, { keys: [key] })
  for (const host of [primary, secondary]) say(ctx, 'key.push', 'vcenter', host.id, 'ft.key.sent', { host: host.name, vm: vm.name }, { keys: [key] })
  const iv = concatBytes(nonce, new Uint8Array(4))
  const log = gcm(logKey, iv, utf8(`ft:${vm.uuid}`)).encrypt(guest)
  logKey.fill(0)
  say(ctx, 'vmotion', primary.id, secondary.id, 'ft.log.encrypted', { ...route, bytes: log.length }, {
    keys: [{ ...key, form: 'id' }],
    payload: { kind: 'memory', bytes: log.length, encrypted: true },
    detail: [`ciphertext: ${preview(log)}`]
  })
}
