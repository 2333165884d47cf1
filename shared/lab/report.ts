// The lab as one document (the command line's `run --json`): every event, every component with its memory and
// persisted surfaces, and the refused commands. Byte strings stay bytes here; the writer prints them as hex.

import type { Lab } from './lab'
import type { LabEvent } from './events'
import type { Component, LabMeta } from './model'

export interface LabReport {
  events: LabEvent[]
  state: { lab: { seed: number | null; clock: string }; components: Component[] }
  faults: { step: number | null; command: number; op: string; fault: string; message: string }[]
}

export function labReport(lab: Lab): LabReport {
  const meta: LabMeta = lab.meta
  const components = meta.order.map((id) => lab.component(id)).filter((c): c is Component => c !== undefined)
  return {
    events: lab.entries.map((e) => e.event),
    state: { lab: { seed: meta.seed, clock: new Date(meta.clock * 1000).toISOString() }, components },
    faults: lab.commands
      .filter((c) => c.fault)
      .map((c) => ({ step: c.step, command: c.index, op: String(c.command.op), fault: c.fault!.fault, message: c.fault!.text }))
  }
}
