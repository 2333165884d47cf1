import type { HandlerTable } from './handler'
import { hostAdd, hostCrash, hostEncryptionMode, hostKeyPersistence, hostReboot, hostRekey } from './host'
import { hostCryptoUtil } from './host/cryptoUtil'
import { kmsActivateKey, kmsAdd, kmsDestroyKey, kmsRevokeKey, kmsStart, kmsStop } from './kms'
import { providerAdd, providerSetDefault, providerTrust } from './provider'
import { providerBackup } from './provider/backup'
import { labAdvanceClock, vcenterStart, vcenterStop } from './vcenter'
import { vmDeleteSnapshots, vmPowerOff, vmUnlock } from './vm'
import { vmAddDisk } from './vm/addDisk'
import { vmAddVtpm } from './vm/addVtpm'
import { vmClone } from './vm/clone'
import { vmCreate } from './vm/create'
import { vmDecrypt } from './vm/decrypt'
import { vmEncrypt } from './vm/encrypt'
import { vmMigrate } from './vm/migrate'
import { vmPowerOn } from './vm/powerOn'
import { vmRekey } from './vm/rekey'
import { vmRemoveVtpm } from './vm/removeVtpm'
import { vmSetMigrateEncryption } from './vm/setMigrateEncryption'
import { vmSnapshot } from './vm/snapshot'
import { vcenterActAs } from './vcenter/actAs'
import { hostVmSupport } from './host/vmSupport'

export const handlers: HandlerTable = {
  'kms.add': kmsAdd,
  'kms.stop': kmsStop,
  'kms.start': kmsStart,
  'kms.revokeKey': kmsRevokeKey,
  'kms.destroyKey': kmsDestroyKey,
  'kms.activateKey': kmsActivateKey,
  'provider.add': providerAdd,
  'provider.trust': providerTrust,
  'provider.setDefault': providerSetDefault,
  'provider.backup': providerBackup,
  'vcenter.stop': vcenterStop,
  'vcenter.start': vcenterStart,
  'vcenter.actAs': vcenterActAs,
  'host.add': hostAdd,
  'host.reboot': hostReboot,
  'host.crash': hostCrash,
  'host.cryptoUtil': hostCryptoUtil,
  'host.keyPersistence': hostKeyPersistence,
  'host.encryptionMode': hostEncryptionMode,
  'host.rekey': hostRekey,
  'host.vmSupport': hostVmSupport,
  'vm.create': vmCreate,
  'vm.encrypt': vmEncrypt,
  'vm.decrypt': vmDecrypt,
  'vm.powerOn': vmPowerOn,
  'vm.powerOff': vmPowerOff,
  'vm.rekey': vmRekey,
  'vm.migrate': vmMigrate,
  'vm.clone': vmClone,
  'vm.snapshot': vmSnapshot,
  'vm.deleteSnapshots': vmDeleteSnapshots,
  'vm.unlock': vmUnlock,
  'vm.addDisk': vmAddDisk,
  'vm.addVtpm': vmAddVtpm,
  'vm.removeVtpm': vmRemoveVtpm,
  'vm.setMigrateEncryption': vmSetMigrateEncryption,
  'lab.advanceClock': labAdvanceClock
}
