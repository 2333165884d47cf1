// 100 000 mutated and random request messages over real TLS to the lab's KMS: every one must get a well-formed
// KMIP answer (Invalid Message or another proper failure, or success when the mutation happened to stay valid),
// the server must stay up, and a valid client must still be served afterwards. `npm run bench -- kmip` runs
// the same fuzzer with 1 000 000 messages.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningKmsServer } from '../../../node/kmip/kmsServer'
import { fuzzFraming, fuzzServer } from './support/fuzzer'
import { openClient, openLink, startLabKms } from './support/labKms'
import { makeTestPki, type TestPki } from './support/pki'
import { exchangeAndClose } from './support/rawTls'

const MESSAGES = 100_000
const FRAMING_CASES = 400

let pki: TestPki
let server: RunningKmsServer

beforeAll(async () => {
  pki = makeTestPki()
  server = (await startLabKms(pki)).server
})
afterAll(async () => {
  await server?.close()
  pki?.dispose()
})

describe('kms serve under fuzzing', () => {
  it(`answers ${MESSAGES.toLocaleString('en')} mutated and random messages, each with a proper KMIP response`, async () => {
    const report = await fuzzServer({ messages: MESSAGES, connections: 4, seed: 20261128, connect: () => openLink(pki, server.port) })
    console.log(`fuzz: ${JSON.stringify(report)}`)
    expect(report.messages).toBe(MESSAGES)
    expect(report.answered).toBe(MESSAGES)
    expect(report.badExample).toBeUndefined()
    expect(report.badAnswers).toBe(0)
    // Most mutations break the message; the codec and the schema must be what catches them.
    expect(report.failures.InvalidMessage).toBeGreaterThan(MESSAGES / 4)
    expect(server.stats.closed['bad-framing']).toBe(0)

    const { client, link } = await openClient(pki, server.port)
    try {
      const uid = (await client.createSymmetricKey({ names: ['after-fuzz'] })).value
      expect((await client.get(uid)).value.keyMaterial).toHaveLength(32)
      expect((await client.locateByName('after-fuzz')).value).toEqual([uid])
    } finally {
      link.close()
    }
  })
  it(`answers or cleanly closes ${FRAMING_CASES} connections whose message header is damaged`, async () => {
    const report = await fuzzFraming({ cases: FRAMING_CASES, seed: 7, exchange: (bytes) => exchangeAndClose(pki, server.port, bytes) })
    console.log(`framing fuzz: ${JSON.stringify(report)}`)
    expect(report.cases).toBe(FRAMING_CASES)
    expect(report.badExample).toBeUndefined()
    expect(report.answered + report.closedSilently).toBe(FRAMING_CASES)
    // Both outcomes must really happen: plausible damage is answered, hostile framing is closed.
    expect(report.answered).toBeGreaterThan(FRAMING_CASES / 10)
    expect(report.closedSilently).toBeGreaterThan(FRAMING_CASES / 10)
    await expect.poll(() => server.open).toBe(0)
  })
})
