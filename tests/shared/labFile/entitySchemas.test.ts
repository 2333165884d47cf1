// Each component record's schema (shared/lab/entities/) refuses a bad record when a lab file is opened, and says
// where: the lab file is checked by the model's own schemas, so a field the model renames or narrows is refused here.

import { beforeAll, describe, expect, it } from 'vitest'
import { labDocumentText, labFileData, parseLabDocument } from '../../../shared/labFile/kflab'
import { LabFileError } from '../../../shared/labFile/labFileError'
import { KFLAB_VERSION } from '../../../shared/labFile/schema'
import type { Lab } from '../../../shared/lab/lab'
import { encryptedVmLab, ok } from '../../helpers/lab'

/** A lab document, to break on purpose. */
type Json = Record<string, any>

/** A lab with every kind of record and the Native Key Provider's and maintenance mode's fields filled in. */
async function everyRecordLab(): Promise<Lab> {
  const lab = await encryptedVmLab()
  await ok(
    lab,
    { op: 'provider.add', name: 'nkp', type: 'native' },
    { op: 'provider.backup', provider: 'nkp', password: 'Backup-2026!' },
    { op: 'vm.snapshot', name: 'vm1' },
    { op: 'host.enterMaintenanceMode', name: 'esx-02' }
  )
  return lab
}

let document: string
beforeAll(async () => {
  document = labDocumentText(labFileData(await everyRecordLab()))
}, 60_000)

/** Opens the document after `change`, as the container's index (format `KFLAB_VERSION`). */
function openChanged(change: (entities: Json) => void) {
  const doc = JSON.parse(document) as Json
  change(doc.entities)
  return () => parseLabDocument(JSON.stringify(doc), KFLAB_VERSION)
}

describe('a lab file is checked by the model’s own record schemas', () => {
  it('opens the lab as saved, with the native provider and maintenance mode', () => {
    const data = openChanged(() => {})()
    const vcenter = data.entities.vcenter
    expect(vcenter.kind === 'vcenter' && vcenter.persisted.providers.nkp.type).toBe('native')
    expect(vcenter.kind === 'vcenter' && vcenter.persisted.providers.nkp.native?.hasBackup).toBe(true)
    const host = data.entities['host:esx-02']
    expect(host.kind === 'host' && host.inMaintenanceMode).toBe(true)
  })

  const bad: [record: string, change: (e: Json) => void, place: string][] = [
    ['meta', (e) => (e.lab.clock = 'noon'), 'entities.lab.clock'],
    ['KMS', (e) => (e['kms:kms-1'].running = 'yes'), 'entities.kms:kms-1.running'],
    ['KMS key', (e) => (Object.values(e['kms:kms-1'].persisted.keys)[0] as Json).state = 9, 'entities.kms:kms-1.persisted.keys.'],
    ['provider', (e) => (e.vcenter.persisted.providers.kp.type = 'cloud'), 'entities.vcenter.persisted.providers.kp.type'],
    ['native provider', (e) => (e.vcenter.persisted.providers.nkp.native.tpmRequired = 'no'), 'entities.vcenter.persisted.providers.nkp.native.tpmRequired'],
    ['vCenter', (e) => (e.vcenter.persisted.session.role = 'root'), 'entities.vcenter.persisted.session.role'],
    ['vCenter protected store', (e) => (e.vcenter.persisted.protectedStore.kdks.nkp = 42), 'entities.vcenter.persisted.protectedStore.kdks.nkp'],
    ['host', (e) => (e['host:esx-02'].inMaintenanceMode = 'yes'), 'entities.host:esx-02.inMaintenanceMode'],
    ['host key cache', (e) => ((Object.values(e['host:esx-01'].memory.keyCache)[0] as Json).keyType = 'masterKey'), 'entities.host:esx-01.memory.keyCache.'],
    ['host TPM', (e) => (e['host:esx-01'].tpm = { storageKey: 'plain' }), 'entities.host:esx-01.tpm'],
    ['datastore', (e) => ((Object.values(e['datastore:ds-c1'].persisted.files)[0] as Json).kind = 'exe'), 'entities.datastore:ds-c1.persisted.files.'],
    ['VM', (e) => (e['vm:vm1'].disks = []), 'entities.vm:vm1.disks'],
    ['VM snapshot', (e) => (e['vm:vm1'].snapshots[0].vmsn = 7), 'entities.vm:vm1.snapshots[0].vmsn'],
    ['an unknown field', (e) => (e['host:esx-01'].memory.hostKeys = {}), 'entities.host:esx-01.memory']
  ]
  it.each(bad)('refuses a bad %s record and names the place', (_record, change, place) => {
    const open = openChanged(change)
    expect(open).toThrow(LabFileError)
    expect(open).toThrow(/^The lab file is damaged: the value at .+ is not valid \(.+\)\.$/)
    expect(open).toThrow(place)
  })
})
