import { beforeAll, describe, expect, it } from 'vitest'
import {
  createCsr,
  describeCertificate,
  generateKeyPair,
  toPosixSeconds,
  verifyPeer,
  type VerifyPeerOptions
} from '../../../shared/pki/index.js'
import { buildWorld } from './defects.js'
import { replaceAscii } from './der.js'
import { HAS_OPENSSL, openssl, opensslText, seededRandom, T0, withFiles } from './support.js'

// The openssl CLI as a second, independent implementation: it must parse what the lab writes and
// reach the same verdict, with the same error text, as verifyPeer. Runs wherever openssl is on PATH.

/** `openssl verify` with the same trust store, intermediates, time, purpose and partial-chain flag. */
function opensslVerify(options: VerifyPeerOptions): { ok: boolean; error: number | null; depth: number | null; text: string | null; output: string } {
  const files: Record<string, string> = { 'leaf.pem': options.certificatePem }
  if (options.trustedPems.length) files['trusted.pem'] = options.trustedPems.join('')
  if (options.chainPems?.length) files['chain.pem'] = options.chainPems.join('')
  return withFiles(files, (path) => {
    const args = ['verify', '-no-CApath', '-no-CAstore', '-attime', String(toPosixSeconds(options.at))]
    args.push(...(options.trustedPems.length ? ['-CAfile', path('trusted.pem')] : ['-no-CAfile']))
    if (options.chainPems?.length) args.push('-untrusted', path('chain.pem'))
    if (options.requiredEku) args.push('-purpose', options.requiredEku === 'clientAuth' ? 'sslclient' : 'sslserver')
    if (options.partialChain) args.push('-partial_chain')
    args.push(path('leaf.pem'))
    const { status, output } = openssl(args)
    const first = /error (\d+) at (\d+) depth lookup: (.+)/.exec(output)
    return {
      ok: status === 0 && /: OK\s*$/.test(output),
      error: first ? Number(first[1]) : null,
      depth: first ? Number(first[2]) : null,
      text: first ? first[3].trim() : null,
      output
    }
  })
}

describe.runIf(HAS_OPENSSL)('openssl CLI agrees with the lab PKI', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>
  beforeAll(async () => {
    world = await buildWorld()
  })

  it('verify: same verdict, same error number, depth and text for every case', async () => {
    const compared: string[] = []
    for (const [name, options] of Object.entries(world.cases)) {
      const ours = await verifyPeer(options)
      if (!ours.ok && ours.code === 'malformed' && ours.failsAt === 'handshake') continue
      const theirs = opensslVerify(options)
      // Failures after the handshake are PyKMIP's own checks: OpenSSL itself accepts the chain.
      const handshakeOk = ours.ok || ours.failsAt === 'request'
      expect({ name, ok: theirs.ok }, theirs.output).toEqual({ name, ok: handshakeOk })
      if (!ours.ok && ours.failsAt === 'handshake') {
        expect({ name, message: `certificate verify failed: ${theirs.text}`, error: theirs.error, depth: theirs.depth }).toEqual({
          name,
          message: ours.message,
          error: ours.opensslError,
          depth: ours.depth
        })
      }
      compared.push(name)
    }
    expect(compared.length).toBe(Object.keys(world.cases).length)
  })

  it('x509 -text: Ed25519, CA flags, EKU, SAN and validity as described', async () => {
    const server = world.kms.server.certificatePem
    const text = withFiles({ 'c.pem': server }, (path) => opensslText(['x509', '-in', path('c.pem'), '-noout', '-text']))
    const d = describeCertificate(server)
    expect(text).toContain('Signature Algorithm: ED25519')
    expect(text).toContain('Public Key Algorithm: ED25519')
    expect(text).toContain('CA:FALSE')
    expect(text).toContain('TLS Web Server Authentication')
    expect(text).toContain('DNS:kms01.lab.local, IP Address:127.0.0.1')
    // openssl prints "O = x, CN = y" where the lab (like RFC 4514) writes "O=x, CN=y".
    expect(text).toContain(`Subject: ${d.subject.replace(/=/g, ' = ')}`)
    expect(text).toContain(`Issuer: ${d.issuer.replace(/=/g, ' = ')}`)
    const ca = withFiles({ 'c.pem': world.vmca.certificatePem }, (path) => opensslText(['x509', '-in', path('c.pem'), '-noout', '-text']))
    expect(ca).toContain('CA:TRUE')
    expect(ca).toContain('Certificate Sign, CRL Sign')

    const fields = withFiles({ 'c.pem': server }, (path) =>
      opensslText(['x509', '-in', path('c.pem'), '-noout', '-serial', '-startdate', '-enddate', '-fingerprint', '-sha256'])
    )
    expect(fields).toContain(`serial=${d.serialNumber.toUpperCase()}`)
    expect(fields.toUpperCase()).toContain(`SHA256 FINGERPRINT=${d.fingerprintSha256.toUpperCase().match(/../g)!.join(':')}`)
    const date = (line: string) => new Date(/=(.*)/.exec(fields.split('\n').find((l) => l.startsWith(line))!)![1]).toISOString()
    expect(date('notBefore')).toBe(d.notBefore)
    expect(date('notAfter')).toBe(d.notAfter)
  })

  it('req -verify: the CSR self-signature verifies, and fails once the subject is altered', async () => {
    const random = seededRandom('openssl-csr')
    const key = await generateKeyPair(random)
    const csr = await createCsr({ subject: 'vc01.lab.local', keyPair: key, eku: ['clientAuth'] })
    const good = withFiles({ 'r.pem': csr }, (path) => openssl(['req', '-in', path('r.pem'), '-noout', '-verify']))
    expect(good.status).toBe(0)
    expect(good.output).toMatch(/verify OK/)
    const altered = replaceAscii(csr, 'CERTIFICATE REQUEST', 'vc01.lab.local', 'vc66.lab.local')
    const bad = withFiles({ 'r.pem': altered }, (path) => openssl(['req', '-in', path('r.pem'), '-noout', '-verify']))
    // OpenSSL 3.0 exits 0 here and only prints the verdict, so the text is what is checked.
    expect(bad.output).toMatch(/verify failure|did not match/)
    expect(bad.output).not.toMatch(/verify OK/)
    const text = withFiles({ 'r.pem': csr }, (path) => opensslText(['req', '-in', path('r.pem'), '-noout', '-text']))
    expect(text).toContain('Subject: CN = vc01.lab.local')
    expect(text).toContain('TLS Web Client Authentication')
  })

  it('pkey: the PKCS#8 private key parses and yields the same public key', async () => {
    const key = await generateKeyPair(seededRandom('openssl-pkey'))
    const pub = withFiles({ 'k.pem': key.privateKeyPkcs8Pem }, (path) => opensslText(['pkey', '-in', path('k.pem'), '-pubout']))
    expect(pub).toBe(key.publicKeySpkiPem)
  })

  it('has a well-defined clock: the test world starts at T0', () => {
    expect(describeCertificate(world.vmca.certificatePem).notBefore).toBe(new Date(T0 * 1000).toISOString())
  })
})
