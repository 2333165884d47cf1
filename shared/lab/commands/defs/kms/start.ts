// Start KMS (kms.start).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { providerServers, putKmsObject } from '../../../services/kmsSession'
import { requireKms } from './steps'
import { defineCommand, name } from '../../define'

export const kmsStart = defineCommand('kms.start', {
  args: { name },
  narration: ['fault.kms.external', 'fault.kms.alreadyRunning', 'kms.started', 'kms.synced'],
  check(ctx, cmd) {
    const kms = requireKms(ctx, cmd.name)
    if (kms.external) throw fault('NotSupported', 'fault.kms.external', { kms: kms.name })
    if (kms.running) throw fault('InvalidState', 'fault.kms.alreadyRunning', { kms: kms.name })
  },
  async run(ctx, cmd) {
    let kms = ctx.tx.update(requireKms(ctx, cmd.name), (k) => void (k.running = true))
    say(ctx, 'component', kms.id, kms.id, 'kms.started', { kms: kms.name })
    const peer = providerServers(ctx, kms.provider).find((p) => p.id !== kms.id && p.running && !p.external)
    if (!peer) return
    const newer = [...ctx.tx.items(peer.id, 'persisted.keys').values()].filter(
      (o) => (ctx.tx.item(kms.id, 'persisted.keys', o.uid)?.lastChangeDate ?? -Infinity) < o.lastChangeDate
    )
    for (const o of newer) putKmsObject(ctx, kms.id, o)
    kms = ctx.tx.update(kms, (k) => void (k.persisted.trustedClients = [...peer.persisted.trustedClients]))
    say(ctx, 'kms.replicate', peer.id, kms.id, 'kms.synced', { kms: kms.name, peer: peer.name, count: newer.length })
  }
})

