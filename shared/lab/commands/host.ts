// ESXi host commands: add, reboot, crash (core dump), key persistence, encryption mode, rekey (crypto-util and
// vm-support have a file each under host/).

import { isEnvelope, readEnvelope, rewrapEnvelope, sealEnvelope } from '../../crypto/envelope'
import { say } from '../context'
import { fault } from '../faults'
import { componentId, type DatastoreRecord, type HostComponent, type VmComponent } from '../model'
import { uuidFromBytes } from '../random'
import { buildZdump, hostMemoryImage, vmxMemoryImage, ZDUMP_HEADER_SIZE, zdumpName } from '../files/coreDump'
import { dropKey, hostKeyInCache, keyTravel, sealKeyCache } from '../services/keyCache'
import { ensureHostSafe, newHostKey, requireHostKeyInCache, vmsOnHost } from '../services/hostCrypto'
import { restartHost } from '../services/hostLifecycle'
import { pushAllKdks } from '../services/nativeKeys'
import { requirePrivilege } from '../services/privileges'
import { defaultProvider, requireVcenterRunning, vcenter } from '../services/vcenterKeys'
import { requireHost, requireNew } from './checks'
import type { CommandHandler } from './handler'
import { datastoreName } from './vm'
import { hostStateTerm } from '../../i18n/terms'

export const hostAdd: CommandHandler<'host.add'> = {
  check(ctx, cmd) {
    requireNew(ctx, componentId.host(cmd.name), cmd.name)
    requirePrivilege(ctx, 'Host.Inventory.AddHostToCluster', cmd.cluster)
  },
  async run(ctx, cmd) {
    const dsId = componentId.datastore(datastoreName(cmd.cluster))
    if (!ctx.tx.has(dsId)) {
      const ds: DatastoreRecord = {
        id: dsId,
        kind: 'datastore',
        name: datastoreName(cmd.cluster),
        cluster: cmd.cluster,
        memory: {},
        persisted: {}
      }
      ctx.tx.add(ds)
      say(ctx, 'component', 'vcenter', dsId, 'datastore.added', { datastore: ds.name, cluster: cmd.cluster })
    }
    const host: HostComponent = {
      id: componentId.host(cmd.name),
      kind: 'host',
      name: cmd.name,
      cluster: cmd.cluster,
      uuid: uuidFromBytes(ctx.tx.random(16)),
      cryptoState: 'incapable',
      memory: { keyCache: {}, runningVms: [], kdks: {} },
      persisted: {
        config: { cryptoEnabled: false, hostKeyId: null, hostKeyProvider: null, keyPersistence: false, pendingIncapableMarker: false },
        varCore: {},
        sealedKeyCache: null,
        sealedKdks: null,
        configStoreKey: null,
        dumpCounter: 0
      },
      tpm: null
    }
    // A host has a TPM 2.0 unless told otherwise; without one its configuration key lies on its boot disk.
    if (cmd.tpm === false) host.persisted.configStoreKey = ctx.tx.random(32)
    else host.tpm = { storageKey: ctx.tx.random(32) }
    ctx.tx.add(host)
    say(ctx, 'component', 'vcenter', host.id, host.tpm ? 'host.added' : 'host.added.noTpm', { host: cmd.name, cluster: cmd.cluster })
    // Hosts of a cluster get the KDK of every Native Key Provider (docs/vsphere-facts.md#nkp-kdk).
    pushAllKdks(ctx, host)
  }
}

export const hostReboot: CommandHandler<'host.reboot'> = {
  check(ctx, cmd) {
    requireHost(ctx, cmd.name)
  },
  async run(ctx, cmd) {
    await restartHost(ctx, requireHost(ctx, cmd.name), 'reboot')
  }
}

export const hostCrash: CommandHandler<'host.crash'> = {
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
    } else if (host.cryptoState === 'safe' || host.cryptoState === 'pendingIncapable') {
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
}

/**
 * Since vSphere 6.7 the core files of an encrypted VM's VMX process are encrypted with the VM's key, not the host
 * key: one per running encrypted VM, beside the vmkernel dump. Plain VMs' memory stays in the vmkernel dump.
 */
function writeVmxDumps(ctx: Parameters<CommandHandler<'host.crash'>['run']>[0], host: HostComponent, running: VmComponent[]): HostComponent {
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

function writeDump(ctx: Parameters<CommandHandler<'host.crash'>['run']>[0], host: HostComponent, name: string, file: Uint8Array): HostComponent {
  return ctx.tx.update(host, (h) => {
    h.persisted.varCore[name] = file
    h.persisted.dumpCounter += 1
  })
}

export const hostKeyPersistence: CommandHandler<'host.keyPersistence'> = {
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
}

export const hostEncryptionMode: CommandHandler<'host.encryptionMode'> = {
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
}

export const hostRekey: CommandHandler<'host.rekey'> = {
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
}
