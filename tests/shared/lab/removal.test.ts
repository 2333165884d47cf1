// Commands that remove things, with vSphere's rules (docs/vsphere-facts.md#maintenance-mode,
// docs/vsphere-facts.md#removal-keeps-keys, docs/vsphere-facts.md#remove-key-provider): a host leaves vCenter only
// from maintenance mode, a deleted VM's key stays in the KMS, a provider whose keys are in use stays. Each removal is
// taken back by a rewind (the window's Ctrl+Z).

import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../../shared/i18n/format'
import type { Lab } from '../../../shared/lab/lab'
import { componentId } from '../../../shared/lab/model'
import { encryptedVmLab, get, newLab, ok, run, trustedLab } from '../../helpers/lab'

/** The refusal of one command, in both languages; fails the test if the command was accepted. */
async function refused(lab: Lab, command: Parameters<typeof run>[1]) {
  const [out] = await run(lab, command)
  expect(out.fault, `${command.op} should be refused`).not.toBeNull()
  const { fault, message } = out.fault!
  return { fault, id: message.id, en: formatMessage(message, 'en'), de: formatMessage(message, 'de') }
}

/** Every message of the command's events in both languages, with no placeholder left unfilled. */
function narration(out: { events: { message: { id: string; params: Record<string, unknown> } }[] }) {
  const said = out.events.map((e) => ({ id: e.message.id, en: formatMessage(e.message as never, 'en'), de: formatMessage(e.message as never, 'de') }))
  for (const s of said) expect(`${s.en} ${s.de}`, s.id).not.toMatch(/\{[a-zA-Z]+\}/)
  return said
}

/** The lab's entities as canonical JSON (ids and keys sorted: a rewind restores content, not insertion order). */
function snapshot(lab: Lab): string {
  const canonical = (v: unknown): unknown => {
    if (v instanceof Uint8Array) return Buffer.from(v).toString('hex')
    if (Array.isArray(v)) return v.map(canonical)
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
    return v
  }
  return JSON.stringify(canonical(Object.fromEntries(lab.entities())))
}

/** Runs one command, rewinds it as Ctrl+Z does, and checks the lab is exactly as before. */
async function undoRestores(lab: Lab, command: Parameters<typeof run>[1]) {
  const before = snapshot(lab)
  const seq = lab.seq
  await ok(lab, command)
  expect(snapshot(lab)).not.toBe(before)
  await lab.rewind(seq)
  expect(snapshot(lab)).toBe(before)
}

describe('maintenance mode', () => {
  it('is refused while a VM runs on the host, naming it; once the VM is off the host enters it', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const r = await refused(lab, { op: 'host.enterMaintenanceMode', name: 'esx-01' })
    expect(r).toMatchObject({ fault: 'InvalidState', id: 'fault.host.runningVms' })
    expect(r.en).toContain('(vm1)')
    expect(r.de).toBe(
      'Auf esx-01 laufen noch VMs (vm1): Schalten Sie sie zuerst aus oder migrieren Sie sie auf einen anderen Host. vSphere wartet mit dem Wartungsmodus, bis dort keine VM mehr läuft.'
    )
    await ok(lab, { op: 'vm.powerOff', name: 'vm1' })
    const [out] = await ok(lab, { op: 'host.enterMaintenanceMode', name: 'esx-01' })
    expect(get(lab, 'host', 'esx-01').inMaintenanceMode).toBe(true)
    expect(narration(out).map((s) => s.id)).toEqual(['host.maintenance.entered'])
    expect((await refused(lab, { op: 'host.enterMaintenanceMode', name: 'esx-01' })).id).toBe('fault.host.alreadyInMaintenance')
  })

  it('a host in maintenance mode runs no VM, takes none by vMotion, and none is created or cloned on it; exiting lifts that', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.create', name: 'vm2', host: 'esx-02' }, { op: 'host.enterMaintenanceMode', name: 'esx-01' })
    for (const command of [
      { op: 'vm.powerOn', name: 'vm1' },
      { op: 'vm.create', name: 'vm3', host: 'esx-01' },
      { op: 'vm.clone', name: 'vm1', newName: 'vm1-clone' },
      { op: 'vm.migrate', name: 'vm2', host: 'esx-01' }
    ] as const)
      expect(await refused(lab, command), command.op).toMatchObject({ fault: 'InvalidState', id: 'fault.host.inMaintenance' })
    await ok(lab, { op: 'host.exitMaintenanceMode', name: 'esx-01' }, { op: 'vm.powerOn', name: 'vm1' })
    expect(get(lab, 'host', 'esx-01').inMaintenanceMode).toBe(false)
    expect((await refused(lab, { op: 'host.exitMaintenanceMode', name: 'esx-01' })).id).toBe('fault.host.notInMaintenance')
  })

  it('is taken back by a rewind', async () => {
    const lab = await encryptedVmLab()
    await undoRestores(lab, { op: 'host.enterMaintenanceMode', name: 'esx-01' })
  })
})

