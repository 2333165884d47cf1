// External key providers: the lab's vCenter uses a real KMIP server over TLS. The connector on its own (session
// description, the TLS stack's errors, a server that stops answering), then a whole lab against PyKMIP: encrypt a
// VM with a key that lives in PyKMIP, lose PyKMIP, reboot the host, and the VM is locked.

import { createServer as createTlsServer, type Server } from 'node:tls'
import { describe, expect, it } from 'vitest'
import { fromHex } from '../../../shared/crypto/bytes'
import { formatMessage } from '../../../shared/i18n/format'
import { decodeRequestMessage, decodeResponseMessage, KmipClient, Operation } from '../../../shared/kmip'
import { Lab } from '../../../shared/lab/lab'
import { connectionFailure } from '../../../shared/lab/services/tlsFailure'
import type { HostComponent, KmsComponent, VmComponent } from '../../../shared/lab/model'
import { labDeps } from '../../../node/host/labHost'
import { tlsExternalKms } from '../../../node/kmip/externalKms'
import { usePeers } from './support/peers'
import { openClient } from './support/labKms'
import { freePort } from './support/pykmip'

const peers = usePeers({ pykmip: true })

/** A KMS component as `kms.add` with `external` makes it. */
function externalKms(port: number, material: { ca: string; cert: string; key: string }): KmsComponent {
  return {
    id: 'kms:ext',
    kind: 'kms',
    name: 'ext',
    provider: 'kp',
    running: true,
    external: { host: '127.0.0.1', port, caPem: material.ca, clientCertPem: material.cert, clientKeyPem: material.key },
    memory: { sessions: [] },
    persisted: { keys: {}, ca: null, serverCertificate: null, trustedClients: [] }
  }
}

const refusal = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'connected',
    (e: Error) => e.message
  )

describe('tlsExternalKms: the connector', () => {
  it("opens a mutually authenticated session, describes it, and carries KMIP both ways", async () => {
    const link = await tlsExternalKms().connect(externalKms(peers.lab.port, peers.pki.client()))
    try {
      expect(link.describe()).toMatch(/^TLSv1\.[23] [A-Z0-9_-]+, server CN=localhost$/)
      const client = new KmipClient((request) => link.send(request))
      expect((await client.discoverVersions()).value[0]).toEqual({ major: 1, minor: 1 })
    } finally {
      link.close()
    }
  })

  it('describes a PyKMIP session as TLS 1.2 with the cipher PyKMIP picks', async () => {
    const link = await tlsExternalKms().connect(externalKms(peers.pykmip!.port, peers.pki.client()))
    link.close()
    expect(link.describe()).toMatch(/^TLSv1\.2 [A-Z0-9-]+, server CN=localhost$/)
  })

  it("fails with the TLS stack's own words", async () => {
    const closedPort = await freePort()
    expect(await refusal(tlsExternalKms().connect(externalKms(closedPort, peers.pki.client())))).toBe(`connect ECONNREFUSED 127.0.0.1:${closedPort}`)
    // A CA we do not trust: the lab's KMS and PyKMIP send their CA along, so OpenSSL sees an untrusted chain.
    const wrongCa = { ...peers.pki.client(), ca: peers.pki.pem('stranger-ca.crt') }
    for (const port of [peers.lab.port, peers.pykmip!.port]) {
      expect(await refusal(tlsExternalKms().connect(externalKms(port, wrongCa)))).toBe('self-signed certificate in certificate chain')
    }
    // Servers that send only their own certificate: one signed by a CA we do not know, one expired.
    for (const [cert, key, message, ca] of [
      ['server.crt', 'server.key', 'unable to verify the first certificate', wrongCa],
      ['server_expired.crt', 'server_expired.key', 'certificate has expired', peers.pki.client()]
    ] as const) {
      const bare = createTlsServer({ cert: peers.pki.pem(cert), key: peers.pki.pem(key) })
      await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
      try {
        const port = (bare.address() as { port: number }).port
        expect(await refusal(tlsExternalKms().connect(externalKms(port, ca)))).toBe(message)
      } finally {
        bare.close()
      }
    }
  })

  it('PyKMIP refuses a client certificate from a CA it does not know with a TLS alert, told in German with its code', async () => {
    const stranger = peers.pki.client('stranger')
    // PyKMIP's TLS 1.2 checks the client certificate during the handshake, so the connect itself fails.
    const error = await tlsExternalKms()
      .connect(externalKms(peers.pykmip!.port, stranger))
      .then(
        (link) => {
          link.close()
          return new Error('PyKMIP accepted the stranger')
        },
        (e: Error) => e
      )
    const reason = connectionFailure(error, { host: '127.0.0.1', port: peers.pykmip!.port })
    expect(reason.id, String(error)).toBe('tls.alert.unknownCa')
    expect(formatMessage(reason, 'de')).toMatch(/^Der KMS hat den TLS-Handshake beendet \(ERR_SSL_TLSV1_ALERT_UNKNOWN_CA\): Er kennt die CA nicht/)
  })

  it('fails a request when the server stops answering (a real outage), instead of waiting forever', async () => {
    // Completes the TLS handshake, then reads requests and never answers: a hung KMS.
    const mute: Server = createTlsServer({ ...peers.pki.server(), requestCert: true, rejectUnauthorized: true }, (socket) => socket.resume())
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve))
    try {
      const port = (mute.address() as { port: number }).port
      const link = await tlsExternalKms({ requestTimeoutMs: 300 }).connect(externalKms(port, peers.pki.client()))
      const started = Date.now()
      const failure = await refusal(link.send(new KmipClient(async () => new Uint8Array()).buildRequest([])))
      expect(failure).toMatch(/did not answer within 300 ms/)
      expect(Date.now() - started).toBeLessThan(2_000)
      link.close()
    } finally {
      mute.close()
    }
  })
})

