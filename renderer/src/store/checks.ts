// Which commands the core would refuse right now, asked in batches: every menu, form and context menu asks for the
// commands it offers, the asks of one moment go to the host in one `checkCommands` call, and the answers are kept
// until the lab changes (then the old answers stay on screen until the new ones arrive, so nothing flickers).

import type { LabCommand } from '../../../shared/lab/commands/schema'
import type { FaultInfo } from '../../../shared/lab/faults'

/** A stable key for a command: its fields in a fixed order. */
export function commandKey(c: LabCommand): string {
  const o = c as unknown as Record<string, unknown>
  return JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]))
}

export type CheckResult = FaultInfo | null

export interface ChecksState {
  /** The lab state the answers are for: lab id and last seq. */
  key: string
  results: Record<string, CheckResult>
  /** Answers for the previous state, shown until the current ones arrive. */
  stale: Record<string, CheckResult>
}

export const NO_CHECKS: ChecksState = { key: '', results: {}, stale: {} }

export function checkFor(checks: ChecksState, c: LabCommand): { result: CheckResult; known: boolean } {
  const k = commandKey(c)
  if (k in checks.results) return { result: checks.results[k], known: true }
  if (k in checks.stale) return { result: checks.stale[k], known: false }
  return { result: null, known: false }
}

/** The state moved on: keep the answers as stale ones. */
export function rekeyChecks(checks: ChecksState, key: string): ChecksState {
  if (checks.key === key) return checks
  return { key, results: {}, stale: Object.keys(checks.results).length ? checks.results : checks.stale }
}

export const MAX_CHECK_BATCH = 500