describe('removing a host', () => {
  it('needs maintenance mode, then no registered VM; its host key stays in the KMS, vCenter forgets its ID', async () => {
    const lab = await encryptedVmLab()
    const hostKeyId = get(lab, 'host', 'esx-01').persisted.config.hostKeyId!
    expect(hostKeyId).toBeTruthy()
    const notMm = await refused(lab, { op: 'host.remove', name: 'esx-01' })
    expect(notMm).toMatchObject({ fault: 'InvalidState', id: 'fault.host.removeNeedsMaintenance' })
    expect(notMm.en).toBe('esx-01 is not in maintenance mode: put it in maintenance mode first, then remove it.')
    expect(notMm.de).toBe('esx-01 befindet sich nicht im Wartungsmodus: Versetzen Sie den Host zuerst in den Wartungsmodus und entfernen Sie ihn dann.')
    await ok(lab, { op: 'host.enterMaintenanceMode', name: 'esx-01' })
    expect(await refused(lab, { op: 'host.remove', name: 'esx-01' })).toMatchObject({ fault: 'ResourceInUse', id: 'fault.host.hasVms' })
    await ok(lab, { op: 'vm.migrate', name: 'vm1', host: 'esx-02' })
    const [out] = await ok(lab, { op: 'host.remove', name: 'esx-01' })
    expect(lab.component(componentId.host('esx-01'))).toBeUndefined()
    expect(get(lab, 'vcenter', '').persisted.hostKeys['esx-01']).toBeUndefined()
    expect(get(lab, 'kms', 'kms-1').persisted.keys[hostKeyId]).toBeDefined()
    const said = narration(out)
    expect(said.map((s) => s.id)).toEqual(['vcenter.db.vmKeyRemoved', 'host.removed.keyStays', 'host.removed'])
    expect(said[1].de).toBe(`Der Host-Schlüssel ${hostKeyId} von esx-01 bleibt im KMS von kp: vCenter löscht nie Schlüssel.`)
    // The VM it held before runs on the other host.
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
  })

  it('is taken back by a rewind, key cache and all', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'host.enterMaintenanceMode', name: 'esx-02' })
    await undoRestores(lab, { op: 'host.remove', name: 'esx-02' })
  })
})

describe('deleting a VM from disk', () => {
  it('is refused while it runs; then its files leave the datastore, its KEK stays in the KMS', async () => {
    const lab = await encryptedVmLab()
    const vm = get(lab, 'vm', 'vm1')
    await ok(lab, { op: 'vm.powerOn', name: 'vm1' })
    const on = await refused(lab, { op: 'vm.remove', name: 'vm1' })
    expect(on).toMatchObject({ fault: 'InvalidPowerState', id: 'fault.vm.removePoweredOn' })
    expect(on.de).toBe('vm1 ist eingeschaltet: Schalten Sie die VM aus, bevor Sie sie von der Festplatte löschen.')
    await ok(lab, { op: 'vm.powerOff', name: 'vm1' })
    const [out] = await ok(lab, { op: 'vm.remove', name: 'vm1' })
    expect(lab.component(vm.id)).toBeUndefined()
    const files = get(lab, 'datastore', 'ds-c1').persisted.files
    for (const f of vm.persisted.files) expect(files[f], f).toBeUndefined()
    expect(get(lab, 'kms', 'kms-1').persisted.keys[vm.keyId!]).toBeDefined()
    expect(get(lab, 'vcenter', '').persisted.vmKeys.vm1).toBeUndefined()
    const said = narration(out)
    expect(said.map((s) => s.id)).toEqual(['vm.removed.files', 'vcenter.db.vmKeyRemoved', 'vm.removed.keyStays', 'vm.removed'])
    expect(said[2].en).toBe(
      `The KEK ${vm.keyId} of vm1 stays in the KMS of kp: vCenter never deletes keys, so a copy of the VM’s files could still be opened with it.`
    )
    // The name is free again.
    await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01' })
  })

  it('a VM encrypted by a Native Key Provider: vCenter forgets its key ID, and says the key can be derived again, not that a KMS keeps it', async () => {
    const lab = await newLab(3)
    await ok(
      lab,
      { op: 'host.add', name: 'esx-01', cluster: 'c1' },
      { op: 'provider.add', name: 'nkp', type: 'native' },
      { op: 'provider.backup', provider: 'nkp', password: 'pw' },
      { op: 'vm.create', name: 'vm1', host: 'esx-01' },
      { op: 'vm.encrypt', name: 'vm1' }
    )
    const [out] = await ok(lab, { op: 'vm.remove', name: 'vm1' })
    const said = narration(out)
    expect(said.map((s) => s.id)).toEqual(['vm.removed.files', 'vcenter.db.vmKeyRemoved', 'keyId.forgotten.derivable', 'vm.removed'])
    expect(said[2].de).toContain('Native Key Providers nkp')
    expect(get(lab, 'vcenter', '').persisted.vmKeys.vm1).toBeUndefined()
  })

  it('a locked VM cannot be deleted (docs/vsphere-facts.md#locked-vm-delete)', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.stop', name: 'kms-1' }, { op: 'host.reboot', name: 'esx-01' })
    expect(get(lab, 'vm', 'vm1').cryptoState).toBe('locked')
    expect(await refused(lab, { op: 'vm.remove', name: 'vm1' })).toMatchObject({ fault: 'EncryptionKeyRequired', id: 'fault.vmLocked' })
  })

  it('is taken back by a rewind, files and all', async () => {
    const lab = await encryptedVmLab()
    await undoRestores(lab, { op: 'vm.remove', name: 'vm1' })
  })
})

