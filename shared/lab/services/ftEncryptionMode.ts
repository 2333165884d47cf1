// The encrypted Fault Tolerance mode that applies to a VM, and whether its FT logging is encrypted
// (docs/vsphere-facts.md#f-ft). Pure, with type imports only, so the window reads the same rule the core applies.

import type { FtEncryptionMode, VmComponent } from '../model'

type FtFields = Pick<VmComponent, 'ftEncryptionMode'> & { keyId?: string | null }

/** "If the VM is encrypted, its encrypted Fault Tolerance mode will be required"; otherwise its setting, Opportunistic by default. */
export function ftEncryptionOf(vm: FtFields): FtEncryptionMode {
  return vm.keyId ? 'required' : (vm.ftEncryptionMode ?? 'opportunistic')
}

/**
 * Whether FT logging between two lab hosts is encrypted. Every lab host runs ESXi 7.0 U2 or later and supports
 * encrypted FT, so only Disabled sends it in clear (Opportunistic would fall back to clear with an older host).
 */
export function ftLogEncrypted(vm: FtFields): boolean {
  return ftEncryptionOf(vm) !== 'disabled'
}
