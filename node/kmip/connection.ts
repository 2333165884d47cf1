// One KMIP connection on the server side: cut the TLS stream into messages, answer each in order, and protect the
// rest of the server from this peer. Nothing here throws out of an event handler.
//
// - Framing it cannot follow (not a Structure, a length that is not a multiple of 8, over the size limit) closes
//   the connection: the stream cannot be resynchronised, and buffering a hostile length is what an attacker wants.
// - A message, once started, must arrive whole within messageTimeoutMs (half a message blocks nobody else, but
//   it must not hold a connection slot forever); an idle connection is closed after idleTimeoutMs.
// - Answers are written in request order. While the peer does not read them, we stop reading its requests.

import type { TLSSocket } from 'node:tls'
import { frameLength, KmipFrameReader } from '../../shared/kmip'

/** Answers one request message; a Promise when the answer waits for something (the key store being saved). */
export type KmipResponder = (request: Uint8Array) => Uint8Array | Promise<Uint8Array>

export interface ConnectionLimits {
  maxMessageBytes: number
  /** Close a connection that sends nothing for this long between messages. */
  idleTimeoutMs: number
  /** Close a connection that leaves a message unfinished for this long. */
  messageTimeoutMs: number
}

/** Why a connection closed; 'evicted': the server needed its slot for a new session while this one sat idle. */
export type CloseReason = 'peer' | 'idle' | 'partial-message' | 'bad-framing' | 'error' | 'server' | 'evicted'

// How long a closed-by-us connection may linger waiting for the peer's FIN before it is destroyed.
const LINGER_MS = 2_000
// Requests queued beyond this many bytes (answers waiting on a save) pause reading from the peer.
const MAX_QUEUED_BYTES = 4 * 1024 * 1024

export class KmipConnection {
  private readonly reader: KmipFrameReader
  private readonly queue: Uint8Array[] = []
  private queuedBytes = 0
  // An answer is being waited for (a save); the messages after it wait their turn.
  private awaitingAnswer = false
  private closing: CloseReason | null = null
  private lastActivity = Date.now()
  private partialSince = 0
  private timer: NodeJS.Timeout | null = null
  private timerAt = 0
  private finished = false
  private tail: Buffer[] = []
  private tailBytes = 0
  private readonly onData = (chunk: Buffer): void => this.received(chunk)

  constructor(
    readonly socket: TLSSocket,
    private readonly respond: KmipResponder,
    private readonly limits: ConnectionLimits,
    private readonly onClose: (reason: CloseReason) => void
  ) {
    this.reader = new KmipFrameReader(limits.maxMessageBytes)
    socket.setNoDelay(true)
    socket.on('data', this.onData)
    socket.on('error', () => this.finish('error'))
    socket.on('close', () => this.finish('peer'))
    socket.on('drain', () => this.resumeIfIdle())
    this.armTimer()
  }

  /** Stops reading, lets queued answers go out, then closes (server shutdown). */
  close(reason: CloseReason = 'server'): void {
    this.endGracefully(reason)
  }

  /** Since when the peer has been silent with nothing of it left to answer; null while it is busy with us. */
  get silentSince(): number | null {
    if (this.closing || this.awaitingAnswer || this.queue.length > 0 || this.partialSince > 0) return null
    return this.lastActivity
  }

  private received(chunk: Buffer): void {
    if (this.closing) return
    this.lastActivity = Date.now()
    const unconsumed = this.reader.pending
    let messages: Uint8Array[]
    try {
      messages = this.reader.push(chunk)
    } catch {
      // The reader refuses the whole read at the first unframeable header; the messages before it in the same read
      // were well framed and deserve their answers before the close.
      const unread = Buffer.concat([...this.tail, chunk])
      this.enqueue(framesBeforeDamage(unread.subarray(unread.length - unconsumed - chunk.length), this.limits.maxMessageBytes))
      this.endGracefully('bad-framing')
      return
    }
    this.keepTail(chunk)
    // The clock for "finish your message" restarts whenever a message completes, so a long pipelined stream whose
    // messages straddle chunk boundaries is never mistaken for a stalled one.
    if (this.reader.pending === 0) this.partialSince = 0
    else if (messages.length > 0 || this.partialSince === 0) this.partialSince = this.lastActivity
    // The timer sleeps until the idle deadline; a message just started has a nearer one.
    if (this.partialSince > 0 && this.timer !== null && this.partialSince + this.limits.messageTimeoutMs < this.timerAt) {
      clearTimeout(this.timer)
      this.armTimer()
    }
    this.enqueue(messages)
  }

