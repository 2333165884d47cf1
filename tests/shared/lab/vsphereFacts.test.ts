// Issue 11: places where the lab told something vSphere does not do. Each test names the fact it checks in
// docs/vsphere-facts.md.

import { bytesOf } from '../../../shared/lab/files/storedBytes'
import { describe, expect, it } from 'vitest'
import { fromUtf8 } from '../../../shared/crypto/bytes'
import { isEnvelope, readEnvelope } from '../../../shared/crypto/envelope'
import { parseVmx } from '../../../shared/lab/files/vmx'
import { ZDUMP_HEADER_SIZE } from '../../../shared/lab/files/coreDump'
import { scenarios } from '../../../shared/scenarios'
import { objectivesOf } from '../../../shared/scenarios/objectives'
import { notesOf } from '../../../shared/scenarios/presenterNotes'
import { strings } from '../../../renderer/src/i18n/strings'
import { encryptedVmLab, get, ok, run, texts, trustedLab } from '../../helpers/lab'

function lessonTexts(id: string, lang: 'en' | 'de'): string {
  const s = scenarios.find((x) => x.id === id)!
  return [s.lesson[lang], ...objectivesOf(id).flatMap((o) => [o.title[lang], o.hint[lang]]), ...notesOf(id).map((n) => n.text[lang])].join('\n')
}

