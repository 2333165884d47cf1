// Key persistence (TPM) (host.keyPersistence); on the host itself the same is `esxcli system security keypersistence`
// (host.esxcli).

import { z } from 'zod'
import { checkKeyPersistence, setKeyPersistence } from '../../../services/keyPersistence'
import { requireHost } from '../../checks'
import { defineCommand, name } from '../../define'

export const hostKeyPersistence = defineCommand('host.keyPersistence', {
  args: { name, enabled: z.boolean() },
  narration: ['fault.keyPersistence.noTpm', 'fault.keyPersistence.alreadyOn', 'fault.keyPersistence.alreadyOff', 'host.keyPersistence.on', 'host.keyPersistence.off'],
  check(ctx, cmd) {
    checkKeyPersistence(requireHost(ctx, cmd.name), cmd.enabled)
  },
  async run(ctx, cmd) {
    setKeyPersistence(ctx, requireHost(ctx, cmd.name), cmd.enabled)
  }
})
