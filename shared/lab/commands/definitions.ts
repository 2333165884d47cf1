// The registry: every command's definition, by op. The command language (`LabCommand`, `commandSchema`) is derived
// from it; the window's metadata for the same ops is `definitions.meta.ts`, and the `satisfies` below makes the
// compiler refuse a command that is in one list and not the other. Adding a command: one import and one line here.

import { z } from 'zod'
import type { CommandDefinition } from './define'
import type { CommandOp } from './definitions.meta'
import { kmsAdd } from './defs/kms/add'
import { kmsStop } from './defs/kms/stop'
import { kmsStart } from './defs/kms/start'
import { kmsRevokeKey } from './defs/kms/revokeKey'
import { kmsDestroyKey } from './defs/kms/destroyKey'
import { kmsActivateKey } from './defs/kms/activateKey'
import { kmsRemove } from './defs/kms/remove'
import { providerAdd } from './defs/provider/add'
import { providerTrust } from './defs/provider/trust'
import { providerSetDefault } from './defs/provider/setDefault'
import { providerRemove } from './defs/provider/remove'
import { providerBackup } from './defs/provider/backup'
import { providerRestore } from './defs/provider/restore'
import { vcenterStop } from './defs/vcenter/stop'
import { vcenterStart } from './defs/vcenter/start'
import { vcenterActAs } from './defs/vcenter/actAs'
import { hostAdd } from './defs/host/add'
import { hostReboot } from './defs/host/reboot'
import { hostCrash } from './defs/host/crash'
import { hostCryptoUtil } from './defs/host/cryptoUtil'
import { hostEsxcli } from './defs/host/esxcli'
import { hostKeyPersistence } from './defs/host/keyPersistence'
import { hostEncryptionMode } from './defs/host/encryptionMode'
import { hostRekey } from './defs/host/rekey'
import { hostVmSupport } from './defs/host/vmSupport'
import { hostEnterMaintenanceMode } from './defs/host/enterMaintenanceMode'
import { hostExitMaintenanceMode } from './defs/host/exitMaintenanceMode'
import { hostRemove } from './defs/host/remove'
import { vmCreate } from './defs/vm/create'
import { vmAddDisk } from './defs/vm/addDisk'
import { vmEncrypt } from './defs/vm/encrypt'
import { vmDecrypt } from './defs/vm/decrypt'
import { vmAddVtpm } from './defs/vm/addVtpm'
import { vmRemoveVtpm } from './defs/vm/removeVtpm'
import { vmSetMigrateEncryption } from './defs/vm/setMigrateEncryption'
import { vmPowerOn } from './defs/vm/powerOn'
import { vmPowerOff } from './defs/vm/powerOff'
import { vmRekey } from './defs/vm/rekey'
import { vmMigrate } from './defs/vm/migrate'
import { vmClone } from './defs/vm/clone'
import { vmSnapshot } from './defs/vm/snapshot'
import { vmDeleteSnapshots } from './defs/vm/deleteSnapshots'
import { vmUnlock } from './defs/vm/unlock'
import { vmRemove } from './defs/vm/remove'
import { labAdvanceClock } from './defs/lab/advanceClock'

export const definitions = {
  'kms.add': kmsAdd,
  'kms.stop': kmsStop,
  'kms.start': kmsStart,
  'kms.revokeKey': kmsRevokeKey,
  'kms.destroyKey': kmsDestroyKey,
  'kms.activateKey': kmsActivateKey,
  'kms.remove': kmsRemove,
  'provider.add': providerAdd,
  'provider.trust': providerTrust,
  'provider.setDefault': providerSetDefault,
  'provider.remove': providerRemove,
  'provider.backup': providerBackup,
  'provider.restore': providerRestore,
  'vcenter.stop': vcenterStop,
  'vcenter.start': vcenterStart,
  'vcenter.actAs': vcenterActAs,
  'host.add': hostAdd,
  'host.reboot': hostReboot,
  'host.crash': hostCrash,
  'host.cryptoUtil': hostCryptoUtil,
  'host.esxcli': hostEsxcli,
  'host.keyPersistence': hostKeyPersistence,
  'host.encryptionMode': hostEncryptionMode,
  'host.rekey': hostRekey,
  'host.vmSupport': hostVmSupport,
  'host.enterMaintenanceMode': hostEnterMaintenanceMode,
  'host.exitMaintenanceMode': hostExitMaintenanceMode,
  'host.remove': hostRemove,
  'vm.create': vmCreate,
  'vm.addDisk': vmAddDisk,
  'vm.encrypt': vmEncrypt,
  'vm.decrypt': vmDecrypt,
  'vm.addVtpm': vmAddVtpm,
  'vm.removeVtpm': vmRemoveVtpm,
  'vm.setMigrateEncryption': vmSetMigrateEncryption,
  'vm.powerOn': vmPowerOn,
  'vm.powerOff': vmPowerOff,
  'vm.rekey': vmRekey,
  'vm.migrate': vmMigrate,
  'vm.clone': vmClone,
  'vm.snapshot': vmSnapshot,
  'vm.deleteSnapshots': vmDeleteSnapshots,
  'vm.unlock': vmUnlock,
  'vm.remove': vmRemove,
  'lab.advanceClock': labAdvanceClock
} satisfies { [O in CommandOp]: CommandDefinition<O, z.ZodType<{ op: O }>> }

type Definition = (typeof definitions)[CommandOp]

/** One command of the lab's command language: every UI action and every step of a lab script is one of these. */
export type LabCommand = z.infer<Definition['schema']>
export type CommandOf<O extends CommandOp> = Extract<LabCommand, { op: O }>

const schemas = Object.values(definitions).map((d) => d.schema) as unknown as [Definition['schema'], ...Definition['schema'][]]

export const commandSchema = z.discriminatedUnion('op', schemas)

/** The definition of a command, typed for that command. */
export function definitionOf<O extends CommandOp>(op: O): CommandDefinition<O, z.ZodType<CommandOf<O>>> {
  return definitions[op] as unknown as CommandDefinition<O, z.ZodType<CommandOf<O>>>
}
