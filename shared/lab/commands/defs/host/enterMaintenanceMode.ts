// Enter maintenance mode (host.enterMaintenanceMode): the host takes no VMs while it is serviced, and only a host in
// maintenance mode may be removed. vSphere waits until no VM runs there; the lab refuses instead of waiting
// (docs/vsphere-facts.md#maintenance-mode).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { vmsOnHost } from '../../../services/hostCrypto'
import { requireHost, requireNoFtSecondaryOn } from '../../checks'
import { defineCommand, name } from '../../define'

export const hostEnterMaintenanceMode = defineCommand('host.enterMaintenanceMode', {
  args: { name },
  narration: ['fault.host.alreadyInMaintenance', 'fault.host.runningVms', 'host.maintenance.entered'],
  check(ctx, cmd) {
    const host = requireHost(ctx, cmd.name)
    if (host.inMaintenanceMode) throw fault('InvalidState', 'fault.host.alreadyInMaintenance', { host: host.name })
    requireNoFtSecondaryOn(ctx, host)
    const running = vmsOnHost(ctx, host.name).filter((vm) => vm.power === 'poweredOn')
    if (running.length) throw fault('InvalidState', 'fault.host.runningVms', { host: host.name, vms: running.map((vm) => vm.name).join(', ') })
  },
  async run(ctx, cmd) {
    const host = ctx.tx.update(requireHost(ctx, cmd.name), (h) => void (h.inMaintenanceMode = true))
    say(ctx, 'host.state', 'vcenter', host.id, 'host.maintenance.entered', { host: host.name })
  }
})
