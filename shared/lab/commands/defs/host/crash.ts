// Crash host (purple screen) (host.crash).

import { sealEnvelope } from '../../../../crypto/envelope'
import { say, type CommandContext } from '../../../context'
import type { HostComponent, VmComponent } from '../../../model'
import { buildZdump, hostMemoryImage, vmxMemoryImage, zdumpName } from '../../../files/coreDump'
import { hostKeyInCache, keyTravel } from '../../../services/keyCache'
import { vmsOnHost } from '../../../services/hostCrypto'
import { restartHost } from '../../../services/hostLifecycle'
import { vcenter } from '../../../services/vcenterKeys'
import { requireHost } from '../../checks'
import { defineCommand, name } from '../../define'

/**
 * Since vSphere 6.7 the core files of an encrypted VM's VMX process are encrypted with the VM's key, not the host
 * key: one per running encrypted VM, beside the vmkernel dump. Plain VMs' memory stays in the vmkernel dump.
 */
function writeVmxDumps(ctx: CommandContext, host: HostComponent, running: VmComponent[]): HostComponent {
  let h = host
  for (const vm of running) {
    const kek = vm.keyId ? h.memory.keyCache[vm.keyId] : undefined
    if (!kek) continue
    const name = `vmx-zdump.${vm.name}.${h.persisted.dumpCounter + 1}`
    const envelope = sealEnvelope({ keyId: kek.keyId, wrappingKey: kek.material, plaintext: vmxMemoryImage(vm, ctx.tx.now()), content: 'vmx-zdump', random: (n) => ctx.tx.random(n) })
    const file = buildZdump({ host: h.name, time: ctx.tx.now(), encrypted: true, keyId: kek.keyId, body: envelope })
    h = ctx.tx.update(h, (d) => void (d.persisted.varCore[name] = file))
    say(ctx, 'coredump', h.id, h.id, 'host.coredump.vmx', { host: h.name, vm: vm.name, file: `/var/core/${name}`, keyId: kek.keyId }, {
      keys: [{ keyType: 'kek', form: 'id', keyId: kek.keyId }, { keyType: 'oneTimeKey', form: 'wrapped', wrappedBy: 'kek', keyId: `envelope:${name}` }],
      payload: { kind: 'coreDump', bytes: file.length, encrypted: true }
    })
  }
  return h
}

function writeDump(ctx: CommandContext, host: HostComponent, name: string, file: Uint8Array): HostComponent {
  return ctx.tx.update(host, (h) => {
    h.persisted.varCore[name] = file
    h.persisted.dumpCounter += 1
  })
}

export const hostCrash = defineCommand('host.crash', {
  args: { name },
  narration: ['host.psod', 'host.coredump.encrypted', 'host.coredump.noHostKey', 'host.coredump.plain', 'host.coredump.vmx', 'host.coredump.event'],
  check(ctx, cmd) {
    requireHost(ctx, cmd.name)
  },
  async run(ctx, cmd) {
    let host = requireHost(ctx, cmd.name)
    say(ctx, 'host.power', host.id, host.id, 'host.psod', { host: host.name })
    const running = vmsOnHost(ctx, host.name).filter((v) => v.power === 'poweredOn')
    const image = hostMemoryImage(host, running, ctx.tx.now())
    const hostKey = hostKeyInCache(host)
    const name = zdumpName(host.persisted.dumpCounter + 1)
    if (hostKey) {
      const envelope = sealEnvelope({
        keyId: hostKey.keyId,
        wrappingKey: hostKey.material,
        plaintext: image,
        content: 'vmkernel-zdump',
        random: (n) => ctx.tx.random(n)
      })
      const file = buildZdump({ host: host.name, time: ctx.tx.now(), encrypted: true, keyId: hostKey.keyId, body: envelope })
      host = writeDump(ctx, host, name, file)
      say(ctx, 'coredump', host.id, host.id, 'host.coredump.encrypted', { host: host.name, file: `/var/core/${name}`, keyId: hostKey.keyId }, {
        keys: [keyTravel(hostKey, 'id'), { keyType: 'oneTimeKey', form: 'wrapped', wrappedBy: 'hostKey', keyId: `envelope:${name}` }],
        payload: { kind: 'coreDump', bytes: file.length, encrypted: true }
      })
    } else if (host.cryptoState === 'safe' || host.cryptoState === 'pendingIncapable' || host.persisted.config.cryptoEnabled) {
      // A host in encryption mode whose host key vCenter could not bring back is prepared again, yet may still hold
      // keys (unsealed, derived): it never writes them to /var/core in clear.
      say(ctx, 'coredump', host.id, host.id, 'host.coredump.noHostKey', { host: host.name })
    } else {
      const file = buildZdump({ host: host.name, time: ctx.tx.now(), encrypted: false, keyId: null, body: image })
      host = writeDump(ctx, host, name, file)
      say(ctx, 'coredump', host.id, host.id, 'host.coredump.plain', { host: host.name, file: `/var/core/${name}` }, {
        payload: { kind: 'coreDump', bytes: file.length, encrypted: false }
      })
    }
    host = writeVmxDumps(ctx, host, running)
    await restartHost(ctx, host, 'crash')
    // The host reboots after the dump; vCenter hears of the encrypted dump (with its keyID) once the host is back.
    if (hostKey && vcenter(ctx).running)
      say(ctx, 'host.state', host.id, 'vcenter', 'host.coredump.event', { host: host.name, file: `/var/core/${name}`, keyId: hostKey.keyId })
  }
})

