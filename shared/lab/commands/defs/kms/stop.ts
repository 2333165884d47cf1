// Stop KMS (kms.stop).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { requireKms } from './steps'
import { defineCommand, name } from '../../define'

export const kmsStop = defineCommand('kms.stop', {
  args: { name },
  narration: ['fault.kms.external', 'fault.kms.alreadyStopped', 'kms.stopped'],
  check(ctx, cmd) {
    const kms = requireKms(ctx, cmd.name)
    if (kms.external) throw fault('NotSupported', 'fault.kms.external', { kms: kms.name })
    if (!kms.running) throw fault('InvalidState', 'fault.kms.alreadyStopped', { kms: kms.name })
  },
  async run(ctx, cmd) {
    const kms = ctx.tx.update(requireKms(ctx, cmd.name), (k) => {
      k.running = false
      k.memory.sessions = []
    })
    say(ctx, 'component', kms.id, kms.id, 'kms.stopped', { kms: kms.name })
  }
})

