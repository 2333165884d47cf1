// Migrate (vMotion) (vm.migrate). An encrypted VM always moves with encrypted vMotion; an unencrypted one as its
// setting says — Disabled sends its memory in clear (docs/vsphere-facts.md#f-vmotion).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { forgetDek } from '../../../services/keyCache'
import { bringKek, ensureHostSafe, reloadLockedVms, requireEncryptionCapable } from '../../../services/hostCrypto'
import { requirePrivilege } from '../../../services/privileges'
import { defaultProvider, requireVcenterRunning } from '../../../services/vcenterKeys'
import { streamMemory, type StreamMessages } from '../../../services/memoryStream'
import { cacheVmKeys, openVmKeys } from '../../../services/vmEncryption'
import { requireFtOff, requireHost, requireNotInMaintenance, requireNotLocked, requireVm } from '../../checks'
import { datastoreName, vmHost } from './steps'
import { defineCommand, name } from '../../define'

/** The memory on the vMotion network: under a one-time key from vCenter, or — encrypted vMotion Disabled — in clear. */
const VMOTION_STREAM: StreamMessages = {
  plain: 'vmotion.stream.plain',
  keyGenerated: 'vmotion.key.generated',
  keySent: 'vmotion.key.sent',
  encrypted: 'vmotion.stream'
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
    const encrypted = !!vm.keyId || vm.migrateEncryption !== 'disabled'
    const { received, oneTimeKey } = streamMemory(ctx, vm, src, dest, { channel: 'vmotion', encrypted, messages: VMOTION_STREAM })
    if (oneTimeKey) say(ctx, 'key.discard', dest.id, dest.id, 'vmotion.key.discarded', { vm: vm.name, from: src.name, to: dest.name }, { keys: [oneTimeKey] })
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
