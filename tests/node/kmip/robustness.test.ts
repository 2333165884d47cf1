// A KMS on a network meets clients that misbehave: garbage, hostile framing, half messages, silence, floods of
// connections, peers that never read. Each must cost that client its connection at worst, never anyone else's.

import { connect as tcpConnect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeResponseMessage, DEFAULT_TTLV_LIMITS, getPayload, KmipClient, Operation, ResultReason } from '../../../shared/kmip'
import type { RunningKmsServer } from '../../../node/kmip/kmsServer'
import { hostileFrames } from './support/fuzzer'
import { openClient, startLabKms } from './support/labKms'
import { makeTestPki, type TestPki } from './support/pki'
import { rawSession } from './support/rawTls'

const MESSAGE_TIMEOUT_MS = 1_000
const IDLE_TIMEOUT_MS = 1_200

let pki: TestPki
let server: RunningKmsServer

beforeAll(async () => {
  pki = makeTestPki()
  server = (
    await startLabKms(pki, { limits: { messageTimeoutMs: MESSAGE_TIMEOUT_MS, idleTimeoutMs: IDLE_TIMEOUT_MS }, handshakeTimeoutMs: 1_500 })
  ).server
})
afterAll(async () => {
  await server?.close()
  pki?.dispose()
})

const builder = new KmipClient(async () => new Uint8Array())
const getRequest = (uid: string) => builder.buildRequest([{ operation: Operation.Get, payload: getPayload.encodeRequest({ uniqueIdentifier: uid }) }])

/** A header that frames `body` correctly as a KMIP message (type Structure, true length). */
function frame(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + body.length)
  out.set([0x42, 0x00, 0x78, 0x01])
  new DataView(out.buffer).setUint32(4, body.length)
  out.set(body, 8)
  return out
}

/** Proves the server still serves: a fresh client creates and gets a key within `withinMs`. */
async function stillServes(withinMs = 3_000): Promise<void> {
  const started = Date.now()
  const { client, link } = await openClient(pki, server.port)
  try {
    const uid = (await client.createSymmetricKey()).value
    expect((await client.get(uid)).value.keyMaterial).toHaveLength(32)
  } finally {
    link.close()
  }
  expect(Date.now() - started).toBeLessThan(withinMs)
}

describe('kms serve: garbage and hostile framing', () => {
  it('answers garbage that is framed plausibly with Invalid Message, and keeps the connection', async () => {
    const session = await rawSession(pki, server.port)
    const garbage = frame(Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff))
    session.write(garbage)
    session.write(getRequest('after-garbage'))
    await expect.poll(() => session.received().length).toBeGreaterThan(0)
    const answers: Uint8Array[] = []
    await expect
      .poll(() => {
        const bytes = session.received()
        answers.length = 0
        for (let at = 0; at + 8 <= bytes.length; ) {
          const end = at + 8 + bytes.readUInt32BE(at + 4)
          if (end > bytes.length) break
          answers.push(bytes.subarray(at, end))
          at = end
        }
        return answers.length
      })
      .toBe(2)
    const [first, second] = answers.map((a) => decodeResponseMessage(a).batchItems[0])
    expect(first.resultReason).toBe(ResultReason.InvalidMessage)
    expect(second).toMatchObject({ operation: Operation.Get, resultReason: ResultReason.ItemNotFound })
    session.destroy()
  })

  for (const hostile of hostileFrames(DEFAULT_TTLV_LIMITS.maxMessageBytes)) {
    it(`closes the connection, without an answer, on hostile framing: ${hostile.name}`, async () => {
      const before = server.stats.closed['bad-framing']
      const session = await rawSession(pki, server.port)
      session.write(hostile.bytes)
      const closed = await session.closed
      expect(closed.afterMs).toBeLessThan(3_000)
      expect(session.received()).toHaveLength(0)
      await expect.poll(() => server.stats.closed['bad-framing'] - before).toBe(1)
      await stillServes()
    })
  }

  it('answers the well-framed messages that arrive with a hostile frame, then closes', async () => {
    const session = await rawSession(pki, server.port)
    const hostile = hostileFrames(DEFAULT_TTLV_LIMITS.maxMessageBytes)[2].bytes
    session.socket.write(Buffer.concat([getRequest('first-of-two'), getRequest('second-of-two'), hostile]))
    await session.closed
    const bytes = session.received()
    const firstEnd = 8 + bytes.readUInt32BE(4)
    const answers = [bytes.subarray(0, firstEnd), bytes.subarray(firstEnd)].map((a) => decodeResponseMessage(a).batchItems[0].resultMessage)
    expect(answers[0]).toContain('first-of-two')
    expect(answers[1]).toContain('second-of-two')
  })
})

