// Migrate (vMotion) (vm.migrate). An encrypted VM always moves with encrypted vMotion; an unencrypted one as its
// setting says — Disabled sends its memory in clear (docs/vsphere-facts.md#f-vmotion).

import { gcm } from '@noble/ciphers/aes.js'
import { concatBytes, toHex, utf8 } from '../../../../crypto/bytes'
import { say, type CommandContext } from '../../../context'
import { fault } from '../../../faults'
import type { HostComponent, VmComponent } from '../../../model'
import { fingerprint } from '../../../view'
import { forgetDek } from '../../../services/keyCache'
import { bringKek, ensureHostSafe, reloadLockedVms, requireEncryptionCapable } from '../../../services/hostCrypto'
import { requirePrivilege } from '../../../services/privileges'
import { defaultProvider, requireVcenterRunning } from '../../../services/vcenterKeys'
import { cacheVmKeys, openVmKeys } from '../../../services/vmEncryption'
import { requireFtOff, requireHost, requireNotInMaintenance, requireNotLocked, requireVm } from '../../checks'
import { datastoreName, vmHost } from './steps'
import { defineCommand, name } from '../../define'

/** The memory on the vMotion network: under a one-time key from vCenter, or — encrypted vMotion Disabled — in clear. */
function streamMemory(ctx: CommandContext, vm: VmComponent, src: HostComponent, dest: HostComponent): Uint8Array {
  const guest = vm.memory.guest ?? new Uint8Array(0)
  if (!vm.keyId && vm.migrateEncryption === 'disabled') {
    say(ctx, 'vmotion', src.id, dest.id, 'vmotion.stream.plain', { vm: vm.name, from: src.name, to: dest.name, bytes: guest.length }, {
      payload: { kind: 'memory', bytes: guest.length, encrypted: false },
      detail: [`clear: ${toHex(guest.subarray(0, 64))}${guest.length > 64 ? '…' : ''}`]
    })
    return guest.slice()
  }
  const oneTimeKey = ctx.tx.random(32)
  const nonce = ctx.tx.random(8)
  const otk = { keyType: 'oneTimeKey' as const, form: 'material' as const, keyId: `vmotion:${vm.name}`, fingerprint: fingerprint(oneTimeKey) }
  say(ctx, 'key.generate', 'vcenter', 'vcenter', 'vmotion.key.generated', { vm: vm.name, nonce: toHex(nonce) }, { keys: [otk] })
  say(ctx, 'key.push', 'vcenter', src.id, 'vmotion.key.sent', { host: src.name, vm: vm.name }, { keys: [otk] })
  say(ctx, 'key.push', 'vcenter', dest.id, 'vmotion.key.sent', { host: dest.name, vm: vm.name }, { keys: [otk] })
  const iv = concatBytes(nonce, new Uint8Array(4))
  const stream = gcm(oneTimeKey, iv, utf8(`vmotion:${vm.uuid}`)).encrypt(guest)
  say(ctx, 'vmotion', src.id, dest.id, 'vmotion.stream', { vm: vm.name, from: src.name, to: dest.name, bytes: stream.length }, {
    keys: [{ ...otk, form: 'id' }],
    payload: { kind: 'memory', bytes: stream.length, encrypted: true },
    detail: [`ciphertext: ${toHex(stream.subarray(0, 64))}${stream.length > 64 ? '…' : ''}`]
  })
  const received = gcm(oneTimeKey, iv, utf8(`vmotion:${vm.uuid}`)).decrypt(stream)
  oneTimeKey.fill(0)
  say(ctx, 'key.discard', dest.id, dest.id, 'vmotion.key.discarded', { vm: vm.name, from: src.name, to: dest.name }, { keys: [{ ...otk, form: 'id' }] })
  return received
}

export const vmMigrate = defineCommand('vm.migrate', {
  args: { name, host: name },
  narration: ['vmotion.stream.plain', 'vmotion.key.generated', 'vmotion.key.sent', 'vmotion.stream', 'vmotion.key.discarded', 'fault.sameHost', 'fault.otherCluster', 'vm.migrate.cold', 'vm.migrate.vmotion.plain', 'vm.migrate.vmotion', 'vm.migrate.registered'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    const dest = requireHost(ctx, cmd.host)
    const src = vmHost(ctx, vm)
    if (dest.name === vm.host) throw fault('InvalidArgument', 'fault.sameHost', { vm: vm.name, host: dest.name })
    requireFtOff(vm, 'migrate')
    if (dest.cluster !== src.cluster) throw fault('InvalidDatastore', 'fault.otherCluster', { vm: vm.name, host: dest.name, datastore: datastoreName(src.cluster) })
    requireNotInMaintenance(dest)
    requireNotLocked(vm)
    if (vm.keyId) requirePrivilege(ctx, 'Cryptographer.Migrate', vm.name)
    requireVcenterRunning(ctx)
    if (vm.keyId) requireEncryptionCapable(dest)
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    let dest = requireHost(ctx, cmd.host)
    let src = vmHost(ctx, vm)
    const clear = vm.power === 'poweredOn' && !vm.keyId && vm.migrateEncryption === 'disabled'
    say(ctx, 'command', 'vcenter', vm.id, vm.power !== 'poweredOn' ? 'vm.migrate.cold' : clear ? 'vm.migrate.vmotion.plain' : 'vm.migrate.vmotion', {
      vm: vm.name,
      from: src.name,
      to: dest.name
    })
    if (vm.keyId) {
      if (dest.cryptoState !== 'safe') dest = await ensureHostSafe(ctx, dest, defaultProvider(ctx))
      if (!dest.memory.keyCache[vm.keyId]) {
        await bringKek(ctx, dest, vm)
        dest = requireHost(ctx, cmd.host)
        // A VM locked on the destination for want of this very key (a clone) is reloaded by hostd.
        reloadLockedVms(ctx, dest)
      }
    }
    if (vm.power !== 'poweredOn') {
      vm = ctx.tx.update(vm, (d) => void (d.host = dest.name))
      say(ctx, 'vm.state', 'vcenter', vm.id, 'vm.migrate.registered', { vm: vm.name, host: dest.name })
      return
    }
    const received = streamMemory(ctx, vm, src, dest)
    src = ctx.tx.update(ctx.tx.require(src.id, 'host'), (h) => void (h.memory.runningVms = h.memory.runningVms.filter((n) => n !== vm.name)))
    dest = ctx.tx.update(ctx.tx.require(dest.id, 'host'), (h) => void h.memory.runningVms.push(vm.name))
    vm = ctx.tx.update(vm, (d) => {
      d.host = dest.name
      d.memory.guest = received
    })
    if (vm.keyId) {
      dest = cacheVmKeys(ctx, dest, vm, openVmKeys(ctx, vm, dest))
      forgetDek(ctx, ctx.tx.require(src.id, 'host'), vm.name)
    }
  }
})
