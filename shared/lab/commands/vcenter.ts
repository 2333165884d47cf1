// vCenter outage and recovery, and the lab's own clock.

import { say } from '../context'
import { fault } from '../faults'
import { VCENTER_ID } from '../model'
import { restoreHostKey } from '../services/hostCrypto'
import { vcenter } from '../services/vcenterKeys'
import type { CommandHandler } from './handler'

export const vcenterStop: CommandHandler<'vcenter.stop'> = {
  check(ctx) {
    if (!vcenter(ctx).running) throw fault('InvalidState', 'fault.vcenter.alreadyStopped')
  },
  async run(ctx) {
    ctx.tx.update(vcenter(ctx), (v) => {
      v.running = false
      v.memory.connections = []
      v.memory.keysInFlight = []
    })
    say(ctx, 'component', VCENTER_ID, VCENTER_ID, 'vcenter.stopped')
  }
}

export const vcenterStart: CommandHandler<'vcenter.start'> = {
  check(ctx) {
    if (vcenter(ctx).running) throw fault('InvalidState', 'fault.vcenter.alreadyRunning')
  },
  async run(ctx) {
    ctx.tx.update(vcenter(ctx), (v) => void (v.running = true))
    say(ctx, 'component', VCENTER_ID, VCENTER_ID, 'vcenter.started')
    for (const host of ctx.tx.all('host')) {
      say(ctx, 'host.state', host.id, VCENTER_ID, 'host.reconnect.vcenterBack', { host: host.name })
      await restoreHostKey(ctx, host)
    }
  }
}

export const labAdvanceClock: CommandHandler<'lab.advanceClock'> = {
  check() {},
  async run(ctx, cmd) {
    const from = ctx.tx.now()
    ctx.tx.updateMeta((m) => void (m.clock = from + cmd.days * 86400))
    say(ctx, 'clock', VCENTER_ID, VCENTER_ID, 'lab.clock.advanced', { days: cmd.days, date: new Date((from + cmd.days * 86400) * 1000).toISOString().slice(0, 10) })
  }
}