describe('issue 11: the lab never lies', () => {
  it('1 the attacker’s view: a stolen vCenter with its certificate store can fetch every KEK (vsphere-facts.md#vcenter-kms-credentials)', async () => {
    const en = lessonTexts('attackers-view', 'en')
    const de = lessonTexts('attackers-view', 'de')
    expect(en).not.toMatch(/nothing it stores is key material|does not hold them/)
    expect(de).not.toMatch(/nichts, was es speichert, ist Schlüsselmaterial|sie enthält sie nicht/)
    expect(en).toMatch(/certificate store/)
    expect(en).toMatch(/every KEK/)
    expect(de).toMatch(/Zertifikatsspeicher/)
    expect(de).toMatch(/jeden KEK/)
    // the vCenter inspector says it where it shows the key IDs
    expect(strings['inspector.idsOnlyNote'].en).toMatch(/certificate store.*every KEK/)
    expect(strings['inspector.idsOnlyNote'].de).toMatch(/Zertifikatsspeicher.*jeden KEK/)
    // and it is true in the lab: vCenter keeps the private key of its KMIP client certificate
    const lab = await trustedLab()
    expect(get(lab, 'vcenter', 'vcenter').persisted.providers.kp.trust.clientCertificate?.keyPair.privateKeyPkcs8Pem).toMatch(/PRIVATE KEY/)
  })

  it('4 a host that did not get its host key back is prepared, not safe (vsphere-facts.md#host-crypto-states)', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-01' })
    const host = get(lab, 'host', 'esx-01')
    expect(host.persisted.config.hostKeyId).not.toBeNull()
    expect(host.memory.keyCache[host.persisted.config.hostKeyId!]).toBeUndefined()
    expect(host.cryptoState).toBe('prepared')
    await ok(lab, { op: 'kms.start', name: 'kms-1' }, { op: 'vm.unlock', name: 'vm1' })
    expect(get(lab, 'host', 'esx-01').cryptoState).toBe('safe')
  })

  it('4 a host rebooted while vCenter is down is prepared until vCenter pushes its host key again', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vcenter.stop' }, { op: 'host.reboot', name: 'esx-01' })
    expect(get(lab, 'host', 'esx-01').cryptoState).toBe('prepared')
    await ok(lab, { op: 'vcenter.start' })
    expect(get(lab, 'host', 'esx-01').cryptoState).toBe('safe')
  })

  it('5 after kms.revokeKey the student learns that reactivation is a KMS product feature (vsphere-facts.md#kms-key-reactivation)', async () => {
    const lab = await encryptedVmLab()
    const keyId = get(lab, 'vm', 'vm1').keyId!
    const [revoke] = await ok(lab, { op: 'kms.revokeKey', keyId })
    expect(texts(revoke).join(' ')).toMatch(/ask the KMS administrator to reactivate the key, then unlock/)
    const [reboot] = await ok(lab, { op: 'host.reboot', name: 'esx-01' })
    const lock = reboot.events.find((e) => e.message.id === 'vm.lock.keysMissing')!
    expect(lock.text).toMatch(/ask the KMS administrator to reactivate the key, then unlock/)
  })

  it('6 trust is per KMS server: a second server is not trusted until its certificate is (vsphere-facts.md#trust-per-server)', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'kms.add', name: 'kms-2', provider: 'kp' }, { op: 'kms.stop', name: 'kms-1' })
    const status = get(lab, 'vcenter', 'vcenter').persisted.providers.kp.trust.servers
    expect(status['kms-1']).toMatchObject({ clientTrustServer: true, serverTrustClient: true })
    expect(status['kms-2']?.clientTrustServer ?? false).toBe(false)
    const [refused] = await run(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.encrypt', name: 'vm1' }).then((o) => o.slice(1))
    expect(refused.fault?.fault).toBe('KmsClusterUnreachable')
    // vCenter refuses kms-2 at the handshake: no trust was established with that server
    expect(refused.fault?.text).toMatch(/kms-2: vCenter does not trust this KMS server yet \(clientTrustServer false\): it was added after trust was established/)
    await ok(lab, { op: 'kms.start', name: 'kms-1' }, { op: 'provider.trust', provider: 'kp', mode: 'vcenter-cert' }, { op: 'kms.stop', name: 'kms-1' })
    expect(get(lab, 'vcenter', 'vcenter').persisted.providers.kp.trust.servers['kms-2']).toMatchObject({ clientTrustServer: true, serverTrustClient: true })
    await ok(lab, { op: 'vm.encrypt', name: 'vm1' })
  })

  it('7 key persistence narration agrees with itself (vsphere-facts.md#key-persistence)', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'host.keyPersistence', name: 'esx-01', enabled: true })
    const [rekey] = await ok(lab, { op: 'vm.rekey', name: 'vm1' })
    const pushes = rekey.events.filter((e) => e.kind === 'key.push' && e.to === 'host:esx-01')
    expect(pushes.length).toBeGreaterThan(0)
    for (const p of pushes) {
      expect(p.text).not.toMatch(/in memory only/)
      expect(p.text).toMatch(/sealed/)
    }
    const plain = rekey.events.filter((e) => e.kind === 'key.push' && e.to === 'host:esx-02')
    for (const p of plain) expect(p.text).toMatch(/in memory only/)
    const [reboot] = await ok(lab, { op: 'vcenter.stop' }, { op: 'host.reboot', name: 'esx-01' }).then((o) => o.slice(1))
    const all = texts(reboot).join('\n')
    expect(all).toMatch(/unseals/)
    expect(all).not.toMatch(/nobody can bring its keys back/)
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('unlocked')
  })

  it('8 the .vmsn of an encrypted VM is encrypted, and the .vmx points at the delta disk (vsphere-facts.md#vm-files-encrypted, #snapshot-redirects-disk)', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.snapshot', name: 'vm1' })
    const vm = get(lab, 'vm', 'vm1')
    const files = get(lab, 'datastore', 'ds-c1').persisted.files
    const vmsn = files[vm.snapshots[0].vmsn]
    expect(vmsn.text).toBeUndefined()
    const sealed = bytesOf(vmsn.data!)
    expect(isEnvelope(sealed)).toBe(true)
    expect(readEnvelope(sealed).header.keyId).toBe(vm.keyId)
    expect(fromUtf8(sealed)).not.toMatch(/displayName/)
    const vmx = parseVmx(files[vm.files.vmx].text!)
    expect(vmx['scsi0:0.fileName']).toBe('vm1-000001.vmdk')
  })

  it('8 a plain VM’s snapshot: the .vmx points at the delta disk too', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'vm.snapshot', name: 'vm1' }, { op: 'vm.snapshot', name: 'vm1' })
    const vm = get(lab, 'vm', 'vm1')
    expect(parseVmx(get(lab, 'datastore', 'ds-c1').persisted.files[vm.files.vmx].text!)['scsi0:0.fileName']).toBe('vm1-000002.vmdk')
    await ok(lab, { op: 'vm.deleteSnapshots', name: 'vm1' })
    expect(parseVmx(get(lab, 'datastore', 'ds-c1').persisted.files[vm.files.vmx].text!)['scsi0:0.fileName']).toBe('vm1.vmdk')
  })

  it('9 after a reboot vCenter pushes every key the host needs for its cluster (vsphere-facts.md#reboot-pushes-cluster-keys)', async () => {
    const lab = await encryptedVmLab()
    const keyId = get(lab, 'vm', 'vm1').keyId!
    expect(get(lab, 'host', 'esx-02').memory.keyCache[keyId]).toBeDefined()
    await ok(lab, { op: 'host.reboot', name: 'esx-02' })
    expect(get(lab, 'host', 'esx-02').memory.keyCache[keyId]).toBeDefined()
  })

  it('10 key creation opens a new TLS session per step, as the vCenter 7.0.3 trace does (vsphere-facts.md#kmip-session-per-step)', async () => {
    const lab = await trustedLab({ hosts: ['esx-01'] })
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' }, { op: 'host.encryptionMode', name: 'esx-01', enabled: true })
    const [out] = await ok(lab, { op: 'vm.encrypt', name: 'vm1' })
    const sessions: string[][] = []
    for (const e of out.events) {
      if (e.message.id === 'tls.open') sessions.push([])
      if (e.kind === 'kmip.request') sessions.at(-1)!.push(e.kmip!.operation)
    }
    expect(sessions).toEqual([
      ['Discover Versions', 'Create'],
      ['Discover Versions', 'Get Attributes', 'Get Attributes', 'Get Attributes', 'Add Attribute'],
      ['Discover Versions', 'Get', 'Get Attributes', 'Activate'],
      ['Discover Versions', 'Get Attributes', 'Get Attributes', 'Get Attributes', 'Add Attribute']
    ])
  })

  it('11 VMX core files of encrypted VMs are encrypted with the VM key (vsphere-facts.md#vmx-core-dump-key)', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const [crash] = await ok(lab, { op: 'host.crash', name: 'esx-01' })
    const host = get(lab, 'host', 'esx-01')
    const kek = get(lab, 'vm', 'vm1').keyId
    const vmxCores = Object.entries(host.persisted.varCore).filter(([name]) => name.startsWith('vmx-'))
    expect(vmxCores).toHaveLength(1)
    const [, file] = vmxCores[0]
    expect(readEnvelope(file.subarray(ZDUMP_HEADER_SIZE)).header.keyId).toBe(kek)
    expect(fromUtf8(file)).not.toMatch(/top secret payroll/)
    const told = crash.events.find((e) => e.message.id === 'host.coredump.vmx')!
    expect(told.text).toMatch(/VM key/)
    expect(told.text).toMatch(/vmmcores\.ve/)
  })
})
