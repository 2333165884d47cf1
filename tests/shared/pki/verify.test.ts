import { X509Certificate } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  PYKMIP_MISSING_EKU,
  PYKMIP_MULTIPLE_COMMON_NAMES,
  PYKMIP_NO_COMMON_NAME,
  verifyPeer
} from '../../../shared/pki/index.js'
import { buildWorld } from './defects.js'
import { pemToDer } from './der.js'

let world: Awaited<ReturnType<typeof buildWorld>>
beforeAll(async () => {
  world = await buildWorld()
})

const failure = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  ok: false,
  code,
  message,
  ...extra
})

describe('verifyPeer: accepts what a KMS or vCenter would accept', () => {
  it('accepts a VMCA-issued client certificate when the KMS trusts the VMCA root', async () => {
    const r = await verifyPeer(world.cases.trusted)
    expect(r).toEqual({ ok: true, subjectCn: 'vc01.lab.local', chainPems: [world.client, world.vmca.certificatePem] })
  })

  it('accepts up to the second before notAfter', async () => {
    expect((await verifyPeer(world.cases.lastSecond)).ok).toBe(true)
  })

  it('accepts a self-signed client certificate only when that exact certificate was uploaded', async () => {
    expect(await verifyPeer(world.cases.selfSignedTrusted)).toMatchObject({ ok: true, subjectCn: 'vc01.lab.local' })
    // vCenter regenerated its self-signed certificate: same name, new key, not the uploaded one.
    expect(await verifyPeer(world.cases.selfSignedRegenerated)).toMatchObject(
      failure('unknownIssuer', 'certificate verify failed: self-signed certificate', { opensslError: 18, depth: 0 })
    )
  })

  it('builds leaf -> subordinate CA -> trusted root from the intermediates the peer sends', async () => {
    const r = await verifyPeer(world.cases.chain)
    expect(r.ok && r.chainPems.length).toBe(3)
  })

  it('lets vCenter pin a KMS server certificate (partial chain), but not without the flag', async () => {
    expect(await verifyPeer(world.cases.pinnedServer)).toMatchObject({ ok: true, subjectCn: 'kms01.lab.local' })
    expect(await verifyPeer(world.cases.pinnedServerStrict)).toMatchObject(
      failure('unknownIssuer', 'certificate verify failed: unable to get local issuer certificate')
    )
    expect((await verifyPeer(world.cases.serverViaCa)).ok).toBe(true)
  })

  it('accepts a missing EKU for a server (OpenSSL: no EKU means any purpose)', async () => {
    expect((await verifyPeer(world.cases.noEkuAsServer)).ok).toBe(true)
  })
})