describe('an external KMS in the lab: PyKMIP', () => {
  it('encrypts a VM with a key that lives in PyKMIP, and locks it when PyKMIP is gone and the host reboots', async () => {
    const client = peers.pki.client()
    const steps = [
      { op: 'kms.add', name: 'pykmip', provider: 'kp', external: { host: '127.0.0.1', port: peers.pykmip!.port, caPem: client.ca, clientCertPem: client.cert, clientKeyPem: client.key } },
      { op: 'provider.add', name: 'kp' },
      { op: 'host.add', name: 'esx-01', cluster: 'c1' },
      { op: 'host.add', name: 'esx-02', cluster: 'c1' },
      { op: 'vm.create', name: 'vm-1', host: 'esx-01' },
      { op: 'vm.encrypt', name: 'vm-1' }
    ]
    // labDeps' default connector: what the desktop app and the CLI use.
    const theLab = await Lab.create(labDeps(42), { seed: 42 })
    for (const step of steps) {
      const outcome = await theLab.run(step)
      expect(outcome.fault, `${step.op}: ${outcome.fault?.text}`).toBeFalsy()
    }
    const vm = theLab.component('vm:vm-1') as VmComponent
    expect(vm.keyId).toBeTruthy()
    expect(vm.cryptoState).toBe('unlocked')

    // The key is PyKMIP's: PyKMIP hands out the same material the host got.
    const host = theLab.component('host:esx-01') as HostComponent
    const cached = host.memory.keyCache[vm.keyId!]
    expect(cached.material).toHaveLength(32)
    const { client: ours, link } = await openClient(peers.pki, peers.pykmip!.port)
    try {
      expect((await ours.get(vm.keyId!)).value.keyMaterial).toEqual(cached.material)
    } finally {
      link.close()
    }

    // Every KMIP message travelled as real bytes, and every one parses.
    const trace = theLab.entries.map((e) => e.event).filter((e) => e.kmip !== null)
    expect(trace.length).toBeGreaterThan(20)
    const operations = new Set<number>()
    for (const event of trace) {
      const bytes = fromHex(event.kmip!.hex)
      if (event.kmip!.direction === 'request') decodeRequestMessage(bytes).batchItems.forEach((i) => operations.add(i.operation))
      else expect(decodeResponseMessage(bytes).batchItems.length).toBeGreaterThan(0)
    }
    expect([...operations]).toEqual(expect.arrayContaining([Operation.DiscoverVersions, Operation.Create, Operation.Get, Operation.Activate, Operation.AddAttribute]))
    // PyKMIP refused the tags (it cannot parse Add Attribute) and the encryption went on anyway.
    expect(trace.some((e) => e.kmip!.direction === 'response' && e.kmip!.ok === false)).toBe(true)

    // The outage: PyKMIP is gone; the host reboots and cannot get its keys back.
    peers.pykmip!.kill()
    await expect.poll(() => refusal(tlsExternalKms({ connectTimeoutMs: 1_000 }).connect(externalKms(peers.pykmip!.port, client)).then((l) => l.close()))).toMatch(/ECONNREFUSED/)
    const reboot = await theLab.run({ op: 'host.reboot', name: 'esx-01' })
    expect(reboot.fault).toBeFalsy()
    const locked = theLab.component('vm:vm-1') as VmComponent
    expect(locked.cryptoState).toBe('locked')
    const said = theLab.entries.map((e) => e.event.text).join('\n')
    expect(said).toContain(`vCenter cannot open a TLS session with pykmip: The connection to 127.0.0.1:${peers.pykmip!.port} was refused (ECONNREFUSED)`)
    // The German window says it in German, with the code to search for.
    const failed = theLab.entries.map((e) => e.event).find((e) => e.message.id === 'tls.external.failed')!
    expect(formatMessage(failed.message, 'de')).toContain(`pykmip öffnen: Die Verbindung zu 127.0.0.1:${peers.pykmip!.port} wurde abgelehnt (ECONNREFUSED)`)
    expect(said).toMatch(/vm-1 is locked because of a KMS cluster error/)
  })
})
