// Test-side WebSocket helpers: connect with a chosen Origin/Host and see whether the host accepted or refused.

import { WebSocket, type ClientOptions } from 'ws'
import type { WireServerMessage } from '../../shared/api/wire'

export type ConnectResult = { ok: true; ws: WebSocket } | { ok: false; status: number; body: string }

export function connect(url: string, options: ClientOptions = {}): Promise<ConnectResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options)
    ws.once('open', () => resolve({ ok: true, ws }))
    ws.once('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ ok: false, status: res.statusCode ?? 0, body }))
    })
    ws.once('error', (e) => {
      if (!/Unexpected server response/.test(e.message)) reject(e)
    })
  })
}

/** Collects every message of a connection, and waits for the reply with a given id. */
export class Conversation {
  readonly messages: WireServerMessage[] = []
  private waiters: { id: number; resolve: (m: WireServerMessage) => void }[] = []

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as WireServerMessage
      this.messages.push(msg)
      for (const w of this.waiters.filter((w) => 'id' in msg && msg.id === w.id)) w.resolve(msg)
      this.waiters = this.waiters.filter((w) => !('id' in msg && msg.id === w.id))
    })
  }

  send(raw: unknown): void {
    this.ws.send(typeof raw === 'string' ? raw : JSON.stringify(raw))
  }

  reply(id: number): Promise<WireServerMessage> {
    const found = this.messages.find((m) => 'id' in m && m.id === id)
    if (found) return Promise.resolve(found)
    return new Promise((resolve) => this.waiters.push({ id, resolve }))
  }

  async call(id: number, method: string, args: unknown[]): Promise<WireServerMessage> {
    this.send({ id, method, args })
    return this.reply(id)
  }
}

/** Closes the connection and resolves once the server has seen the close. */
export function closed(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) return resolve()
    ws.once('close', () => resolve())
    ws.close()
  })
}
