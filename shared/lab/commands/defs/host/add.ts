// Add host (host.add).

import { say } from '../../../context'
import { componentId, type DatastoreRecord, type HostComponent } from '../../../model'
import { uuidFromBytes } from '../../../random'
import { requirePrivilege } from '../../../services/privileges'
import { requireNew } from '../../checks'
import { datastoreName } from '../vm/steps'
import { defineCommand, name } from '../../define'

export const hostAdd = defineCommand('host.add', {
  args: { name, cluster: name },
  narration: ['datastore.added', 'host.added'],
  check(ctx, cmd) {
    requireNew(ctx, componentId.host(cmd.name), cmd.name)
    requirePrivilege(ctx, 'Host.Inventory.AddHostToCluster', cmd.cluster)
  },
  async run(ctx, cmd) {
    const dsId = componentId.datastore(datastoreName(cmd.cluster))
    if (!ctx.tx.has(dsId)) {
      const ds: DatastoreRecord = {
        id: dsId,
        kind: 'datastore',
        name: datastoreName(cmd.cluster),
        cluster: cmd.cluster,
        memory: {},
        persisted: {}
      }
      ctx.tx.add(ds)
      say(ctx, 'component', 'vcenter', dsId, 'datastore.added', { datastore: ds.name, cluster: cmd.cluster })
    }
    const host: HostComponent = {
      id: componentId.host(cmd.name),
      kind: 'host',
      name: cmd.name,
      cluster: cmd.cluster,
      uuid: uuidFromBytes(ctx.tx.random(16)),
      cryptoState: 'incapable',
      memory: { keyCache: {}, runningVms: [] },
      persisted: {
        config: { cryptoEnabled: false, hostKeyId: null, hostKeyProvider: null, keyPersistence: false, pendingIncapableMarker: false },
        varCore: {},
        sealedKeyCache: null,
        dumpCounter: 0
      },
      tpm: { storageKey: ctx.tx.random(32) }
    }
    ctx.tx.add(host)
    say(ctx, 'component', 'vcenter', host.id, 'host.added', { host: cmd.name, cluster: cmd.cluster })
  }
})

