// Turn on Fault Tolerance (vm.turnOnFaultTolerance): vCenter places a secondary VM on another host of the cluster.
// The secondary runs the VM's files, so for an encrypted VM that host gets the VM's KEK as a vMotion destination
// does; FT logging is encrypted as the VM's encrypted-FT mode says (docs/vsphere-facts.md#f-ft).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { ftLogEncrypted } from '../../../services/ftEncryptionMode'
import { streamMemory } from '../../../services/memoryStream'
import { bringKek, ensureHostSafe, requireEncryptionCapable } from '../../../services/hostCrypto'
import { defaultProvider, requireVcenterRunning } from '../../../services/vcenterKeys'
import { requireHost, requireNotLocked, requireVm } from '../../checks'
import { defineCommand, name } from '../../define'
import { vmHost } from './steps'

export const vmTurnOnFaultTolerance = defineCommand('vm.turnOnFaultTolerance', {
  args: { name, host: name },
  narration: [
    'fault.ft.moreThanOneSecondary',
    'fault.ft.sameHost',
    'fault.ft.otherCluster',
    'fault.ft.hostInactive',
    'fault.ft.hasSnapshots',
    'ft.on',
    'ft.kek.secondary',
    'ft.kek.present',
    'ft.secondary.waiting',
    'ft.key.generated',
    'ft.key.sent',
    'ft.log.encrypted',
    'ft.log.plain'
  ],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    const secondary = requireHost(ctx, cmd.host)
    const primary = vmHost(ctx, vm)
    if (vm.ftSecondary) throw fault('InvalidState', 'fault.ft.moreThanOneSecondary', { vm: vm.name, host: vm.ftSecondary.host })
    if (secondary.name === primary.name) throw fault('InvalidArgument', 'fault.ft.sameHost', { vm: vm.name, host: secondary.name })
    if (secondary.cluster !== primary.cluster) throw fault('InvalidArgument', 'fault.ft.otherCluster', { vm: vm.name, host: secondary.name, cluster: primary.cluster })
    if (secondary.inMaintenanceMode) throw fault('InvalidState', 'fault.ft.hostInactive', { vm: vm.name, host: secondary.name })
    if (vm.snapshots.length > 0) throw fault('InvalidVmConfig', 'fault.ft.hasSnapshots', { vm: vm.name, count: vm.snapshots.length })
    requireNotLocked(vm)
    requireVcenterRunning(ctx)
    if (vm.keyId) requireEncryptionCapable(secondary)
  },
  async run(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    const primary = vmHost(ctx, vm)
    let secondary = requireHost(ctx, cmd.host)
    say(ctx, 'command', 'vcenter', vm.id, 'ft.on', { vm: vm.name, host: secondary.name, primary: primary.name })
    if (vm.keyId) {
      const present = secondary.memory.keyCache[vm.keyId] !== undefined
      say(ctx, 'vm.state', 'vcenter', secondary.id, present ? 'ft.kek.present' : 'ft.kek.secondary', { vm: vm.name, host: secondary.name, keyId: vm.keyId })
      // As for a vMotion destination: crypto safe first, then the KEK from the KMS (standard) or derived on the host (native).
      if (secondary.cryptoState !== 'safe') secondary = await ensureHostSafe(ctx, secondary, defaultProvider(ctx))
      if (!present) await bringKek(ctx, secondary, vm)
      secondary = requireHost(ctx, cmd.host)
    }
    ctx.tx.update(vm, (d) => void (d.ftSecondary = { host: secondary.name }))
    // The first FT logging: the guest memory the secondary starts from (docs/vsphere-facts.md#f-ft).
    if (vm.power === 'poweredOn')
      streamMemory(ctx, vm, primary, secondary, {
        channel: 'ft',
        encrypted: ftLogEncrypted(vm),
        messages: { plain: 'ft.log.plain', keyGenerated: 'ft.key.generated', keySent: 'ft.key.sent', encrypted: 'ft.log.encrypted' }
      })
    else say(ctx, 'vm.state', 'vcenter', vm.id, 'ft.secondary.waiting', { vm: vm.name, host: secondary.name })
  }
})
