// Follow along, the window's side. A presenter's window reports the step it shows to its host (at most every
// SHOWN_INTERVAL_MS while it plays); a viewer's window goes to the step the presenter shows while it follows, and
// stops following as soon as the viewer steps through the history on their own (until they rejoin).

import type { ShownStep } from '../../../shared/api/sharing'
import type { Scheduler } from './scheduler'

export type WindowRole = 'presenter' | 'viewer'

export interface FollowState {
  role: WindowRole
  /** A viewer's window goes where the presenter's goes (false: the viewer looks around on their own). */
  following: boolean
  /** The step the presenter's window shows, as last heard. */
  presenter: ShownStep | null
  /** Why a viewer's connection closed (the presenter stopped sharing, too many viewers, …), or null. */
  closed: { code: number; reason: string } | null
}

export const initialFollow = (role: WindowRole): FollowState => ({ role, following: role === 'viewer', presenter: null, closed: null })

/** Fast enough that viewers see every step of a playback within a second, slow enough to be no load. */
export const SHOWN_INTERVAL_MS = 100

const sameStep = (a: ShownStep | null, b: ShownStep | null) => a !== null && b !== null && a.labId === b.labId && a.seq === b.seq

/**
 * Reports `current()` through `showStep` whenever it changes, at most once per interval (the last change is always
 * sent). Stops for good when the host does not offer follow along. Returns the function that stops it.
 */
export function publishShownSteps(
  current: () => ShownStep | null,
  onChange: (listener: () => void) => () => void,
  showStep: (step: ShownStep) => Promise<void>,
  scheduler: Scheduler,
  intervalMs = SHOWN_INTERVAL_MS
): () => void {
  let sent: ShownStep | null = null
  let lastSentAt = -Infinity
  let timer: unknown = null
  let stopped = false

  const flush = () => {
    timer = null
    const step = current()
    if (stopped || !step || sameStep(step, sent)) return
    sent = step
    lastSentAt = scheduler.now()
    showStep(step).catch(() => stop())
  }
  const changed = () => {
    const step = current()
    if (stopped || timer !== null || !step || sameStep(step, sent)) return
    const wait = lastSentAt + intervalMs - scheduler.now()
    if (wait <= 0) flush()
    else timer = scheduler.setTimeout(flush, wait)
  }
  const unsubscribe = onChange(changed)
  const stop = () => {
    stopped = true
    unsubscribe()
    if (timer !== null) scheduler.clearTimeout(timer)
    timer = null
  }
  changed()
  return stop
}
