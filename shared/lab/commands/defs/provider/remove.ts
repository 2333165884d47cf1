// Remove key provider (provider.remove): vCenter forgets a provider and its trust; its KMS servers keep running and
// keep their keys; a Native Key Provider's KDK is deleted from vCenter and every host. Refused while the provider's keys protect a VM or host, and for the default provider while
// another provider could take its place (docs/vsphere-facts.md#remove-key-provider).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { VCENTER_ID } from '../../../model'
import { requireProvider } from '../../../services/kmsSession'
import { isNative, removeNativeProvider } from '../../../services/nativeKeys'
import { requirePrivilege } from '../../../services/privileges'
import { requireVcenterRunning, vcenter } from '../../../services/vcenterKeys'
import { defineCommand, name } from '../../define'
import { usersOfProvider } from './steps'

export const providerRemove = defineCommand('provider.remove', {
  args: { name },
  narration: ['fault.provider.inUse', 'fault.provider.isDefault', 'provider.removed', 'nkp.kdk.removed'],
  check(ctx, cmd) {
    const vc = requireVcenterRunning(ctx)
    requireProvider(vc, cmd.name)
    requirePrivilege(ctx, 'Cryptographer.ManageKeyServers', cmd.name)
    const users = usersOfProvider(ctx, cmd.name)
    if (users.length) throw fault('ResourceInUse', 'fault.provider.inUse', { provider: cmd.name, users: users.join(', ') })
    if (vc.persisted.defaultProvider === cmd.name && Object.keys(vc.persisted.providers).length > 1)
      throw fault('InvalidState', 'fault.provider.isDefault', { provider: cmd.name })
  },
  async run(ctx, cmd) {
    if (isNative(ctx, cmd.name)) removeNativeProvider(ctx, cmd.name)
    ctx.tx.update(vcenter(ctx), (v) => {
      delete v.persisted.providers[cmd.name]
      if (v.persisted.defaultProvider === cmd.name) v.persisted.defaultProvider = null
    })
    say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, 'provider.removed', { provider: cmd.name })
  }
})
