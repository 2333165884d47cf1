// The story level of the timeline: the events grouped into one step per meaningful moment ("vCenter asks the KMS for
// a new key", "the KEK reaches the hosts", "the disk is rewritten"), where the wire level shows every message.
// The grouping rule lives here and nowhere else; it reads only what every event already has (its command, kind,
// route and message), so the lab core needs no extra field. Pure, so it is tested without a page.
//
// The rule: a step starts at a "lead" event and takes the "follower" events after it, never across commands.
// - A KMS conversation (TLS handshake … close) is one step, headed by its key request (Create, Get …), not by the
//   attribute chatter around it.
// - A run of pushes of the same key (the KEK to every host of a cluster) is one step.
// - Bookkeeping that follows a moment (vCenter's database, forgetting key material, a host noting its own new
//   state, the file write after a disk rewrite, a key wrapped right after it was made) joins that moment.

import type { EventKind } from '../../../shared/lab/events'
import { lowerBound, partitionPoint } from '../reading/sortedSearch'

/** What the grouping reads of an event. */
export interface StoryEvent {
  seq: number
  command: number
  kind: EventKind
  from: string
  to: string
  message: { id: string }
  keys: readonly { keyId?: string }[]
  kmip: { operation: string } | null
}

export interface StoryStep {
  /** The command the step belongs to (a step never spans two). */
  command: number
  first: number
  /** The step's last event: the step is over (its state shown) when the cursor reaches it. */
  last: number
  /** The event that tells the step (its sentence and token). */
  headline: number
}

export type Pace = 'story' | 'wire'

/** Kinds that always join the step before them (inside the same command). */
const FOLLOWERS: ReadonlySet<EventKind> = new Set<EventKind>(['kmip.request', 'kmip.response', 'tls.close', 'vcenter.db', 'key.discard', 'key.wrap', 'key.seal', 'file.write', 'clock'])

/** The KMIP operations that carry the point of a KMS conversation, most telling first. */
const KEY_OPERATIONS = ['Create', 'Register', 'Re-key', 'ReKey', 'Get', 'Locate', 'Destroy', 'Revoke', 'Activate']

function isFollower(e: StoryEvent, prev: StoryEvent, inSession: boolean): boolean {
  if (e.command !== prev.command) return false
  // Everything inside a TLS session with the KMS is one conversation, and so are sessions one after another
  // between the same two components (a client may open a session per request).
  if (inSession) return true
  if (e.kind === 'tls.handshake' && prev.kind === 'tls.close' && e.from === prev.from && e.to === prev.to) return true
  // The disk rewritten with the key just made.
  if ((e.kind === 'disk.encrypt' || e.kind === 'disk.decrypt') && prev.kind === 'key.generate') return true
  if (FOLLOWERS.has(e.kind)) return true
  // A component noting its own new state (esx-01 is now crypto safe) follows what caused it; a state another
  // component imposes (vCenter prepares a host) is a moment of its own.
  if ((e.kind === 'host.state' || e.kind === 'vm.state') && e.from === e.to) return true
  // The same key pushed to host after host.
  if (e.kind === 'key.push' && prev.kind === 'key.push' && e.message.id === prev.message.id && e.keys[0]?.keyId === prev.keys[0]?.keyId) return true
  return false
}

/** A step is told by its key request, else by a disk being rewritten, else by its first event. */
function headlineOf(events: readonly StoryEvent[], from: number, to: number): number {
  let best = from
  let bestRank = Infinity
  for (let i = from; i < to; i++) {
    const e = events[i]
    const op = e.kmip?.operation
    const rank = op && e.kind === 'kmip.request' ? KEY_OPERATIONS.indexOf(op) : e.kind === 'disk.encrypt' || e.kind === 'disk.decrypt' ? KEY_OPERATIONS.length : -1
    if (rank >= 0 && rank < bestRank) {
      best = i
      bestRank = rank
    }
  }
  return events[best].seq
}

/** The story steps of `events` (contiguous, ascending), or of `events` from index `from` on when extending. */
export function storySteps(events: readonly StoryEvent[], from = 0): StoryStep[] {
  const steps: StoryStep[] = []
  let start = from
  let inSession = false
  for (let i = from; i < events.length; i++) {
    const e = events[i]
    if (i > start && !isFollower(e, events[i - 1], inSession)) {
      steps.push({ command: events[start].command, first: events[start].seq, last: events[i - 1].seq, headline: headlineOf(events, start, i) })
      start = i
      inSession = false
    }
    if (e.kind === 'tls.handshake') inSession = true
    else if (e.kind === 'tls.close') inSession = false
  }
  if (start < events.length) steps.push({ command: events[start].command, first: events[start].seq, last: events[events.length - 1].seq, headline: headlineOf(events, start, events.length) })
  return steps
}

/**
 * The steps after new events were appended: the last step is grouped again with them when they continue its
 * command (a command's events may arrive in more than one push).
 */
export function extendStory(steps: readonly StoryStep[], events: readonly StoryEvent[], baseSeq: number, previousLength: number): StoryStep[] {
  if (previousLength >= events.length) return steps as StoryStep[]
  const tail = steps[steps.length - 1]
  const regroup = tail && events[previousLength]?.command === tail.command
  const keep = regroup ? steps.slice(0, -1) : steps
  const from = regroup ? tail.first - baseSeq - 1 : previousLength
  return [...keep, ...storySteps(events, from)]
}

/** The step event `seq` belongs to, or null outside the grouped history. */
export function storyStepOf(steps: readonly StoryStep[], seq: number): StoryStep | null {
  const s = steps[partitionPoint(steps.length, (i) => steps[i].last >= seq)]
  return s && s.first <= seq ? s : null
}

/**
 * What the story level shows and plays: the last event of every step that has an event the filter shows. The clock
 * flies one token per step and the cursor lands on the step's end, so the state shown is the one after the step.
 */
export function storySeqs(steps: readonly StoryStep[], visible: readonly number[]): number[] {
  const out: number[] = []
  for (const s of steps) {
    const i = lowerBound(visible, s.first)
    if (i < visible.length && visible[i] <= s.last) out.push(s.last)
  }
  return out
}

/** The event that tells `seq` at a pace: the headline of its story step, or itself at wire pace. */
export function toldSeq(steps: readonly StoryStep[], pace: Pace, seq: number): number {
  return pace === 'story' ? (storyStepOf(steps, seq)?.headline ?? seq) : seq
}
