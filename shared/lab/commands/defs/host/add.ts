// Add host (host.add).

import { z } from 'zod'
import { say } from '../../../context'
import { componentId, type DatastoreRecord, type HostComponent } from '../../../model'
import { uuidFromBytes } from '../../../random'
import { pushAllKdks } from '../../../services/nativeKeys'
import { requirePrivilege } from '../../../services/privileges'
import { requireNew } from '../../checks'
import { datastoreName } from '../vm/steps'
import { defineCommand, name } from '../../define'

export const hostAdd = defineCommand('host.add', {
  args: { name, cluster: name, /** `tpm: false`: a host without a TPM 2.0 chip (every host has one unless told). */ tpm: z.boolean().optional() },
  narration: ['datastore.added', 'host.added', 'host.added.noTpm'],
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
      memory: { keyCache: {}, runningVms: [], kdks: {} },
      persisted: {
        config: { cryptoEnabled: false, hostKeyId: null, hostKeyProvider: null, keyPersistence: false, pendingIncapableMarker: false },
        varCore: {},
        sealedKeyCache: null,
        sealedKdks: null,
        configStoreKey: null,
        dumpCounter: 0
      },
      tpm: null
    }
    // A host has a TPM 2.0 unless told otherwise; without one its configuration key lies on its boot disk.
    if (cmd.tpm === false) host.persisted.configStoreKey = ctx.tx.random(32)
    else host.tpm = { storageKey: ctx.tx.random(32) }
    ctx.tx.add(host)
    say(ctx, 'component', 'vcenter', host.id, host.tpm ? 'host.added' : 'host.added.noTpm', { host: cmd.name, cluster: cmd.cluster })
    // Hosts of a cluster get the KDK of every Native Key Provider (docs/vsphere-facts.md#nkp-kdk).
    pushAllKdks(ctx, host)
  }
})

