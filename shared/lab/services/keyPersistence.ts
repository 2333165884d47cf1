// Key persistence (docs/vsphere-facts.md#key-persistence): the host's key cache sealed by its TPM so it survives a
// reboot. One rule set and one set of steps for both doors to it: the lab command host.keyPersistence and ESXi's
// `esxcli system security keypersistence enable|disable --remove-all-stored-keys` (host.esxcli).

import { say, type CommandContext } from '../context'
import { fault } from '../faults'
import type { HostComponent } from '../model'
import { sealKeyCache } from './keyCache'

export function checkKeyPersistence(host: HostComponent, enabled: boolean): void {
  if (enabled && !host.tpm) throw fault('NotSupported', 'fault.keyPersistence.noTpm', { host: host.name })
  if (host.persisted.config.keyPersistence === enabled)
    throw fault('InvalidState', enabled ? 'fault.keyPersistence.alreadyOn' : 'fault.keyPersistence.alreadyOff', { host: host.name })
}

export function setKeyPersistence(ctx: CommandContext, host: HostComponent, enabled: boolean): void {
  let h = host
  if (enabled) {
    h = ctx.tx.update(h, (d) => void (d.persisted.config.keyPersistence = true))
    const sealed = sealKeyCache(ctx, h)
    h = ctx.tx.update(h, (d) => void (d.persisted.sealedKeyCache = sealed))
    say(ctx, 'key.seal', h.id, h.id, 'host.keyPersistence.on', { host: h.name, count: Object.keys(h.memory.keyCache).length })
  } else {
    h = ctx.tx.update(h, (d) => {
      d.persisted.config.keyPersistence = false
      d.persisted.sealedKeyCache = null
    })
    say(ctx, 'key.seal', h.id, h.id, 'host.keyPersistence.off', { host: h.name })
  }
}