describe('removing KMS servers and key providers', () => {
  it('a KMS server leaves its provider while another server keeps the keys; the last one stays while its keys are in use', async () => {
    const lab = await encryptedVmLab()
    const kek = get(lab, 'vm', 'vm1').keyId!
    await ok(lab, { op: 'kms.add', name: 'kms-2', provider: 'kp' })
    const [out] = await ok(lab, { op: 'kms.remove', name: 'kms-1' })
    expect(lab.component(componentId.kms('kms-1'))).toBeUndefined()
    expect(get(lab, 'kms', 'kms-2').persisted.keys[kek]).toBeDefined()
    expect(get(lab, 'vcenter', '').persisted.providers.kp.trust.servers['kms-1']).toBeUndefined()
    expect(narration(out).map((s) => s.id)).toEqual(['kms.removed'])
    const last = await refused(lab, { op: 'kms.remove', name: 'kms-2' })
    expect(last).toMatchObject({ fault: 'ResourceInUse', id: 'fault.kms.lastServerInUse' })
    expect(last.en).toContain('still protect vm1, esx-01, esx-02')
  })

  it('a provider whose keys are in use stays; the default stays while another provider exists; an unused one goes', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.add', name: 'kms-b', provider: 'kp2' }, { op: 'provider.add', name: 'kp2' })
    const inUse = await refused(lab, { op: 'provider.remove', name: 'kp' })
    expect(inUse).toMatchObject({ fault: 'ResourceInUse', id: 'fault.provider.inUse' })
    expect(inUse.de).toContain('Die Schlüssel von kp schützen noch vm1, esx-01, esx-02')
    const before = snapshot(lab)
    const seq = lab.seq
    const [out] = await ok(lab, { op: 'provider.remove', name: 'kp2' })
    expect(get(lab, 'vcenter', '').persisted.providers.kp2).toBeUndefined()
    expect(get(lab, 'kms', 'kms-b').running).toBe(true)
    expect(narration(out).map((s) => s.id)).toEqual(['provider.removed'])
    await lab.rewind(seq)
    expect(snapshot(lab)).toBe(before)
  })

  it('the default provider cannot go while another provider could take its place', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'kms.add', name: 'kms-b', provider: 'kp2' }, { op: 'provider.add', name: 'kp2' })
    const r = await refused(lab, { op: 'provider.remove', name: 'kp' })
    expect(r).toMatchObject({ fault: 'InvalidState', id: 'fault.provider.isDefault' })
    expect(r.de).toBe('kp ist als Standard festgelegt: Legen Sie zuerst einen anderen Schlüsselanbieter als Standard fest.')
    await ok(lab, { op: 'provider.setDefault', name: 'kp2' }, { op: 'provider.remove', name: 'kp' })
    expect(get(lab, 'vcenter', '').persisted.defaultProvider).toBe('kp2')
  })

  it('a Native Key Provider nothing uses goes with its KDK: vCenter and every host delete it', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'provider.add', name: 'nkp', type: 'native' })
    const hosts = ['esx-01', 'esx-02'].map((h) => get(lab, 'host', h))
    for (const h of hosts) expect(h.memory.kdks.nkp, h.name).toBeDefined()
    const [out] = await ok(lab, { op: 'provider.remove', name: 'nkp' })
    expect(get(lab, 'vcenter', '').persisted.protectedStore.kdks.nkp).toBeUndefined()
    for (const h of hosts.map((x) => get(lab, 'host', x.name))) {
      expect(h.memory.kdks.nkp, h.name).toBeUndefined()
      expect(h.persisted.sealedKdks, h.name).toBeNull()
    }
    const said = narration(out)
    expect(said.filter((s) => s.id === 'nkp.kdk.removed')).toHaveLength(2)
    expect(said.at(-1)?.id).toBe('provider.removed')
  })

  it('needs the Manage key servers privilege', async () => {
    const lab = await trustedLab()
    await ok(lab, { op: 'vcenter.actAs', role: 'noCryptoAdmin' })
    for (const command of [{ op: 'provider.remove', name: 'kp' }, { op: 'kms.remove', name: 'kms-1' }] as const)
      expect(await refused(lab, command), command.op).toMatchObject({ fault: 'NoPermission' })
  })

  it('removing a KMS server is taken back by a rewind, its keys included', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'kms.add', name: 'kms-2', provider: 'kp' })
    await undoRestores(lab, { op: 'kms.remove', name: 'kms-1' })
  })
})
