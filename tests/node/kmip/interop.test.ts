// Interoperability with PyKMIP (Debian python3-pykmip, KMIP 1.1), someone else's implementation of both sides:
// (a) PyKMIP's client runs the whole lifecycle against the lab's server; (b) the lab's client runs the same
// lifecycle against PyKMIP's server; (c) the real vCenter 7.0.3 requests of the public trace, replayed over TLS
// against the lab's server, each get a well-formed, successful answer. PyKMIP missing = these tests FAIL.

import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fromHex, toHex } from '../../../shared/crypto/bytes'
import { createPayload, decodeRequestMessage, decodeResponseMessage, decodeTtlv, encodeTtlv, KmipOperationError, Operation, QueryFunction, ResultReason, ResultStatus, RevocationReasonCode, State, Tag, type TtlvItem } from '../../../shared/kmip'
import type { KmipTlsLink } from '../../../node/kmip/tlsLink'
import vcenterFixture from '../../fixtures/kmip/vcenter-7.0.3-trace.json'
import { usePeers } from './support/peers'
import { openClient, openLink } from './support/labKms'
import { PYKMIP_FIXTURES } from './support/pki'
import { PYTHON } from './support/pykmip'

const peers = usePeers({ pykmip: true })

function runPython(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [join(PYKMIP_FIXTURES, script)], { cwd: PYKMIP_FIXTURES, env: { ...process.env, ...env } })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

describe("(a) PyKMIP's client against the lab's KMS", () => {
  it('passes the whole lifecycle (lifecycle.py, KMIP 1.1)', async () => {
    const { code, output } = await runPython('lifecycle.py', { PKI_DIR: peers.pki.dir, KMIP_PORT: String(peers.lab.port) })
    expect(output).toContain('lifecycle: all steps passed')
    expect(output).not.toMatch(/^FAIL/m)
    expect(code).toBe(0)
    for (const step of ['discover_versions', 'create', 'locate(name)', 'activate', 'revoke', 'destroy', 'get-after-destroy', 'register']) {
      expect(output).toMatch(new RegExp(`^ok +${step.replace(/[()]/g, '\\$&')} `, 'm'))
    }
    expect(output).toMatch(/get-after-destroy +.*ITEM_NOT_FOUND/)
  })

  it("answers PyKMIP's client exactly as PyKMIP's server does, with and without EKU clientAuth", async () => {
    const probe = async (port: number, who: string) =>
      (await runPython('auth_probe.py', { PKI_DIR: peers.pki.dir, KMIP_PORT: String(port), KMIP_CLIENT: who })).output.trim()
    for (const who of ['client', 'client_noeku']) {
      expect(await probe(peers.lab.port, who), who).toBe(await probe(peers.pykmip!.port, who))
    }
    expect(await probe(peers.lab.port, 'client_noeku')).toBe('OPERATION_FAILED AUTHENTICATION_NOT_SUCCESSFUL')
    expect(await probe(peers.lab.port, 'client')).toBe('SUCCESS None')
  })
})

describe("(b) the lab's KMIP client against PyKMIP's server", () => {
  it('runs the same lifecycle', async () => {
    const { client, link } = await openClient(peers.pki, peers.pykmip!.port)
    try {
      expect(link.describe()).toMatch(/^TLSv1\.2 \S+, server CN=localhost$/)
      expect((await client.discoverVersions()).value).toContainEqual({ major: 1, minor: 1 })
      const ops = (await client.query([QueryFunction.QueryOperations])).value.operations
      expect(ops).toEqual(expect.arrayContaining([Operation.Create, Operation.Get, Operation.Locate, Operation.Activate, Operation.Revoke, Operation.Destroy]))
      const uid = (await client.createSymmetricKey({ names: ['lab-client-key'] })).value
      const key = (await client.get(uid)).value
      expect(key).toMatchObject({ uniqueIdentifier: uid, cryptographicLength: 256 })
      expect(key.keyMaterial).toHaveLength(32)
      expect((await client.locateByName('lab-client-key')).value).toEqual([uid])
      const attributes = (await client.getAttributes(uid)).value
      expect(attributes.find((a) => a.name === 'State')?.value.value).toBe(State.PreActive)
      await client.activate(uid)
      expect((await client.getAttributes(uid, ['State'])).value[0].value.value).toBe(State.Active)
      await client.revoke(uid, RevocationReasonCode.CessationOfOperation, { message: 'done' })
      await client.destroy(uid)
      const gone = await client.get(uid).catch((e: unknown) => e)
      expect(gone).toBeInstanceOf(KmipOperationError)
      expect((gone as KmipOperationError).resultReason).toBe(ResultReason.ItemNotFound)
      const material = Uint8Array.from({ length: 32 }, (_, i) => 255 - i)
      const registered = (await client.register({ material, names: ['lab-registered'] })).value
      expect((await client.get(registered)).value.keyMaterial).toEqual(material)
      await client.destroy(registered)
    } finally {
      link.close()
    }
  })
})

