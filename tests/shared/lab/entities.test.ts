import { describe, expect, it } from 'vitest'
import { entitySchema } from '../../../shared/labFile/schema'
import { labSchemas } from '../../../shared/lab/entities'
import { componentView, metaView, viewOfKind, viewsOfKind } from '../../../shared/lab/readView'
import { project } from '../../../shared/lab/view'
import { encryptedVmLab, ok } from '../../helpers/lab'

describe('one schema per component record', () => {
  it('describes every component of a running lab exactly: the model, the lab file and the views agree', async () => {
    const lab = await encryptedVmLab()
    await ok(lab, { op: 'vm.snapshot', name: 'vm1' }, { op: 'host.crash', name: 'esx-01' })
    const kinds = new Set<string>()
    for (const [id, entity] of lab.entities()) {
      // the file schema is built from the model's schemas: both accept the component as the lab holds it
      expect(entitySchema.safeParse(entity).success, id).toBe(true)
      if (entity.kind !== 'meta') {
        expect(labSchemas[entity.kind].safeParse(entity).success, id).toBe(true)
        kinds.add(entity.kind)
      }
    }
    expect([...kinds].sort()).toEqual(['datastore', 'host', 'kms', 'vcenter', 'vm'])
  })

  it('refuses a component with a field the model does not have', async () => {
    const lab = await encryptedVmLab()
    const host = lab.component('host:esx-01')!
    expect(labSchemas.host.safeParse({ ...host, keyCache: {} }).success).toBe(false)
    expect(entitySchema.safeParse({ ...host, cryptoState: 'maybe' }).success).toBe(false)
  })
})

describe('the typed reader of views', () => {
  it('reads a view by the model’s names, and only of the kind asked', async () => {
    const lab = await encryptedVmLab()
    const views = Object.fromEntries([...lab.entities()].map(([id, e]) => [id, project(e)]))
    const host = viewOfKind(views['host:esx-01'], 'host')
    expect(host?.persisted?.config?.cryptoEnabled).toBe(true)
    expect(Object.values(host?.memory?.keyCache ?? {}).map((k) => k.keyType).sort()).toContain('kek')
    expect(viewOfKind(views['host:esx-01'], 'vm')).toBeNull()
    expect(componentView(views.lab)).toBeNull()
    expect(metaView(views.lab)?.clock).toBeGreaterThan(0)
    expect(viewsOfKind(views, 'vm').map((v) => v.name)).toEqual(['vm1'])
  })

  it('degrades on a view that is not a component: null, never a throw', () => {
    expect(componentView(undefined)).toBeNull()
    expect(componentView({ kind: 'future' })).toBeNull()
    expect(componentView([1, 2])).toBeNull()
    expect(viewOfKind({ kind: 'host' }, 'host')?.persisted?.config?.keyPersistence).toBeUndefined()
  })
})
