// Back up a Native Key Provider (provider.backup): the PKCS#12 export vSphere requires before the provider can be
// used (docs/vsphere-facts.md#nkp-backup). REST: POST /api/vcenter/crypto-manager/kms/providers?action=export.

import { z } from 'zod'
import { fault } from '../../../faults'
import { requireProvider } from '../../../services/kmsSession'
import { backupProvider } from '../../../services/nativeKeys'
import { requirePrivilege } from '../../../services/privileges'
import { requireVcenterRunning } from '../../../services/vcenterKeys'
import { defineCommand, name } from '../../define'

export const providerBackup = defineCommand('provider.backup', {
  args: { provider: name, password: z.string().max(128).optional() },
  narration: ['fault.nkp.backupStandard'],
  check(ctx, cmd) {
    const provider = requireProvider(requireVcenterRunning(ctx), cmd.provider)
    if (!provider.native) throw fault('InvalidArgument', 'fault.nkp.backupStandard', { provider: cmd.provider })
    requirePrivilege(ctx, 'Cryptographer.ManageKeyServers', cmd.provider)
  },
  async run(ctx, cmd) {
    backupProvider(ctx, cmd.provider, cmd.password ?? '')
  }
})
