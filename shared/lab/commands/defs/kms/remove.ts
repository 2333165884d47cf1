// Remove KMS server (kms.remove): vCenter takes a server out of its key provider. The provider's other servers
// keep the keys (a KMS cluster replicates them). The last server of a provider whose keys are in use is refused:
// vCenter could never fetch those keys again (docs/vsphere-facts.md#remove-key-provider).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { componentId, VCENTER_ID } from '../../../model'
import { providerServers } from '../../../services/kmsSession'
import { requirePrivilege } from '../../../services/privileges'
import { requireVcenterRunning, vcenter } from '../../../services/vcenterKeys'
import { usersOfProvider } from '../provider/steps'
import { defineCommand, name } from '../../define'

export const kmsRemove = defineCommand('kms.remove', {
  args: { name },
  narration: ['fault.kms.lastServerInUse', 'kms.removed', 'kms.removed.last'],
  check(ctx, cmd) {
    requireVcenterRunning(ctx)
    const kms = ctx.tx.require(componentId.kms(cmd.name), 'kms', cmd.name)
    requirePrivilege(ctx, 'Cryptographer.ManageKeyServers', cmd.name)
    const last = providerServers(ctx, kms.provider).length === 1
    const users = last ? usersOfProvider(ctx, kms.provider) : []
    if (users.length) throw fault('ResourceInUse', 'fault.kms.lastServerInUse', { kms: kms.name, provider: kms.provider, users: users.join(', ') })
  },
  async run(ctx, cmd) {
    const kms = ctx.tx.require(componentId.kms(cmd.name), 'kms', cmd.name)
    const last = providerServers(ctx, kms.provider).length === 1
    const vc = vcenter(ctx)
    if (vc.persisted.providers[kms.provider]?.trust.servers[kms.name])
      ctx.tx.update(vc, (v) => void delete v.persisted.providers[kms.provider].trust.servers[kms.name])
    say(ctx, 'component', VCENTER_ID, VCENTER_ID, last ? 'kms.removed.last' : 'kms.removed', { kms: kms.name, provider: kms.provider })
    for (const keyId of [...ctx.tx.items(kms.id, 'persisted.keys').keys()]) ctx.tx.setItem(kms.id, 'persisted.keys', keyId, undefined)
    ctx.tx.remove(kms.id)
  }
})