describe('verifyPeer: each failure comes from a real defect', () => {
  it('unknownIssuer: issued by a CA the KMS does not trust, or trust store empty', async () => {
    for (const c of [world.cases.otherCa, world.cases.emptyStore]) {
      expect(await verifyPeer(c)).toEqual(
        failure('unknownIssuer', 'certificate verify failed: unable to get local issuer certificate', {
          failsAt: 'handshake',
          opensslError: 20,
          depth: 0
        })
      )
    }
  })

  it('unknownIssuer: an untrusted self-signed certificate (before it is uploaded to the KMS)', async () => {
    expect(await verifyPeer(world.cases.selfSignedUntrusted)).toMatchObject(
      failure('unknownIssuer', 'certificate verify failed: self-signed certificate', { failsAt: 'handshake' })
    )
  })

  it('unknownIssuer: intermediate missing, root untrusted, or only the intermediate trusted', async () => {
    expect(await verifyPeer(world.cases.chainMissingIntermediate)).toMatchObject(
      failure('unknownIssuer', 'certificate verify failed: unable to get local issuer certificate', { depth: 0 })
    )
    expect(await verifyPeer(world.cases.chainUntrustedRoot)).toMatchObject(
      failure('unknownIssuer', 'certificate verify failed: self-signed certificate in certificate chain', { depth: 2 })
    )
    expect(await verifyPeer(world.cases.intermediateOnly)).toMatchObject(
      failure('unknownIssuer', 'certificate verify failed: unable to get issuer certificate', { depth: 1 })
    )
    expect((await verifyPeer(world.cases.intermediateOnlyPartial)).ok).toBe(true)
  })

  it('unknownIssuer: the "issuer" is a leaf, not a CA', async () => {
    expect(await verifyPeer(world.cases.signedByLeaf)).toMatchObject(
      failure('unknownIssuer', 'certificate verify failed: invalid CA certificate', { depth: 1 })
    )
  })

  it('expired: the same certificate checked at notAfter (OpenSSL: notAfter is already expired)', async () => {
    expect(await verifyPeer(world.cases.expired)).toMatchObject(
      failure('expired', 'certificate verify failed: certificate has expired', { depth: 0, opensslError: 10 })
    )
  })

  it('expired: the trust anchor itself has expired', async () => {
    expect(await verifyPeer(world.cases.expiredCa)).toMatchObject(
      failure('expired', 'certificate verify failed: certificate has expired', { depth: 1 })
    )
  })

  it('notYetValid: checked before notBefore', async () => {
    expect(await verifyPeer(world.cases.notYetValid)).toMatchObject(
      failure('notYetValid', 'certificate verify failed: certificate is not yet valid', { depth: 0, opensslError: 9 })
    )
  })

  it('badSignature: one flipped bit in the signature', async () => {
    // Node agrees the signature no longer verifies with the issuer key.
    const tampered = new X509Certificate(pemToDer(world.cases.tampered.certificatePem))
    expect(tampered.verify(new X509Certificate(world.vmca.certificatePem).publicKey)).toBe(false)
    expect(await verifyPeer(world.cases.tampered)).toMatchObject(
      failure('badSignature', 'certificate verify failed: certificate signature failure', { depth: 0, opensslError: 7 })
    )
  })

  it('missingEku: no EKU extension -> handshake succeeds, every KMIP request refused (PyKMIP)', async () => {
    expect(await verifyPeer(world.cases.noEku)).toEqual(
      failure('missingEku', PYKMIP_MISSING_EKU, { failsAt: 'request', opensslError: null, depth: null })
    )
    expect(PYKMIP_MISSING_EKU).toContain('The extended key usage extension is missing from the client certificate')
  })

  it('missingEku: EKU says serverAuth only -> OpenSSL aborts the handshake', async () => {
    expect(await verifyPeer(world.cases.serverOnly)).toMatchObject(
      failure('missingEku', 'certificate verify failed: unsuitable certificate purpose', { failsAt: 'handshake', opensslError: 26 })
    )
  })

  it('missingEku: anyExtendedKeyUsage does not stand in for clientAuth (OpenSSL 3)', async () => {
    expect(await verifyPeer(world.cases.anyPurpose)).toMatchObject(
      failure('missingEku', 'certificate verify failed: unsuitable certificate purpose', { failsAt: 'handshake' })
    )
  })

  it('malformed: no single CN means no client identity (PyKMIP)', async () => {
    expect(await verifyPeer(world.cases.noCn)).toMatchObject(failure('malformed', PYKMIP_NO_COMMON_NAME, { failsAt: 'request' }))
    expect(await verifyPeer(world.cases.twoCns)).toMatchObject(failure('malformed', PYKMIP_MULTIPLE_COMMON_NAMES, { failsAt: 'request' }))
  })

  it('malformed: something that is not a certificate', async () => {
    const garbage = '-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----\n'
    expect(await verifyPeer({ ...world.cases.trusted, certificatePem: garbage })).toMatchObject({ ok: false, code: 'malformed' })
    expect(await verifyPeer({ ...world.cases.trusted, trustedPems: ['nonsense'] })).toMatchObject({ ok: false, code: 'malformed' })
  })
})
