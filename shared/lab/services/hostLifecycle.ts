// A host restart: memory is gone (key cache, running VMs); then the keys come back — from the TPM with key
// persistence, otherwise only through vCenter, which asks the KMS again for every key ID it knows.

import { say, type CommandContext } from '../context'
import type { HostComponent } from '../model'
import { putKey, unsealKeyCache } from './keyCache'
import { markWithoutHostKey, restoreHostKey, restoreVmKeys, vmsOnHost } from './hostCrypto'
import { isNative, unsealKdks } from './nativeKeys'
import { vcenter } from './vcenterKeys'

export async function restartHost(ctx: CommandContext, host: HostComponent, cause: 'reboot' | 'crash'): Promise<void> {
  for (const vm of vmsOnHost(ctx, host.name)) {
    if (vm.power === 'poweredOn' || vm.memory.guest)
      ctx.tx.update(vm, (d) => {
        d.power = 'poweredOff'
        d.memory.guest = null
      })
  }
  let h = ctx.tx.update(ctx.tx.require(host.id, 'host'), (d) => {
    d.memory.keyCache = {}
    d.memory.runningVms = []
    d.memory.kdks = {}
  })
  say(ctx, 'host.power', h.id, h.id, cause === 'crash' ? 'host.restart.afterCrash' : 'host.restart', { host: h.name })
  // The KDKs of Native Key Providers come back from the host's own sealed store, with or without vCenter.
  h = unsealKdks(ctx, h)

  if (h.cryptoState === 'pendingIncapable') {
    h = ctx.tx.update(h, (d) => {
      d.cryptoState = 'incapable'
      d.persisted.config.cryptoEnabled = false
      d.persisted.config.pendingIncapableMarker = false
      d.persisted.config.hostKeyId = null
      d.persisted.config.hostKeyProvider = null
    })
    say(ctx, 'host.state', h.id, h.id, 'host.incapableAfterReboot', { host: h.name })
  }

  let unsealed = 0
  if (h.persisted.config.keyPersistence && h.persisted.sealedKeyCache) {
    const keys = unsealKeyCache(h, h.persisted.sealedKeyCache)
    for (const k of keys) h = putKey(ctx, h, k)
    unsealed = keys.length
    say(ctx, 'key.seal', h.id, h.id, 'host.keys.unsealed', { host: h.name, count: keys.length }, {
      keys: keys.map((k) => ({ keyType: k.keyType, form: 'material' as const, keyId: k.keyId }))
    })
  }

  if (!vcenter(ctx).running) {
    // What the host has now is all it gets until vCenter is back: the sealed keys and what it derives, or nothing.
    const derives = Object.keys(h.memory.kdks).length > 0
    const told = derives ? 'host.vcenterUnreachable.native' : unsealed ? 'host.vcenterUnreachable.sealed' : 'host.vcenterUnreachable'
    say(ctx, 'host.state', h.id, 'vcenter', told, { host: h.name, count: unsealed })
    h = markWithoutHostKey(ctx, h)
    if (isNative(ctx, h.persisted.config.hostKeyProvider)) h = await restoreHostKey(ctx, h)
    await restoreVmKeys(ctx, h)
    return
  }
  // with only Native Key Providers there is no KMS to ask: the host derives every key itself
  const standard = Object.values(vcenter(ctx).persisted.providers).some((p) => !p.native)
  say(ctx, 'host.state', h.id, 'vcenter', standard ? 'host.reconnect' : 'host.reconnect.native', { host: h.name })
  h = await restoreHostKey(ctx, h)
  await restoreVmKeys(ctx, h)
}