  private enqueue(messages: Uint8Array[]): void {
    for (const message of messages) {
      this.queue.push(message)
      this.queuedBytes += message.length
    }
    if (this.queuedBytes > MAX_QUEUED_BYTES) this.socket.pause()
    if (!this.awaitingAnswer) this.pump()
  }

  // Keeps (without copying) the received chunks that still hold the reader's unconsumed bytes, which are the last
  // `reader.pending` bytes of their concatenation; needed only if a later read turns out to be unframeable.
  private keepTail(chunk: Buffer): void {
    const pending = this.reader.pending
    if (pending === 0) {
      this.tail = []
      this.tailBytes = 0
      return
    }
    this.tail.push(chunk)
    this.tailBytes += chunk.length
    while (this.tailBytes - this.tail[0].length >= pending) this.tailBytes -= this.tail.shift()!.length
  }

  // Answers queued messages in order. Synchronous answers go out in one pass with no promise in between (the common
  // case: reads, and everything when keys live in memory); an answer that waits (a save) holds back the ones after it.
  private pump(): void {
    while (this.queue.length > 0 && !this.socket.destroyed) {
      const request = this.queue.shift()!
      this.queuedBytes -= request.length
      let answer: Uint8Array | Promise<Uint8Array>
      try {
        answer = this.respond(request)
      } catch {
        // The responder promises never to throw; if it does, this connection cannot be answered correctly.
        this.socket.destroy()
        return
      }
      if (answer instanceof Promise) {
        this.awaitingAnswer = true
        answer.then(
          (bytes) => {
            this.awaitingAnswer = false
            this.send(bytes)
            this.pump()
          },
          () => {
            this.awaitingAnswer = false
            this.socket.destroy()
          }
        )
        return
      }
      this.send(answer)
    }
    if (this.closing) this.socket.end()
    else this.resumeIfIdle()
  }

  private send(answer: Uint8Array): void {
    if (this.socket.destroyed) return
    // write() returning false means the peer is not reading: stop taking requests until it catches up.
    if (!this.socket.write(answer)) this.socket.pause()
    this.lastActivity = Date.now()
  }

  private resumeIfIdle(): void {
    if (this.closing || this.socket.destroyed) return
    if (this.queuedBytes <= MAX_QUEUED_BYTES && this.socket.writableLength === 0 && this.socket.isPaused()) this.socket.resume()
  }

  private endGracefully(reason: CloseReason): void {
    if (this.closing) return
    this.closing = reason
    this.socket.off('data', this.onData)
    this.socket.pause()
    // With answers still queued or in progress, pump() ends the connection once they are written.
    if (!this.awaitingAnswer && this.queue.length === 0) this.socket.end()
    // A peer that never acknowledges the close must not keep the slot.
    setTimeout(() => this.socket.destroy(), LINGER_MS).unref()
  }

  // One lazy timer per connection: activity only updates timestamps; the timer re-arms itself for what is left.
  private armTimer(): void {
    const now = Date.now()
    const partial = this.partialSince > 0
    const deadline = partial ? this.partialSince + this.limits.messageTimeoutMs : this.lastActivity + this.limits.idleTimeoutMs
    // While the peer waits for us (an answer held back by a save), its silence is not idleness.
    const waitingOnUs = this.awaitingAnswer || this.queue.length > 0
    if (now >= deadline && !waitingOnUs) {
      this.timer = null
      this.endGracefully(partial ? 'partial-message' : 'idle')
      return
    }
    const wait = Math.max(10, now >= deadline ? Math.min(1_000, this.limits.idleTimeoutMs) : deadline - now)
    this.timerAt = now + wait
    this.timer = setTimeout(() => this.armTimer(), wait)
    this.timer.unref()
  }

  private finish(reason: CloseReason): void {
    if (this.finished) return
    this.finished = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.queue.length = 0
    const why = this.closing ?? reason
    this.closing = why
    if (!this.socket.destroyed) this.socket.destroy()
    this.onClose(why)
  }
}

/** The whole, well-framed messages at the start of `bytes`, up to the first header that cannot be framed. */
function framesBeforeDamage(bytes: Uint8Array, maxMessageBytes: number): Uint8Array[] {
  const frames: Uint8Array[] = []
  for (let at = 0; bytes.length - at >= 8; ) {
    let length: number
    try {
      length = frameLength(bytes.subarray(at, at + 8), maxMessageBytes)
    } catch {
      break
    }
    if (at + 8 + length > bytes.length) break
    frames.push(bytes.slice(at, at + 8 + length))
    at += 8 + length
  }
  return frames
}
