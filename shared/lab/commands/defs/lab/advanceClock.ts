// Advance the lab clock (lab.advanceClock).

import { z } from 'zod'
import { say } from '../../../context'
import { VCENTER_ID } from '../../../model'
import { defineCommand } from '../../define'

export const labAdvanceClock = defineCommand('lab.advanceClock', {
  args: { days: z.number().int().min(1).max(3650) },
  narration: ['lab.clock.advanced'],
  check() {},
  async run(ctx, cmd) {
    const from = ctx.tx.now()
    ctx.tx.updateMeta((m) => void (m.clock = from + cmd.days * 86400))
    say(ctx, 'clock', VCENTER_ID, VCENTER_ID, 'lab.clock.advanced', { days: cmd.days, date: new Date((from + cmd.days * 86400) * 1000).toISOString().slice(0, 10) })
  }
})

