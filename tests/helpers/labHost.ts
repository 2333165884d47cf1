// A main-process lab host (the one the window talks to) with commands already run; each must be accepted.

import { expect } from 'vitest'
import { LabHost } from '../../node/host/labHost'
import type { LabCommand } from '../../shared/lab/commands/schema'

export async function labHostWith(seed: number, commands: readonly LabCommand[], onCreated?: (host: LabHost) => void): Promise<LabHost> {
  const host = await LabHost.create({ seed })
  onCreated?.(host)
  for (const c of commands) expect((await host.runCommand(c)).fault, c.op).toBeNull()
  return host
}
