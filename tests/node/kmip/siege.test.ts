// Issue 12, finding 6: the KMS under siege on loopback. A slow-loris dripping one message a byte at a time, one
// dripping its TLS handshake, 300 TCP sockets that never speak and 256 authenticated sessions that stay silent
// hold every slot there is; a good client must still create and read a key within 2 s, and each stalled peer must
// be cut by its own timeout (message, handshake), not by the long idle timeout.

import { connect as tcpConnect, type Socket } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { getPayload, KmipClient, Operation } from '../../../shared/kmip'
import { DEFAULT_SERVER_LIMITS, type RunningKmsServer } from '../../../node/kmip/kmsServer'
import { openClient, startLabKms } from './support/labKms'
import { makeTestPki, type TestPki } from './support/pki'
import { rawSession, type RawSession } from './support/rawTls'

const MESSAGE_TIMEOUT_MS = 800
const HANDSHAKE_TIMEOUT_MS = 3_000

let pki: TestPki
let server: RunningKmsServer
const sessions: RawSession[] = []
const sockets: Socket[] = []

beforeAll(async () => {
  pki = makeTestPki()
  // The idle timeout stays at its default (120 s): the silent sessions must be dealt with by the session cap.
  server = (
    await startLabKms(pki, {
      maxSessions: DEFAULT_SERVER_LIMITS.maxSessions,
      handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
      limits: { messageTimeoutMs: MESSAGE_TIMEOUT_MS }
    })
  ).server
})

afterAll(async () => {
  for (const s of sessions) s.destroy()
  for (const s of sockets) s.destroy()
  await server?.close()
  pki?.dispose()
})

const builder = new KmipClient(async () => new Uint8Array())
const getRequest = (uid: string) => builder.buildRequest([{ operation: Operation.Get, payload: getPayload.encodeRequest({ uniqueIdentifier: uid }) }])

function idleSocket(): Socket {
  const s = tcpConnect(server.port, '127.0.0.1')
  s.on('error', () => undefined)
  sockets.push(s)
  return s
}

it('serves a good client within 2 s while slow, idle and silent peers hold every slot', async () => {
  // 256 silent sessions, opened a batch at a time (a batch must fit in the handshake cap to get through).
  for (let opened = 0; opened < DEFAULT_SERVER_LIMITS.maxSessions; opened += 32) {
    sessions.push(...(await Promise.all(Array.from({ length: 32 }, () => rawSession(pki, server.port)))))
  }
  await expect.poll(() => server.open, { timeout: 10_000 }).toBe(DEFAULT_SERVER_LIMITS.maxSessions)

  // A slow-loris inside a session: one byte of a message every 100 ms, for far longer than the message timeout.
  const loris = sessions[0]
  const request = getRequest('drip')
  let dripped = 0
  const lorisStarted = Date.now()
  const lorisCut = loris.closed.then(() => Date.now() - lorisStarted)
  const drip = setInterval(() => {
    if (dripped < request.length - 1) loris.write(request.subarray(dripped, ++dripped))
  }, 100)

  // A slow-loris in the handshake: a TLS record header, then a byte every 100 ms.
  const handshakeDripper = idleSocket()
  const handshakeOpened = Date.now()
  const handshakeClosed = new Promise<number>((resolve) => handshakeDripper.once('close', () => resolve(Date.now() - handshakeOpened)))
  handshakeDripper.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00]))
  const handshakeDrip = setInterval(() => handshakeDripper.writable && handshakeDripper.write(Buffer.from([0x01])), 100)

  // 300 TCP connections that never send a byte.
  for (let i = 0; i < 300; i++) idleSocket()
  await new Promise((r) => setTimeout(r, 300))

  try {
    const started = Date.now()
    const { client, link } = await openClient(pki, server.port)
    try {
      const uid = (await client.createSymmetricKey()).value
      expect((await client.get(uid)).value.keyMaterial).toHaveLength(32)
    } finally {
      link.close()
    }
    const tookMs = Date.now() - started
    expect(tookMs).toBeLessThan(2_000)

    // Each stalled peer is cut by its own deadline, long before the 120 s idle timeout.
    expect(await lorisCut).toBeLessThan(MESSAGE_TIMEOUT_MS + 1_000)
    // The server counts a close once the peer's side is gone too (up to its 2 s linger).
    await expect.poll(() => server.stats.closed['partial-message'], { timeout: 5_000 }).toBeGreaterThanOrEqual(1)
    expect(await handshakeClosed).toBeLessThan(HANDSHAKE_TIMEOUT_MS + 1_000)
    // The good client's session took the slot of a silent one.
    await expect.poll(() => server.stats.closed.evicted, { timeout: 5_000 }).toBeGreaterThanOrEqual(1)
    // Idle sockets beyond the handshake cap were dropped as newer ones came.
    expect(server.stats.dropped).toBeGreaterThanOrEqual(300 - DEFAULT_SERVER_LIMITS.maxHandshakes)
  } finally {
    clearInterval(drip)
    clearInterval(handshakeDrip)
  }
}, 60_000)
