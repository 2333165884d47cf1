// vCenter's privilege check, reduced to what the lab teaches: the Cryptographic operations privileges and the
// "No cryptography administrator" role (docs/vsphere-facts.md#f-privileges). A command that needs a
// privilege the acting user's role lacks is refused with NoPermission, naming the privilege.

import type { CommandContext } from '../context'
import { fault } from '../faults'
import { VCENTER_ID, type VcenterRole } from '../model'

/** The privileges by their API names. */
export type Privilege =
  | 'Cryptographer.Access'
  | 'Cryptographer.AddDisk'
  | 'Cryptographer.Clone'
  | 'Cryptographer.Decrypt'
  | 'Cryptographer.Encrypt'
  | 'Cryptographer.EncryptNew'
  | 'Cryptographer.ManageEncryptionPolicy'
  | 'Cryptographer.ManageKeyServers'
  | 'Cryptographer.ManageKeys'
  | 'Cryptographer.Migrate'
  | 'Cryptographer.ReadKeyServersInfo'
  | 'Cryptographer.Recrypt'
  | 'Cryptographer.RegisterHost'
  | 'Cryptographer.RegisterVM'
  | 'Global.Diagnostics'
  | 'Host.Inventory.AddHostToCluster'

export { vcenterRoles as roles } from '../entities'

/** What a role lacks. Administrator has every privilege; the No cryptography administrator role lacks all
 *  Cryptographic operations privileges, Global.Diagnostics (support bundles) and adding hosts (a host added to a
 *  cluster of encrypted VMs would be sent their keys). */
export function roleLacks(role: VcenterRole, privilege: Privilege): boolean {
  if (role === 'administrator') return false
  return privilege.startsWith('Cryptographer.') || privilege === 'Global.Diagnostics' || privilege === 'Host.Inventory.AddHostToCluster'
}

/** Throws NoPermission when the acting user's role lacks `privilege`. */
export function requirePrivilege(ctx: CommandContext, privilege: Privilege, on: string): void {
  const { session } = ctx.tx.require(VCENTER_ID, 'vcenter').persisted
  if (roleLacks(session.role, privilege))
    throw fault('NoPermission', 'fault.noPermission', { user: session.user, role: { id: `role.${session.role}`, params: {} }, privilege, on })
}
