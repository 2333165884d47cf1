import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../../shared/i18n/format'
import { trustModes } from '../../../shared/lab/commands/schema'
import { encryptedVmLab, get, newLab, ok, run, trustedLab } from '../../helpers/lab'

describe('trust between vCenter and the KMS', () => {
  it('until trust is established KMIP calls fail at the TLS handshake, as in real life', async () => {
    const lab = await newLab()
    const [, , added] = await ok(
      lab,
      { op: 'kms.add', name: 'kms-1', provider: 'kp' },
      { op: 'host.add', name: 'esx-01', cluster: 'c1' },
      { op: 'provider.add', name: 'kp' }
    )
    expect(added.events.find((e) => e.kind === 'tls.handshake')?.text).toMatch(
      /vCenter does not trust the KMS certificate\. The CA that issued it is not among the trusted certificates \(UNABLE_TO_GET_ISSUER_CERT_LOCALLY\)/
    )
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' })
    const [out] = await run(lab, { op: 'vm.encrypt', name: 'vm1' })
    expect(out.fault?.fault).toBe('KmsClusterUnreachable')
    expect(out.fault?.text).toMatch(/kms-1: vCenter does not trust the KMS certificate\. .*\(UNABLE_TO_GET_ISSUER_CERT_LOCALLY\)/)
  })

  it('the first key provider becomes the default; a second one waits until it is made default, and new VM keys come from it then', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'kms.add', name: 'kms-b', provider: 'kp-b' }, { op: 'provider.add', name: 'kp-b' }, { op: 'provider.trust', provider: 'kp-b', mode: 'vcenter-cert' })
    const first = get(lab, 'vcenter', 'vcenter').persisted.defaultProvider
    expect(first).not.toBe('kp-b')
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.encrypt', name: 'vm1' })
    expect(get(lab, 'vm', 'vm1').providerId).toBe(first)
    const [again] = await run(lab, { op: 'provider.setDefault', name: first! })
    expect(again.fault?.fault).toBe('InvalidState')
    await ok(lab, { op: 'provider.setDefault', name: 'kp-b' })
    expect(get(lab, 'vcenter', 'vcenter').persisted.defaultProvider).toBe('kp-b')
    await ok(lab, { op: 'vm.create', name: 'vm2', host: 'esx-01' }, { op: 'vm.encrypt', name: 'vm2' })
    const vm2 = get(lab, 'vm', 'vm2')
    expect(vm2.providerId).toBe('kp-b')
    expect(get(lab, 'kms', 'kms-b').persisted.keys[vm2.keyId!]).toBeDefined()
    // vm1 keeps the key of the provider it was encrypted with
    expect(get(lab, 'vm', 'vm1').providerId).toBe(first)
  })

  it.each(trustModes)('mode %s creates real certificates, both sides accept each other, and KMIP works', async (mode) => {
    const lab = await newLab(3)
    await ok(lab, { op: 'kms.add', name: 'kms-1', provider: 'kp' }, { op: 'provider.add', name: 'kp' })
    const [out] = await ok(lab, { op: 'provider.trust', provider: 'kp', mode })
    expect(out.events.at(-1)?.message.id).toBe('provider.status.ok')
    const trust = get(lab, 'vcenter', 'vcenter').persisted.providers.kp.trust
    expect(trust.mode).toBe(mode)
    const client = new X509Certificate(trust.clientCertificate!.certificatePem)
    expect(client.subject).toContain('CN=vcenter.lab.local')
    const kmsCa = new X509Certificate(get(lab, 'kms', 'kms-1').persisted.ca!.certificatePem)
    expect(trust.trustedKmsCaPem).toBe(get(lab, 'kms', 'kms-1').persisted.ca!.certificatePem)
    if (mode === 'kms-cert-and-key' || mode === 'csr') expect(client.checkIssued(kmsCa)).toBe(true)
    if (mode === 'vcenter-root-ca') expect(client.checkIssued(new X509Certificate(get(lab, 'vcenter', 'vcenter').persisted.vmcaRoot.certificatePem))).toBe(true)
    if (mode === 'vcenter-cert') expect(client.checkIssued(client)).toBe(true)
    const kinds = out.events.filter((e) => e.kind === 'trust').map((e) => e.payload?.kind)
    if (mode === 'kms-cert-and-key') expect(kinds).toContain('privateKey')
    else expect(kinds).not.toContain('privateKey')
    await ok(lab, { op: 'host.add', name: 'esx-01', cluster: 'c1' }, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.encrypt', name: 'vm1' })
  })

  it('a second KMS joining the provider later is not trusted through the cluster CA: trust is per server', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.add', name: 'kms-2', provider: 'kp' }, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-01' })
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('locked')
    await ok(lab, { op: 'kms.start', name: 'kms-1' }, { op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' }, { op: 'kms.stop', name: 'kms-1' })
    await ok(lab, { op: 'host.reboot', name: 'esx-01' })
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('unlocked')
  })

  it('when the client certificate expires the KMS refuses vCenter; a reboot then locks the VM until trust is renewed', async () => {
    const lab = await encryptedVmLab({ seed: 5 })
    await ok(lab, { op: 'provider.trust', provider: 'kp', mode: 'kms-cert-and-key' })
    await ok(lab, { op: 'lab.advanceClock', days: 400 })
    const [reboot] = await ok(lab, { op: 'host.reboot', name: 'esx-01' })
    const rejected = reboot.events.find((e) => e.message.id === 'tls.rejectedByKms')!
    expect(rejected.text).toMatch(/The KMS rejects vCenter’s client certificate\. It, or a CA certificate in its chain, has expired \(CERT_HAS_EXPIRED\)/)
    // In German, OpenSSL's name stays for searching, its English words do not.
    expect(formatMessage(rejected.message, 'de')).toMatch(/Der KMS lehnt vCenters Client-Zertifikat ab\. Es oder ein CA-Zertifikat seiner Kette ist abgelaufen \(CERT_HAS_EXPIRED\)/)
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('locked')
    await ok(lab, { op: 'provider.trust', provider: 'kp', mode: 'kms-cert-and-key' }, { op: 'vm.unlock', name: 'vm1' })
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('unlocked')
  })

  it('when the KMS server certificate expires, vCenter refuses the KMS at the handshake', async () => {
    const lab = await encryptedVmLab({ seed: 6 })
    await ok(lab, { op: 'provider.trust', provider: 'kp', mode: 'vcenter-root-ca' }, { op: 'lab.advanceClock', days: 800 })
    await ok(lab, { op: 'vm.create', name: 'vm2', host: 'esx-01' })
    const [out] = await run(lab, { op: 'vm.encrypt', name: 'vm2' })
    expect(out.fault?.fault).toBe('KmsClusterUnreachable')
    expect(out.fault?.text).toMatch(/kms-1: vCenter does not trust the KMS certificate\. It, or a CA certificate in its chain, has expired \(CERT_HAS_EXPIRED\)/)
  })
})
