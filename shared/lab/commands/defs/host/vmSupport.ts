// vm-support with a password (host.vmSupport): a support bundle whose encrypted core dumps are recrypted to an
// incident key locked by the password (docs/vsphere-facts.md#f-support). Needs Global.Diagnostics.

import { z } from 'zod'
import { requirePrivilege } from '../../../services/privileges'
import { requireDumpKeys, takeVmSupportBundle } from '../../../services/vmSupport'
import { requireHost } from '../../checks'
import { defineCommand, name } from '../../define'

export const hostVmSupport = defineCommand('host.vmSupport', {
  args: { name, password: z.string().min(8, 'a password of at least 8 characters').max(128) },
  narration: [],
  check(ctx, cmd) {
    const host = requireHost(ctx, cmd.name)
    requirePrivilege(ctx, 'Global.Diagnostics', host.name)
    requireDumpKeys(host)
  },
  async run(ctx, cmd) {
    takeVmSupportBundle(ctx, requireHost(ctx, cmd.name), cmd.password)
  }
})
