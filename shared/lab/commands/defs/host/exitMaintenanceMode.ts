// Exit maintenance mode (host.exitMaintenanceMode): VMs may run on the host again.

import { say } from '../../../context'
import { fault } from '../../../faults'
import { requireHost } from '../../checks'
import { defineCommand, name } from '../../define'

export const hostExitMaintenanceMode = defineCommand('host.exitMaintenanceMode', {
  args: { name },
  narration: ['fault.host.notInMaintenance', 'host.maintenance.exited'],
  check(ctx, cmd) {
    const host = requireHost(ctx, cmd.name)
    if (!host.inMaintenanceMode) throw fault('InvalidState', 'fault.host.notInMaintenance', { host: host.name })
  },
  async run(ctx, cmd) {
    const host = ctx.tx.update(requireHost(ctx, cmd.name), (h) => void (h.inMaintenanceMode = false))
    say(ctx, 'host.state', 'vcenter', host.id, 'host.maintenance.exited', { host: host.name })
  }
})
