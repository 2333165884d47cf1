import type { HandlerTable } from './handler'
import { hostAdd, hostCrash, hostCryptoUtil, hostEncryptionMode, hostKeyPersistence, hostReboot, hostRekey } from './host'
import { kmsActivateKey, kmsAdd, kmsDestroyKey, kmsRevokeKey, kmsStart, kmsStop } from './kms'
import { providerAdd, providerSetDefault, providerTrust } from './provider'
import { labAdvanceClock, vcenterStart, vcenterStop } from './vcenter'
import {
  vmClone,
  vmCreate,
  vmDecrypt,
  vmDeleteSnapshots,
  vmEncrypt,
  vmMigrate,
  vmPowerOff,
  vmPowerOn,
  vmRekey,
  vmSnapshot,
  vmUnlock
} from './vm'

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
  'vcenter.stop': vcenterStop,
  'vcenter.start': vcenterStart,
  'host.add': hostAdd,
  'host.reboot': hostReboot,
  'host.crash': hostCrash,
  'host.cryptoUtil': hostCryptoUtil,
  'host.keyPersistence': hostKeyPersistence,
  'host.encryptionMode': hostEncryptionMode,
  'host.rekey': hostRekey,
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
  'lab.advanceClock': labAdvanceClock
}
