// Change host key (host.rekey).

import { isEnvelope, readEnvelope, rewrapEnvelope } from '../../../../crypto/envelope'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { buildZdump, ZDUMP_HEADER_SIZE } from '../../../files/coreDump'
import { dropKey, hostKeyInCache } from '../../../services/keyCache'
import { newHostKey, requireHostKeyInCache } from '../../../services/hostCrypto'
import { defaultProvider, requireVcenterRunning } from '../../../services/vcenterKeys'
import { requireHost } from '../../checks'
import { hostStateTerm } from '../../../../i18n/terms'
import { defineCommand, name } from '../../define'

export const hostRekey = defineCommand('host.rekey', {
  args: { name },
  narration: ['fault.hostNotSafe', 'host.rekey.start', 'host.rekey.dumpSkipped', 'host.rekey.dumpRewrapped', 'host.rekey.oldKeyRemoved'],
  check(ctx, cmd) {
    const host = requireHost(ctx, cmd.name)
    if (host.cryptoState !== 'safe') throw fault('InvalidState', 'fault.hostNotSafe', { host: host.name, state: hostStateTerm(host.cryptoState) })
    requireVcenterRunning(ctx)
    requireHostKeyInCache(host)
  },
  async run(ctx, cmd) {
    let host = requireHost(ctx, cmd.name)
    const old = hostKeyInCache(host)!
    const providerId = host.persisted.config.hostKeyProvider ?? defaultProvider(ctx)
    say(ctx, 'command', 'vcenter', host.id, 'host.rekey.start', { host: host.name, keyId: old.keyId })
    const next = await newHostKey(ctx, host, providerId)
    const key = { keyId: next.keyId, material: next.material }
    host = next.host
    for (const [name, file] of Object.entries(host.persisted.varCore)) {
      const envelope = file.subarray(ZDUMP_HEADER_SIZE)
      if (!isEnvelope(envelope)) continue
      const wrappedBy = readEnvelope(envelope).header.keyId
      const wrapping = host.memory.keyCache[wrappedBy]
      // VMX core files are wrapped by their VM's KEK, which a host rekey does not touch.
      if (wrapping && wrapping.keyType !== 'hostKey') continue
      if (!wrapping) {
        say(ctx, 'coredump', host.id, host.id, 'host.rekey.dumpSkipped', { host: host.name, file: `/var/core/${name}`, keyId: wrappedBy })
        continue
      }
      const rewrapped = rewrapEnvelope(envelope, wrapping.material, key.material, key.keyId)
      const next = new Uint8Array(ZDUMP_HEADER_SIZE + rewrapped.length)
      next.set(buildZdump({ host: host.name, time: ctx.tx.now(), encrypted: true, keyId: key.keyId, body: new Uint8Array(0) }))
      next.set(rewrapped, ZDUMP_HEADER_SIZE)
      host = ctx.tx.update(host, (h) => void (h.persisted.varCore[name] = next))
      say(ctx, 'coredump', host.id, host.id, 'host.rekey.dumpRewrapped', { host: host.name, file: `/var/core/${name}`, keyId: key.keyId }, {
        keys: [{ keyType: 'oneTimeKey', form: 'wrapped', wrappedBy: 'hostKey', keyId: `envelope:${name}` }, { keyType: 'hostKey', form: 'id', keyId: key.keyId }]
      })
    }
    host = dropKey(ctx, host, old.keyId)
    say(ctx, 'key.discard', host.id, host.id, 'host.rekey.oldKeyRemoved', { host: host.name, keyId: old.keyId }, { keys: [{ keyType: 'hostKey', form: 'id', keyId: old.keyId }] })
  }
})

