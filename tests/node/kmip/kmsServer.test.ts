// The lab's KMS over real TLS: every operation, batches, ownership by certificate CN, refused certificates, and
// 100 concurrent clients.

import { describe, expect, it } from 'vitest'
import { attribute, decodeResponseMessage, getPayload, KmipClient, KmipOperationError, locatePayload, Operation, QueryFunction, ResultReason, ResultStatus, RevocationReasonCode, State } from '../../../shared/kmip'
import { KmipTlsLink, type KmipTlsOptions } from '../../../node/kmip/tlsLink'
import { usePeers } from './support/peers'
import { openClient, openLink, startLabKms } from './support/labKms'

const peers = usePeers()

const stateOf = async (client: Awaited<ReturnType<typeof openClient>>['client'], uid: string) =>
  (await client.getAttributes(uid, ['State'])).value[0]?.value.value

describe('kms serve: KMIP 1.1 over TLS with mutual authentication', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(peers.lab.host).toBe('127.0.0.1')
    expect(peers.lab.port).toBeGreaterThan(0)
  })

  it('runs a whole key lifecycle on one connection', async () => {
    const { client, link } = await openClient(peers.pki, peers.lab.port)
    try {
      expect(link.describe()).toMatch(/^TLSv1\.[23] \S+, server CN=localhost$/)
      expect((await client.discoverVersions()).value).toEqual([{ major: 1, minor: 1 }, { major: 1, minor: 0 }])
      const query = (await client.query([QueryFunction.QueryOperations, QueryFunction.QueryServerInformation])).value
      expect(query.operations).toEqual(expect.arrayContaining([Operation.Create, Operation.Get, Operation.Locate, Operation.Destroy, Operation.AddAttribute]))
      expect(query.vendorIdentification).toMatch(/KeyFlow Lab KMS/)

      const uid = (await client.createSymmetricKey({ names: ['lifecycle-key'] })).value
      const key = (await client.get(uid)).value
      expect(key.keyMaterial).toHaveLength(32)
      expect(key.cryptographicLength).toBe(256)
      expect((await client.locateByName('lifecycle-key')).value).toEqual([uid])
      const names = (await client.getAttributeList(uid)).value
      expect(names).toEqual(expect.arrayContaining(['State', 'Cryptographic Algorithm', 'Name', 'Digest']))
      await client.addAttribute(uid, attribute.text('x-Vendor', 'VMware, Inc.'))
      await client.modifyAttribute(uid, attribute.text('x-Vendor', 'KeyFlow'))
      const vendor = (await client.getAttributes(uid, ['x-Vendor'])).value
      expect(vendor).toEqual([{ name: 'x-Vendor', value: { type: 'TextString', value: 'KeyFlow' } }])
      expect(await stateOf(client, uid)).toBe(State.PreActive)
      await client.activate(uid)
      expect(await stateOf(client, uid)).toBe(State.Active)
      const refused = await client.destroy(uid).catch((e: unknown) => e)
      expect((refused as KmipOperationError).resultReason).toBe(ResultReason.IllegalOperation)
      await client.revoke(uid, RevocationReasonCode.CessationOfOperation, { message: 'done' })
      expect(await stateOf(client, uid)).toBe(State.Deactivated)
      await client.destroy(uid)
      const gone = await client.get(uid).catch((e: unknown) => e)
      expect(gone).toBeInstanceOf(KmipOperationError)
      expect((gone as KmipOperationError).resultReason).toBe(ResultReason.ItemNotFound)

      const material = Uint8Array.from({ length: 32 }, (_, i) => i)
      const registered = (await client.register({ material, names: ['registered-key'] })).value
      expect((await client.get(registered)).value.keyMaterial).toEqual(material)
      await client.destroy(registered)
    } finally {
      link.close()
    }
  })

  it('answers a batch item by item, echoing each Unique Batch Item ID, with the ID Placeholder between items', async () => {
    const { client, link } = await openClient(peers.pki, peers.lab.port)
    try {
      const uid = (await client.createSymmetricKey({ names: ['batched'] })).value
      const reply = await client.send([
        { operation: Operation.Locate, payload: locatePayload.encodeRequest({ attributes: [attribute.name('batched')] }) },
        { operation: Operation.Get, payload: getPayload.encodeRequest({}) },
        { operation: Operation.Get, payload: getPayload.encodeRequest({ uniqueIdentifier: 'no-such-key' }) },
        { operation: Operation.Get, payload: getPayload.encodeRequest({ uniqueIdentifier: uid }) }
      ])
      expect(reply.results.map((r) => r?.resultStatus)).toEqual([ResultStatus.Success, ResultStatus.Success, ResultStatus.OperationFailed, undefined])
      const sentIds = [1, 2, 3].map((n) => Uint8Array.from([n, 0, 0, 0]))
      expect(reply.response.batchItems.map((i) => i.uniqueBatchItemId)).toEqual(sentIds)
      expect(getPayload.decodeResponse(reply.results[1]!.payload!).uniqueIdentifier).toBe(uid)
      expect(reply.results[2]).toMatchObject({ resultReason: ResultReason.ItemNotFound, resultMessage: expect.stringContaining('no-such-key') })
    } finally {
      link.close()
    }
  })

  it("makes the certificate CN the owner: another client gets Permission Denied and an empty Locate", async () => {
    const owner = await openClient(peers.pki, peers.lab.port, 'client')
    const other = await openClient(peers.pki, peers.lab.port, 'other')
    try {
      const uid = (await owner.client.createSymmetricKey({ names: ['owned-by-vcenter-sim'] })).value
      const denied = await other.client.get(uid).catch((e: unknown) => e)
      expect(denied).toBeInstanceOf(KmipOperationError)
      expect((denied as KmipOperationError).resultReason).toBe(ResultReason.PermissionDenied)
      expect((await other.client.locateByName('owned-by-vcenter-sim')).value).toEqual([])
      expect((await owner.client.locateByName('owned-by-vcenter-sim')).value).toEqual([uid])
    } finally {
      owner.link.close()
      other.link.close()
    }
  })
})

