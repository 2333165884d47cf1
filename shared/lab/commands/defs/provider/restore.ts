// Restore a Native Key Provider from its backup (provider.restore): the PKCS#12 file provider.backup wrote and its
// password give vCenter the same KDK back, so the hosts derive the same keys again — after the provider was removed,
// or in another lab (vSphere: Key Providers → Add → Restore from backup; docs/vsphere-facts.md#nkp-restore).

import { z } from 'zod'
import { fromBase64 } from '../../../../crypto/bytes'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { VCENTER_ID } from '../../../model'
import { providerServers } from '../../../services/kmsSession'
import { openBackup, restoreNativeProvider } from '../../../services/nativeKeys'
import { requirePrivilege } from '../../../services/privileges'
import { requireVcenterRunning, vcenter } from '../../../services/vcenterKeys'
import { backupFile, defineCommand } from '../../define'

export const providerRestore = defineCommand('provider.restore', {
  args: {
    /** The backup file's bytes, base64 (what the window's file picker reads, or `lab import nkp-backup`). */
    file: backupFile,
    password: z.string().max(128).optional(),
    /** "Use key provider only with TPM protected ESXi hosts", as when the provider is added. */
    tpmRequired: z.boolean().optional()
  },
  narration: ['fault.nkp.restore.password', 'fault.nkp.restore.format', 'fault.providerExists', 'fault.nkp.hasKmsServers', 'provider.default'],
  check(ctx, cmd) {
    const vc = requireVcenterRunning(ctx)
    // the privilege first: a user who may not manage key providers learns nothing about the file
    requirePrivilege(ctx, 'Cryptographer.ManageKeyServers', vc.name)
    const { friendlyName: provider } = openBackup(fromBase64(cmd.file), cmd.password ?? '')
    if (Object.hasOwn(vc.persisted.providers, provider)) throw fault('AlreadyExists', 'fault.providerExists', { provider })
    if (providerServers(ctx, provider).length) throw fault('InvalidArgument', 'fault.nkp.hasKmsServers', { provider })
  },
  async run(ctx, cmd) {
    const file = fromBase64(cmd.file)
    const backup = openBackup(file, cmd.password ?? '')
    const first = vcenter(ctx).persisted.defaultProvider === null
    restoreNativeProvider(ctx, backup, file, cmd.tpmRequired ?? false)
    if (first) {
      ctx.tx.update(vcenter(ctx), (v) => void (v.persisted.defaultProvider = backup.friendlyName))
      say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, 'provider.default', { provider: backup.friendlyName })
    }
  }
})
