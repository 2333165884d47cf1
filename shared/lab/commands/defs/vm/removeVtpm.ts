// Remove vTPM (vm.removeVtpm): its state is erased from the NVRAM; the VM home stays encrypted until decrypted.

import { say } from '../../../context'
import { fault } from '../../../faults'
import { openKeySafe } from '../../../services/keySafe'
import { cachedKek, withVtpmState } from '../../../services/vmEncryption'
import { rewriteHome } from '../../../services/vmFiles'
import { requireKekInCache, requireNotLocked, requirePoweredOff, requireVm } from '../../checks'
import { vmHost } from './steps'
import { defineCommand, name } from '../../define'

export const vmRemoveVtpm = defineCommand('vm.removeVtpm', {
  args: { name },
  narration: ['fault.vtpm.absent', 'vm.vtpm.removed'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (!vm.vtpm) throw fault('InvalidVmConfig', 'fault.vtpm.absent', { vm: vm.name })
    requireNotLocked(vm)
    requirePoweredOff(vm, 'removeVtpm')
    requireKekInCache(vm, vmHost(ctx, vm))
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    const host = vmHost(ctx, vm)
    const homeKey = openKeySafe(ctx, vm, host, { home: true })
    vm = ctx.tx.update(vm, (d) => void (d.vtpm = false))
    vm = rewriteHome(ctx, vm, host, { from: homeKey, to: homeKey, kek: cachedKek(vm, host), edit: (nvram) => withVtpmState(nvram, null) })
    say(ctx, 'vm.state', host.id, vm.id, 'vm.vtpm.removed', { vm: vm.name })
  }
})