describe('kms serve: stalled and silent clients', () => {
  it('closes a connection that sends half a message, while other clients are served at once', async () => {
    const before = server.stats.closed['partial-message']
    const stalled = await rawSession(pki, server.port)
    let closedYet = false
    void stalled.closed.then(() => (closedYet = true))
    stalled.write(getRequest('half').subarray(0, 20))
    await stillServes(5_000)
    expect(closedYet).toBe(false)
    const closed = await stalled.closed
    expect(closed.afterMs).toBeGreaterThanOrEqual(MESSAGE_TIMEOUT_MS - 50)
    expect(closed.afterMs).toBeLessThan(MESSAGE_TIMEOUT_MS + 3_000)
    await expect.poll(() => server.stats.closed['partial-message'] - before).toBe(1)
  })

  it('closes a slow-drip client that never finishes its message, even though bytes keep coming', async () => {
    const dripper = await rawSession(pki, server.port)
    const request = getRequest('drip')
    let sent = 0
    const timer = setInterval(() => {
      if (sent < request.length - 1) dripper.write(request.subarray(sent, ++sent))
    }, 50)
    const closed = await dripper.closed
    clearInterval(timer)
    expect(sent).toBeLessThan(request.length - 1)
    expect(closed.afterMs).toBeLessThan(MESSAGE_TIMEOUT_MS + 3_000)
  })

  it('closes an idle connection after the idle timeout, and not before', async () => {
    const before = server.stats.closed.idle
    const idle = await rawSession(pki, server.port)
    idle.write(getRequest('one'))
    const closed = await idle.closed
    expect(idle.received().length).toBeGreaterThan(0)
    expect(closed.afterMs).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS - 50)
    await expect.poll(() => server.stats.closed.idle - before).toBe(1)
  })

  it('drops a TCP connection that never starts the TLS handshake', async () => {
    const before = server.stats.refusedHandshakes
    const started = Date.now()
    const silent = tcpConnect(server.port, '127.0.0.1')
    silent.on('error', () => undefined)
    await new Promise((resolve) => silent.once('close', resolve))
    expect(Date.now() - started).toBeLessThan(3_000)
    await expect.poll(() => server.stats.refusedHandshakes - before).toBe(1)
  })
})

describe('kms serve: floods', () => {
  it('caps sessions: a new client takes the slot of the one silent the longest', async () => {
    // Its own server with a long idle timeout, so no session leaves on its own while the cap is tested.
    const { server: capped } = await startLabKms(pki, { maxSessions: 10, limits: { idleTimeoutMs: 60_000 } })
    const clients = await Promise.all(Array.from({ length: 10 }, () => openClient(pki, capped.port)))
    try {
      await expect.poll(() => capped.open).toBe(10)
      const { client, link } = await openClient(pki, capped.port)
      try {
        expect((await client.createSymmetricKey()).value).toBeTruthy()
      } finally {
        link.close()
      }
      await expect.poll(() => capped.stats.closed.evicted, { timeout: 5_000 }).toBe(1)
      expect(capped.open).toBeLessThanOrEqual(10)
    } finally {
      for (const c of clients) c.link.close()
      await capped.close()
    }
  })

  it('stops reading from a client that does not read its answers, without slowing anyone else', async () => {
    const flooder = await rawSession(pki, server.port)
    flooder.socket.pause()
    const flood = Buffer.concat(Array.from({ length: 2_000 }, (_, i) => getRequest(`flood-${i}`)))
    for (let i = 0; i < 20; i++) flooder.write(flood)
    await stillServes()
    flooder.destroy()
  })
})
