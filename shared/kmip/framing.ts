// Cuts a TLS byte stream into KMIP messages. TTLV messages follow each other on a connection with no delimiter:
// read 8 bytes, take the Length, read that many more (see frameLength).

import { DEFAULT_TTLV_LIMITS, frameLength } from './ttlv'

export class KmipFrameReader {
  private buffer = new Uint8Array(0)

  constructor(private readonly maxMessageBytes: number = DEFAULT_TTLV_LIMITS.maxMessageBytes) {}

  /**
   * Adds received bytes and returns the complete messages they finish, in order. Throws KmipDecodeError when a
   * header cannot start a KMIP message (the connection should then be closed: the stream cannot resync).
   */
  push(chunk: Uint8Array): Uint8Array[] {
    // Usually a read holds whole messages and nothing is pending: cut them out without copying the read first.
    let joined = chunk
    if (this.buffer.length) {
      joined = new Uint8Array(this.buffer.length + chunk.length)
      joined.set(this.buffer)
      joined.set(chunk, this.buffer.length)
    }
    const messages: Uint8Array[] = []
    let pos = 0
    while (joined.length - pos >= 8) {
      const total = 8 + frameLength(joined.subarray(pos, pos + 8), this.maxMessageBytes)
      if (joined.length - pos < total) break
      messages.push(joined.slice(pos, pos + total))
      pos += total
    }
    this.buffer = joined.slice(pos)
    return messages
  }

  /** Bytes received that do not yet form a whole message. */
  get pending(): number {
    return this.buffer.length
  }
}
