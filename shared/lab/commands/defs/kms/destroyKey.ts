// Destroy a key (kms.destroyKey): the KMS administrator's operation, as KMIP Destroy.

import { defineCommand, keyId } from '../../define'
import { keyAdmin } from './keyAdmin'

export const kmsDestroyKey = defineCommand('kms.destroyKey', { args: { keyId }, ...keyAdmin('Destroy', 'kms.admin.destroyed') })
