// Add vTPM (vm.addVtpm): its state lives in the NVRAM, so the VM home is encrypted with a key from the default
// provider when it is not yet — the disks are not (docs/vsphere-facts.md#f-vtpm).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { requireEncryptionCapable } from '../../../services/hostCrypto'
import { generateInternalKey, openKeySafe } from '../../../services/keySafe'
import { requirePrivilege } from '../../../services/privileges'
import { defaultProvider, recordKeyId, requireVcenterRunning } from '../../../services/vcenterKeys'
import { cachedKek, newKekForCluster, vtpmState, withVtpmState } from '../../../services/vmEncryption'
import { rewriteHome } from '../../../services/vmFiles'
import { requireKekInCache, requireNotLocked, requirePoweredOff, requireVm } from '../../checks'
import { vmHost } from './steps'
import { defineCommand, name } from '../../define'

export const vmAddVtpm = defineCommand('vm.addVtpm', {
  args: { name },
  narration: ['fault.vtpm.present', 'vm.vtpm.start', 'vm.vtpm.added'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (vm.vtpm) throw fault('InvalidVmConfig', 'fault.vtpm.present', { vm: vm.name })
    requireNotLocked(vm)
    requirePoweredOff(vm, 'addVtpm')
    if (vm.keyId) requireKekInCache(vm, vmHost(ctx, vm))
    else {
      requirePrivilege(ctx, 'Cryptographer.Encrypt', vm.name)
      requireVcenterRunning(ctx)
      defaultProvider(ctx)
      requireEncryptionCapable(vmHost(ctx, vm))
    }
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    const providerId = vm.providerId ?? defaultProvider(ctx)
    say(ctx, 'command', 'vcenter', vm.id, 'vm.vtpm.start', { vm: vm.name, provider: providerId })
    const state = vtpmState(ctx)
    const edit = (nvram: Uint8Array) => withVtpmState(nvram, state)
    if (vm.keyId) {
      const host = vmHost(ctx, vm)
      const homeKey = openKeySafe(ctx, vm, host, { home: true })
      vm = ctx.tx.update(vm, (d) => void (d.vtpm = true))
      vm = rewriteHome(ctx, vm, host, { from: homeKey, to: homeKey, kek: cachedKek(vm, host), edit })
    } else {
      const kek = await newKekForCluster(ctx, vm, vmHost(ctx, vm), providerId)
      const host = vmHost(ctx, vm)
      const homeKey = generateInternalKey(ctx, vm, host, { home: true })
      vm = ctx.tx.update(vm, (d) => {
        d.vtpm = true
        d.cryptoState = 'unlocked'
        d.migrateEncryption = 'required'
      })
      vm = rewriteHome(ctx, vm, host, { from: null, to: homeKey, kek, edit })
      recordKeyId(ctx, 'vmKeys', vm.name, kek)
      homeKey.fill(0)
    }
    state.fill(0)
    say(ctx, 'vm.state', vmHost(ctx, vm).id, vm.id, 'vm.vtpm.added', { vm: vm.name })
  }
})
