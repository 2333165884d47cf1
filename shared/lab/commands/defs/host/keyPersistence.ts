// Key persistence (TPM) (host.keyPersistence).

import { z } from 'zod'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { sealKeyCache } from '../../../services/keyCache'
import { requireHost } from '../../checks'
import { defineCommand, name } from '../../define'

export const hostKeyPersistence = defineCommand('host.keyPersistence', {
  args: { name, enabled: z.boolean() },
  narration: ['fault.keyPersistence.noTpm', 'fault.keyPersistence.alreadyOn', 'fault.keyPersistence.alreadyOff', 'host.keyPersistence.on', 'host.keyPersistence.off'],
  check(ctx, cmd) {
    const host = requireHost(ctx, cmd.name)
    if (cmd.enabled && !host.tpm) throw fault('NotSupported', 'fault.keyPersistence.noTpm', { host: host.name })
    if (host.persisted.config.keyPersistence === cmd.enabled)
      throw fault('InvalidState', cmd.enabled ? 'fault.keyPersistence.alreadyOn' : 'fault.keyPersistence.alreadyOff', { host: host.name })
  },
  async run(ctx, cmd) {
    let host = requireHost(ctx, cmd.name)
    if (cmd.enabled) {
      host = ctx.tx.update(host, (h) => void (h.persisted.config.keyPersistence = true))
      const sealed = sealKeyCache(ctx, host)
      host = ctx.tx.update(host, (h) => void (h.persisted.sealedKeyCache = sealed))
      say(ctx, 'key.seal', host.id, host.id, 'host.keyPersistence.on', { host: host.name, count: Object.keys(host.memory.keyCache).length })
    } else {
      host = ctx.tx.update(host, (h) => {
        h.persisted.config.keyPersistence = false
        h.persisted.sealedKeyCache = null
      })
      say(ctx, 'key.seal', host.id, host.id, 'host.keyPersistence.off', { host: host.name })
    }
  }
})