describe('kms serve: certificates it refuses', () => {
  it('refuses, in the TLS handshake, a client without a certificate, from another CA, or expired', async () => {
    const before = peers.lab.stats.refusedHandshakes
    const attempts: Record<string, Pick<KmipTlsOptions, 'ca' | 'cert' | 'key'>> = {
      'no certificate': { ca: peers.pki.pem('ca.crt'), cert: '', key: '' },
      'another CA': peers.pki.client('stranger'),
      expired: peers.pki.client('expired')
    }
    for (const [why, tlsMaterial] of Object.entries(attempts)) {
      const outcome = await (async () => {
        const link = await KmipTlsLink.open({ host: '127.0.0.1', port: peers.lab.port, ...tlsMaterial })
        // TLS 1.3 finishes the client's side of the handshake before the server's verdict arrives: the refusal
        // then shows as an alert on the first exchange.
        return link.send(Uint8Array.from([0x42, 0, 0x78, 1, 0, 0, 0, 0])).then(
          () => 'answered',
          (e: Error) => e.message
        )
      })().catch((e: Error) => e.message)
      expect(outcome, why).not.toBe('answered')
      expect(outcome, why).toMatch(/alert|certificate|ECONNRESET|closed/i)
    }
    await expect.poll(() => peers.lab.stats.refusedHandshakes - before).toBe(3)
  })

  it('answers every request of a client whose certificate lacks EKU clientAuth with Authentication Not Successful', async () => {
    const before = peers.lab.stats.unauthenticated
    const { client, link } = await openClient(peers.pki, peers.lab.port, 'client_noeku')
    try {
      for (const call of [() => client.discoverVersions(), () => client.createSymmetricKey(), () => client.locate({ attributes: [] })]) {
        const error = await call().catch((e: unknown) => e)
        expect(error).toBeInstanceOf(KmipOperationError)
        expect((error as KmipOperationError).resultReason).toBe(ResultReason.AuthenticationNotSuccessful)
        expect((error as KmipOperationError).resultMessage).toMatch(/Extended Key Usage/)
        // PyKMIP's shape: Protocol Version 1.0, one item, no Operation.
        const answer = decodeResponseMessage((error as KmipOperationError).exchange.response)
        expect(answer.header.protocolVersion).toEqual({ major: 1, minor: 0 })
        expect(answer.batchItems[0].operation).toBeUndefined()
      }
      expect(peers.lab.stats.unauthenticated - before).toBe(1)
    } finally {
      link.close()
    }
  })
})

describe('kms serve: concurrency', () => {
  it('serves 100 concurrent clients × 100 operations, all successful', async () => {
    const clients = await Promise.all(Array.from({ length: 100 }, () => openClient(peers.pki, peers.lab.port)))
    try {
      // TLS 1.3: a client's handshake completes a moment before the server's does.
      await expect.poll(() => peers.lab.open).toBeGreaterThanOrEqual(100)
      const results = await Promise.all(
        clients.map(async ({ client }, c) => {
          let ok = 0
          for (let i = 0; i < 50; i++) {
            const uid = (await client.createSymmetricKey({ names: [`c${c}-k${i}`] })).value
            const key = (await client.get(uid)).value
            if (key.uniqueIdentifier === uid && key.keyMaterial.length === 32) ok += 2
          }
          return ok
        })
      )
      expect(results).toEqual(Array(100).fill(100))
      // Each client sees its own keys by name and nobody else's.
      expect((await clients[7].client.locateByName('c7-k49')).value).toHaveLength(1)
    } finally {
      for (const { link } of clients) link.close()
    }
  })

  it('answers pipelined requests in order on one connection', async () => {
    const link = await openLink(peers.pki, peers.lab.port)
    try {
      const builder = new KmipClient(async () => new Uint8Array())
      const requests = Array.from({ length: 500 }, (_, i) =>
        builder.buildRequest([{ operation: Operation.Get, payload: getPayload.encodeRequest({ uniqueIdentifier: `missing-${i}` }) }])
      )
      const answers = await link.sendAll(requests)
      const messages = answers.map((a) => decodeResponseMessage(a).batchItems[0].resultMessage)
      expect(messages.every((m, i) => m!.includes(`missing-${i}`))).toBe(true)
    } finally {
      link.close()
    }
  })
})

describe('kms serve: durable keys under load', () => {
  it('answers each change only once it is saved, and lets concurrent clients share the saves', async () => {
    const saved = new Set<string>()
    let saves = 0
    const durable = await startLabKms(peers.pki, {
      kms: {
        save: async (keys) => {
          saves++
          // A disk that takes a few milliseconds: changes arriving meanwhile must wait for, and share, the next save.
          await new Promise((r) => setTimeout(r, 5))
          for (const k of keys) saved.add(k.uid)
        }
      }
    })
    const clients = await Promise.all(Array.from({ length: 20 }, () => openClient(peers.pki, durable.server.port)))
    try {
      const answered = await Promise.all(
        clients.map(async ({ client }) => {
          const uids: string[] = []
          for (let i = 0; i < 10; i++) {
            const uid = (await client.createSymmetricKey()).value
            // Saved before the answer came back.
            expect(saved.has(uid)).toBe(true)
            uids.push(uid)
          }
          return uids
        })
      )
      expect(new Set(answered.flat()).size).toBe(200)
      expect(saves).toBeLessThan(200)
    } finally {
      for (const { link } of clients) link.close()
      await durable.server.close()
    }
  })
})
