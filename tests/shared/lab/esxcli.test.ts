// esxcli on a lab host (docs/vsphere-facts.md#esxcli-config-encryption, #key-persistence): how ESXi protects its own
// configuration (mode TPM or NONE, Secure Boot enforcement) — where the host keeps a Native Key Provider's KDK — and
// key persistence, the same behaviour as host.keyPersistence.

import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../../shared/i18n/format'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import { encryptedVmLab, get, newLab, ok, run, texts } from '../../helpers/lab'

const esxcli = (name: string, line: string): LabCommand => ({ op: 'host.esxcli', name, args: line.split(' ') })

async function twoHosts() {
  const lab = await newLab(11)
  await ok(lab, { op: 'host.add', name: 'esx-tpm', cluster: 'c1' }, { op: 'host.add', name: 'esx-old', cluster: 'c1', tpm: false })
  return lab
}

describe('esxcli system settings encryption', () => {
  it('get prints the mode as ESXi does: TPM on a host with a TPM, NONE without, and says what it protects', async () => {
    const lab = await twoHosts()
    const [tpm] = await ok(lab, esxcli('esx-tpm', 'system settings encryption get'))
    expect(tpm.events[0].detail).toEqual(['   Mode: TPM', '   Require Executables Only From Installed VIBs: false', '   Require Secure Boot: false'])
    expect(texts(tpm).join('\n')).toMatch(/KDK.*TPM seals: mode TPM/)
    const [none] = await ok(lab, esxcli('esx-old', 'esxcli system settings encryption get'))
    expect(none.events[0].detail?.[0]).toBe('   Mode: NONE')
    expect(texts(none).join('\n')).toMatch(/lies on the boot device/)
    expect(formatMessage(none.events[0].message, 'de')).toMatch(/Modus NONE: Der Host hat kein TPM/)
  })

  it('mode TPM needs a TPM and cannot be undone; Secure Boot enforcement is a TPM policy', async () => {
    const lab = await twoHosts()
    expect(lab.check(esxcli('esx-old', 'system settings encryption set --mode=TPM'))).toMatchObject({ fault: 'NotSupported', message: { id: 'fault.esxcli.noTpm' } })
    expect(lab.check(esxcli('esx-tpm', 'system settings encryption set --mode=NONE'))).toMatchObject({ fault: 'InvalidState', message: { id: 'fault.esxcli.tpmIsFinal' } })
    expect(lab.check(esxcli('esx-old', 'system settings encryption set --require-secure-boot=T'))?.message.id).toBe('fault.esxcli.secureBootNoTpm')
    await ok(lab, esxcli('esx-tpm', 'system settings encryption set --require-secure-boot=T'))
    expect(get(lab, 'host', 'esx-tpm').persisted.config.requireSecureBoot).toBe(true)
    const [shown] = await ok(lab, esxcli('esx-tpm', 'system settings encryption get'))
    expect(shown.events[0].detail?.[2]).toBe('   Require Secure Boot: true')
    // it survives a reboot: it is the host's configuration
    await ok(lab, { op: 'host.reboot', name: 'esx-tpm' }, esxcli('esx-tpm', 'system settings encryption set --require-secure-boot false'))
    expect(get(lab, 'host', 'esx-tpm').persisted.config.requireSecureBoot).toBe(false)
  })

  it('refuses what it does not know, naming what the lab’s hosts answer, in English and German', async () => {
    const lab = await twoHosts()
    const [unknown] = await run(lab, esxcli('esx-tpm', 'network ip interface list'))
    expect(unknown.fault).toMatchObject({ fault: 'InvalidArgument', message: { id: 'fault.esxcli' } })
    expect(unknown.fault!.text).toMatch(/system settings encryption get\|set/)
    expect(formatMessage(unknown.fault!.message, 'de')).toMatch(/beantworten/)
    const [bad] = await run(lab, esxcli('esx-tpm', 'system settings encryption set --mode=MAYBE'))
    expect(formatMessage(bad.fault!.message, 'de')).toMatch(/„MAYBE“ ist kein Wert für --mode/)
  })
})

describe('esxcli system security keypersistence', () => {
  it('enable seals the key cache exactly as host.keyPersistence does; a reboot with the KMS down keeps the VM unlocked', async () => {
    const lab = await encryptedVmLab()
    const [on] = await ok(lab, esxcli('esx-01', 'system security keypersistence enable'))
    expect(on.events.map((e) => e.message.id)).toEqual(['host.keyPersistence.on'])
    expect(get(lab, 'host', 'esx-01').persisted.sealedKeyCache).not.toBeNull()
    await ok(lab, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-01' })
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('unlocked')
    expect(lab.check(esxcli('esx-01', 'system security keypersistence enable'))?.message.id).toBe('fault.keyPersistence.alreadyOn')
  })

  it('disable takes the documented --remove-all-stored-keys and removes the sealed keys', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, esxcli('esx-01', 'system security keypersistence enable'))
    expect(lab.check(esxcli('esx-01', 'system security keypersistence disable'))?.message.id).toBe('fault.esxcli.removeAllStoredKeys')
    await ok(lab, esxcli('esx-01', 'system security keypersistence disable --remove-all-stored-keys'))
    expect(get(lab, 'host', 'esx-01').persisted).toMatchObject({ config: { keyPersistence: false }, sealedKeyCache: null })
    const [noTpm] = await run(lab, { op: 'host.add', name: 'esx-09', cluster: 'c1', tpm: false }, esxcli('esx-09', 'system security keypersistence enable'))
    expect(noTpm.fault).toBeNull()
    expect(lab.check(esxcli('esx-09', 'system security keypersistence enable'))?.message.id).toBe('fault.keyPersistence.noTpm')
  })
})
