// A bare TLS client for robustness tests: writes any bytes, records what comes back and when the server closes.

import { connect, type TLSSocket } from 'node:tls'
import type { ClientName, TestPki } from './pki'

export interface RawSession {
  socket: TLSSocket
  received(): Buffer
  /** Resolves when the server has closed the connection (with the time it took since `since`). */
  closed: Promise<{ afterMs: number; error?: string }>
  write(bytes: Uint8Array): void
  destroy(): void
}

export function rawSession(pki: TestPki, port: number, who: ClientName = 'client'): Promise<RawSession> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, ...pki.client(who) })
    const chunks: Buffer[] = []
    const opened = Date.now()
    let error: string | undefined
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('error', (e) => (error = e.message))
    const closed = new Promise<{ afterMs: number; error?: string }>((done) => socket.once('close', () => done({ afterMs: Date.now() - opened, error })))
    socket.once('secureConnect', () =>
      resolve({
        socket,
        received: () => Buffer.concat(chunks),
        closed,
        write: (bytes) => socket.write(bytes),
        destroy: () => socket.destroy()
      })
    )
    socket.once('error', reject)
  })
}

/** Opens a connection, writes `bytes`, ends our side and resolves with everything received until the close. */
export async function exchangeAndClose(pki: TestPki, port: number, bytes: Uint8Array): Promise<Uint8Array> {
  const session = await rawSession(pki, port)
  session.socket.end(bytes)
  await session.closed
  return session.received()
}