describe("(c) vCenter 7.0.3's requests replayed against the lab's KMS", () => {
  it('answers every request of the trace, on its own connections, with a well-formed successful answer', async () => {
    const exchanges = vcenterFixture.exchanges
    // The trace's key IDs are PyKMIP's ('1', '2'); ours are UUIDs. Requests name keys by the trace's IDs.
    const ids = new Map<string, string>()
    const mapIds = (item: TtlvItem): TtlvItem =>
      item.type === 'Structure'
        ? { ...item, value: (item.value as TtlvItem[]).map(mapIds) }
        : item.tag === Tag.UniqueIdentifier
          ? { ...item, value: ids.get(item.value as string) ?? `unmapped-${item.value as string}` }
          : item
    const sessions = new Map<string, KmipTlsLink>()
    try {
      for (const [i, exchange] of exchanges.entries()) {
        let link = sessions.get(exchange.session)
        if (link === undefined) {
          link = await openLink(peers.pki, peers.lab.port)
          sessions.set(exchange.session, link)
        }
        const request = encodeTtlv(mapIds(decodeTtlv(fromHex(exchange.request))))
        const sent = decodeRequestMessage(request)
        const answer = decodeResponseMessage(await link.send(request))
        const where = `exchange ${i} (${exchange.op ?? 'Add Attribute ×3'}, session ${exchange.session})`
        expect(answer.header.protocolVersion, where).toEqual({ major: 1, minor: 1 })
        expect(answer.batchItems, where).toHaveLength(sent.batchItems.length)
        for (const [j, item] of answer.batchItems.entries()) {
          expect(item.resultMessage, where).toBeUndefined()
          expect(item.resultStatus, where).toBe(ResultStatus.Success)
          expect(item.operation, where).toBe(sent.batchItems[j].operation)
          expect(item.uniqueBatchItemId && toHex(item.uniqueBatchItemId), where).toBe(sent.batchItems[j].uniqueBatchItemId && toHex(sent.batchItems[j].uniqueBatchItemId!))
        }
        if (sent.batchItems[0].operation === Operation.Create) {
          const theirs = createPayload.decodeResponse(decodeResponseMessage(fromHex(exchange.response)).batchItems[0].payload!).uniqueIdentifier
          ids.set(theirs, createPayload.decodeResponse(answer.batchItems[0].payload!).uniqueIdentifier)
        }
      }
      // Both keys of the trace were created, tagged by the batched Add Attribute and activated.
      expect(ids.size).toBe(2)
      const { client, link } = await openClient(peers.pki, peers.lab.port)
      try {
        for (const uid of ids.values()) {
          const tags = new Map((await client.getAttributes(uid, ['x-Vendor', 'x-Component', 'State'])).value.map((a) => [a.name, a.value.value]))
          expect(tags.get('x-Vendor')).toBe('VMware, Inc.')
          expect(tags.get('State')).toBe(State.Active)
          expect(['ESXi Server', 'Virtual Machine']).toContain(tags.get('x-Component'))
        }
      } finally {
        link.close()
      }
    } finally {
      for (const link of sessions.values()) link.close()
    }
  })
})
