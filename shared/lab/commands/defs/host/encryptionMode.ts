// Host Encryption Mode (host.encryptionMode).

import { z } from 'zod'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { hostKeyInCache } from '../../../services/keyCache'
import { ensureHostSafe } from '../../../services/hostCrypto'
import { requirePrivilege } from '../../../services/privileges'
import { defaultProvider, requireVcenterRunning } from '../../../services/vcenterKeys'
import { requireHost } from '../../checks'
import { hostStateTerm } from '../../../../i18n/terms'
import { defineCommand, name } from '../../define'

export const hostEncryptionMode = defineCommand('host.encryptionMode', {
  args: { name, enabled: z.boolean() },
  narration: ['fault.encryptionMode.alreadySafe', 'fault.encryptionMode.alreadyOff', 'fault.encryptionMode.keysPresent', 'host.reenabled', 'host.disabled.prepared', 'host.disabled.pending'],
  check(ctx, cmd) {
    const host = requireHost(ctx, cmd.name)
    if (cmd.enabled) {
      if (host.cryptoState === 'safe') throw fault('InvalidState', 'fault.encryptionMode.alreadySafe', { host: host.name })
      requirePrivilege(ctx, 'Cryptographer.RegisterHost', host.name)
      requireVcenterRunning(ctx)
      defaultProvider(ctx)
    } else {
      if (host.cryptoState === 'incapable' || host.cryptoState === 'pendingIncapable')
        throw fault('InvalidState', 'fault.encryptionMode.alreadyOff', { host: host.name, state: hostStateTerm(host.cryptoState) })
      const keks = Object.values(host.memory.keyCache).filter((k) => k.keyType !== 'hostKey')
      if (keks.length) throw fault('InvalidState', 'fault.encryptionMode.keysPresent', { host: host.name, count: keks.length })
    }
  },
  async run(ctx, cmd) {
    let host = requireHost(ctx, cmd.name)
    if (cmd.enabled) {
      if (host.cryptoState === 'pendingIncapable' && hostKeyInCache(host)) {
        host = ctx.tx.update(host, (h) => {
          h.cryptoState = 'safe'
          h.persisted.config.cryptoEnabled = true
          h.persisted.config.pendingIncapableMarker = false
        })
        say(ctx, 'host.state', 'vcenter', host.id, 'host.reenabled', { host: host.name })
        return
      }
      if (host.cryptoState === 'pendingIncapable') host = ctx.tx.update(host, (h) => void (h.cryptoState = 'prepared'))
      await ensureHostSafe(ctx, host, defaultProvider(ctx))
      return
    }
    if (host.cryptoState === 'prepared') {
      ctx.tx.update(host, (h) => void (h.cryptoState = 'incapable'))
      say(ctx, 'host.state', 'vcenter', host.id, 'host.disabled.prepared', { host: host.name })
      return
    }
    ctx.tx.update(host, (h) => {
      h.cryptoState = 'pendingIncapable'
      h.persisted.config.cryptoEnabled = false
      h.persisted.config.pendingIncapableMarker = true
    })
    say(ctx, 'host.state', 'vcenter', host.id, 'host.disabled.pending', { host: host.name })
  }
})

