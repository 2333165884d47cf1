// Reboot host (host.reboot).

import { restartHost } from '../../../services/hostLifecycle'
import { requireHost } from '../../checks'
import { defineCommand, name } from '../../define'

export const hostReboot = defineCommand('host.reboot', {
  args: { name },
  narration: [],
  check(ctx, cmd) {
    requireHost(ctx, cmd.name)
  },
  async run(ctx, cmd) {
    await restartHost(ctx, requireHost(ctx, cmd.name), 'reboot')
  }
})

