// Remove host (host.remove): vCenter takes a host in maintenance mode out of its cluster. What the host held in
// memory goes with it; its host key stays in the KMS, as vCenter never deletes keys
// (docs/vsphere-facts.md#removal-keeps-keys). The lab removes only a host without registered VMs, where vSphere
// would take them out of the inventory along with it (docs/vsphere-facts.md#where-the-lab-simplifies).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { VCENTER_ID } from '../../../model'
import { vmsOnHost } from '../../../services/hostCrypto'
import { forgetKeyId, requireVcenterRunning } from '../../../services/vcenterKeys'
import { requireHost } from '../../checks'
import { defineCommand, name } from '../../define'

export const hostRemove = defineCommand('host.remove', {
  args: { name },
  narration: ['fault.host.removeNeedsMaintenance', 'fault.host.hasVms', 'host.removed', 'host.removed.keyStays', 'keyId.forgotten.derivable'],
  check(ctx, cmd) {
    requireVcenterRunning(ctx)
    const host = requireHost(ctx, cmd.name)
    if (!host.inMaintenanceMode) throw fault('InvalidState', 'fault.host.removeNeedsMaintenance', { host: host.name })
    const vms = vmsOnHost(ctx, host.name)
    if (vms.length) throw fault('ResourceInUse', 'fault.host.hasVms', { host: host.name, vms: vms.map((vm) => vm.name).join(', ') })
  },
  async run(ctx, cmd) {
    const host = requireHost(ctx, cmd.name)
    forgetKeyId(ctx, 'hostKeys', host.name)
    say(ctx, 'component', VCENTER_ID, VCENTER_ID, 'host.removed', { host: host.name, cluster: host.cluster })
    ctx.tx.remove(host.id)
  }
})
