// vm-support with a password (host.vmSupport): a support bundle whose encrypted core dumps are recrypted to an
// incident key locked by the password (docs/vsphere-facts.md#f-support). Needs Global.Diagnostics.

import { requirePrivilege } from '../../services/privileges'
import { requireDumpKeys, takeVmSupportBundle } from '../../services/vmSupport'
import { requireHost } from '../checks'
import type { CommandHandler } from '../handler'

export const hostVmSupport: CommandHandler<'host.vmSupport'> = {
  check(ctx, cmd) {
    const host = requireHost(ctx, cmd.name)
    requirePrivilege(ctx, 'Global.Diagnostics', host.name)
    requireDumpKeys(host)
  },
  async run(ctx, cmd) {
    takeVmSupportBundle(ctx, requireHost(ctx, cmd.name), cmd.password)
  }
}
