// Revoke a key (kms.revokeKey): the KMS administrator's operation, as KMIP Revoke.

import { defineCommand, keyId } from '../../define'
import { keyAdmin } from './keyAdmin'

export const kmsRevokeKey = defineCommand('kms.revokeKey', { args: { keyId }, ...keyAdmin('Revoke', 'kms.admin.revoked') })
