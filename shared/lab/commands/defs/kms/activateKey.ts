// Activate a key (kms.activateKey): the KMS administrator's operation, as KMIP Activate.

import { defineCommand, keyId } from '../../define'
import { keyAdmin } from './keyAdmin'

export const kmsActivateKey = defineCommand('kms.activateKey', { args: { keyId }, ...keyAdmin('Activate', 'kms.admin.activated') })
