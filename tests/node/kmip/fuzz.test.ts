// 100 000 mutated and random request messages over real TLS to the lab's KMS: every one must get a well-formed
// KMIP answer (Invalid Message or another proper failure, or success when the mutation happened to stay valid),
// the server must stay up, and a valid client must still be served afterwards. `npm run bench -- kmip` runs
// the same fuzzer with 1 000 000 messages.

import { describe, expect, it } from 'vitest'
import { usePeers } from './support/peers'
import { fuzzFraming, fuzzServer } from './support/fuzzer'
import { openClient, openLink } from './support/labKms'
import { exchangeAndClose } from './support/rawTls'

const MESSAGES = 100_000
const FRAMING_CASES = 400

const peers = usePeers()

describe('kms serve under fuzzing', () => {
  it(`answers ${MESSAGES.toLocaleString('en')} mutated and random messages, each with a proper KMIP response`, async () => {
    const report = await fuzzServer({ messages: MESSAGES, connections: 4, seed: 20261128, connect: () => openLink(peers.pki, peers.lab.port) })
    console.log(`fuzz: ${JSON.stringify(report)}`)
    expect(report.messages).toBe(MESSAGES)
    expect(report.answered).toBe(MESSAGES)
    expect(report.badExample).toBeUndefined()
    expect(report.badAnswers).toBe(0)
    // Most mutations break the message; the codec and the schema must be what catches them.
    expect(report.failures.InvalidMessage).toBeGreaterThan(MESSAGES / 4)
    expect(peers.lab.stats.closed['bad-framing']).toBe(0)

    const { client, link } = await openClient(peers.pki, peers.lab.port)
    try {
      const uid = (await client.createSymmetricKey({ names: ['after-fuzz'] })).value
      expect((await client.get(uid)).value.keyMaterial).toHaveLength(32)
      expect((await client.locateByName('after-fuzz')).value).toEqual([uid])
    } finally {
      link.close()
    }
  })
  it(`answers or cleanly closes ${FRAMING_CASES} connections whose message header is damaged`, async () => {
    const report = await fuzzFraming({ cases: FRAMING_CASES, seed: 7, exchange: (bytes) => exchangeAndClose(peers.pki, peers.lab.port, bytes) })
    console.log(`framing fuzz: ${JSON.stringify(report)}`)
    expect(report.cases).toBe(FRAMING_CASES)
    expect(report.badExample).toBeUndefined()
    expect(report.answered + report.closedSilently).toBe(FRAMING_CASES)
    // Both outcomes must really happen: plausible damage is answered, hostile framing is closed.
    expect(report.answered).toBeGreaterThan(FRAMING_CASES / 10)
    expect(report.closedSilently).toBeGreaterThan(FRAMING_CASES / 10)
    await expect.poll(() => peers.lab.open).toBe(0)
  })
})
