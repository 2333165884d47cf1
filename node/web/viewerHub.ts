// The room's side of follow along: every viewer connection, what they are sent and how much may wait for each.
// A push (the lab changed, the presenter shows another step) is serialised once and sent to all viewers. A viewer
// whose socket has more than `maxQueuedBytes` waiting is closed rather than buffered without end, so a slow or
// stalled machine in the room costs the presenter nothing. Answers to viewers' reads are cached until the lab
// changes (every push clears them): sixty viewers reloading after a rewind cost one timeline, not sixty.

import type { WebSocket } from 'ws'
import type { LabApi, LabPush } from '../../shared/api/contract'
import { SHARING_STOPPED, VIEWERS_FULL, type ShownStep } from '../../shared/api/sharing'

export const DEFAULT_MAX_VIEWERS = 60
/** Enough for a big lab's timeline and a few pushes behind it; beyond that a viewer is too slow to follow. */
export const DEFAULT_MAX_QUEUED_BYTES = 32 * 1024 * 1024
/** Distinct reads kept per lab version (a timeline, a few history pages, the lab file). */
const MAX_CACHED_ANSWERS = 16

export interface ViewerHubOptions {
  maxViewers?: number
  maxQueuedBytes?: number
  log?: (line: string) => void
}

export class ViewerHub {
  readonly maxViewers: number
  readonly maxQueuedBytes: number
  private readonly viewers = new Set<WebSocket>()
  private readonly countListeners = new Set<(count: number) => void>()
  private readonly log: (line: string) => void
  private readonly unsubscribe: () => void
  private shown: ShownStep | null = null
  private outbox: LabPush[] = []
  private readonly cache = new Map<string, Promise<string | null>>()

  constructor(api: LabApi, options: ViewerHubOptions = {}) {
    this.maxViewers = options.maxViewers ?? DEFAULT_MAX_VIEWERS
    this.maxQueuedBytes = options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES
    this.log = options.log ?? (() => {})
    this.unsubscribe = api.subscribe((push) => {
      this.cache.clear()
      this.broadcast(push)
    })
  }

  get count(): number {
    return this.viewers.size
  }

  /** Takes a new viewer connection; a full room closes it with a reason the viewer page shows. */
  add(ws: WebSocket): boolean {
    if (this.viewers.size >= this.maxViewers) {
      ws.close(VIEWERS_FULL.code, VIEWERS_FULL.reason)
      return false
    }
    this.viewers.add(ws)
    ws.once('close', () => {
      if (this.viewers.delete(ws)) this.countChanged()
    })
    if (this.shown) this.send(ws, JSON.stringify({ push: { type: 'shown', ...this.shown } satisfies LabPush }))
    this.countChanged()
    return true
  }

  /** The step the presenter's window shows now; viewers that follow go there. */
  publishShown(step: ShownStep): void {
    if (this.shown && this.shown.labId === step.labId && this.shown.seq === step.seq) return
    this.shown = { labId: step.labId, seq: step.seq }
    this.broadcast({ type: 'shown', ...this.shown })
  }

  /**
   * Sends a push to every viewer, after the presenter: the lab's listeners run in turn, so the viewers' share is
   * done on a later turn of the event loop, once the presenter's window has its push. Order is kept.
   */
  broadcast(push: LabPush): void {
    if (this.viewers.size === 0) return
    this.outbox.push(push)
    if (this.outbox.length === 1) setImmediate(() => this.flush())
  }

  private flush(): void {
    const pushes = this.outbox
    this.outbox = []
    for (const push of pushes) {
      const text = JSON.stringify({ push })
      for (const ws of this.viewers) this.send(ws, text)
    }
  }

  /** Sends to one viewer, or closes it when too much is already waiting for it. False when not sent. */
  send(ws: WebSocket, text: string): boolean {
    if (ws.readyState !== ws.OPEN) return false
    if (ws.bufferedAmount > this.maxQueuedBytes) {
      this.log(`viewer dropped: ${ws.bufferedAmount} bytes waiting`)
      this.viewers.delete(ws)
      this.countChanged()
      // terminate, not close: a close handshake would queue behind the backlog.
      ws.terminate()
      return false
    }
    ws.send(text)
    return true
  }

  /** A read's answer (JSON text) for these arguments, computed once per lab version (a failure, null, is not kept). */
  cached(key: string, compute: () => Promise<string | null>): Promise<string | null> {
    const hit = this.cache.get(key)
    if (hit) return hit
    // The promise is kept, so viewers asking at the same moment (all of them, after a rewind) share one answer.
    const answer = compute()
    this.cache.set(key, answer)
    if (this.cache.size > MAX_CACHED_ANSWERS) this.cache.delete(this.cache.keys().next().value!)
    const forget = () => {
      if (this.cache.get(key) === answer) this.cache.delete(key)
    }
    answer.then((text) => text === null && forget(), forget)
    return answer
  }

  onCount(listener: (count: number) => void): () => void {
    this.countListeners.add(listener)
    return () => {
      this.countListeners.delete(listener)
    }
  }

  /** Sharing stopped: every viewer is told so and disconnected. */
  disconnectAll(): void {
    for (const ws of this.viewers) {
      ws.close(SHARING_STOPPED.code, SHARING_STOPPED.reason)
      // A viewer that does not answer the close handshake is cut off anyway.
      setTimeout(() => ws.terminate(), 1000).unref()
    }
    this.viewers.clear()
    this.countChanged()
  }

  dispose(): void {
    this.disconnectAll()
    this.unsubscribe()
    this.countListeners.clear()
  }

  private countChanged(): void {
    for (const l of this.countListeners) l(this.viewers.size)
  }
}
