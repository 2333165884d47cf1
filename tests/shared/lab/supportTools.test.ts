// Support tooling as on ESXi (docs/vsphere-facts.md#f-support): crypto-util on the host that wrote the dump
// (its key cache), and vm-support with a password, which recrypts the dumps to an incident key locked by that
// password — support opens them without ever holding the host key.

import { describe, expect, it } from 'vitest'
import { indexOfBytes, toHex, utf8 } from '../../../shared/crypto/bytes'
import { readEnvelope } from '../../../shared/crypto/envelope'
import { ZDUMP_HEADER_SIZE } from '../../../shared/lab/files/coreDump'
import { extractPlaintext } from '../../../shared/lab/files/cryptoUtil'
import { INCIDENT_KEY_FILE, openIncidentKey } from '../../../shared/lab/files/incidentKey'
import { encryptedVmLab, get, ok, run } from '../../helpers/lab'
import { kmsKey, text } from '../../helpers/inspect'

async function crashedLab() {
  const lab = await encryptedVmLab()
  await ok(lab, { op: 'vm.powerOn', name: 'vm1' }, { op: 'host.crash', name: 'esx-01' })
  return lab
}

describe('vm-support with a password', () => {
  it('recrypts the encrypted dumps to an incident key that only the password opens; the body stays as it was', async () => {
    const lab = await crashedLab()
    const original = get(lab, 'host', 'esx-01').persisted.varCore['vmkernel-zdump.1']
    const [out] = await ok(lab, { op: 'host.vmSupport', name: 'esx-01', password: 'Support-2026' })
    const core = get(lab, 'host', 'esx-01').persisted.varCore
    const bundle = Object.keys(core).filter((n) => n.startsWith('vm-support-'))
    // the vmkernel dump and the VMX core file of the running encrypted VM (encrypted with its KEK) both go in
    expect(bundle.sort()).toEqual([`vm-support-esx-01-1/${INCIDENT_KEY_FILE}`, 'vm-support-esx-01-1/vmkernel-zdump.1', 'vm-support-esx-01-1/vmx-zdump.vm1.2'])
    const recrypted = core['vm-support-esx-01-1/vmkernel-zdump.1']
    const incident = openIncidentKey(core[`vm-support-esx-01-1/${INCIDENT_KEY_FILE}`], 'Support-2026')
    const envelope = recrypted.subarray(ZDUMP_HEADER_SIZE)
    expect(readEnvelope(envelope).header.keyId).toBe(incident.keyId)
    expect(readEnvelope(envelope).body).toEqual(readEnvelope(original.subarray(ZDUMP_HEADER_SIZE)).body)
    expect(text(extractPlaintext(envelope, incident.key))).toContain('top secret payroll')
    expect(() => openIncidentKey(core[`vm-support-esx-01-1/${INCIDENT_KEY_FILE}`], 'wrong')).toThrow(/password/)
    // the password is kept nowhere: not in the lab's state, not in any event
    expect(JSON.stringify(out.events)).not.toContain('Support-2026')
    const state = JSON.stringify([...lab.entities().values()], (_, v) => (v instanceof Uint8Array ? toHex(v) : v))
    expect(state).not.toContain('Support-2026')
    expect(state).not.toContain(toHex(utf8('Support-2026')))
    // the bundle carries neither the host key nor the incident key in clear
    const hostKey = kmsKey(lab, get(lab, 'host', 'esx-01').persisted.config.hostKeyId!)
    for (const name of bundle) {
      expect(indexOfBytes(core[name], hostKey)).toBe(-1)
      expect(indexOfBytes(core[name], incident.key)).toBe(-1)
    }
  })

  it('needs the host key in the key cache: after a reboot without vCenter, vm-support cannot recrypt', async () => {
    const lab = await crashedLab()
    await ok(lab, { op: 'vcenter.stop' }, { op: 'host.reboot', name: 'esx-01' })
    const [out] = await run(lab, { op: 'host.vmSupport', name: 'esx-01', password: 'Support-2026' })
    expect(out.fault?.fault).toBe('CryptoUtilError')
    expect(out.fault?.text).toMatch(/host key/)
  })

  it('refuses a short password', async () => {
    const lab = await crashedLab()
    const [out] = await run(lab, { op: 'host.vmSupport', name: 'esx-01', password: 'abc' })
    expect(out.fault).toBeDefined()
  })

  it('crypto-util on the host opens the vm-support copy with --keyfile and --password, as support does', async () => {
    const lab = await crashedLab()
    await ok(lab, { op: 'host.vmSupport', name: 'esx-01', password: 'Support-2026' })
    const dir = '/var/core/vm-support-esx-01-1'
    const [out] = await ok(lab, {
      op: 'host.cryptoUtil',
      name: 'esx-01',
      args: ['envelope', 'extract', '--offset', '4096', '--keyfile', `${dir}/${INCIDENT_KEY_FILE}`, '--password', 'Support-2026', `${dir}/vmkernel-zdump.1`, '/tmp/z']
    })
    expect(out.events[0].detail!.join('\n')).toContain('top secret payroll')
    expect(JSON.stringify(out.events)).not.toContain('Support-2026')
  })
})
