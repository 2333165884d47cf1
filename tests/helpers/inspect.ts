// Looks at a lab the way an attacker or an auditor would: files on the datastore, keys on the KMS.

import type { Lab } from '../../shared/lab/lab'
import { bytesOf } from '../../shared/lab/files/storedBytes'
import { readEncryptionKeys } from '../../shared/lab/files/vmdk'
import { parseVmx } from '../../shared/lab/files/vmx'
import { parseBundle, unwrapDek } from '../../shared/lab/services/dekWrap'
import { get } from './lab'
import { opensslSectors } from './opensslXts'

/** A file of the VM home (vmx, nvram) or of one disk (descriptor, flat; disk 0 unless told), its bytes read. */
export function datastoreFile(lab: Lab, vmName: string, which: 'vmx' | 'descriptor' | 'flat' | 'nvram', disk = 0) {
  const vm = get(lab, 'vm', vmName)
  const ds = lab.component(vm.datastore)
  if (!ds || ds.kind !== 'datastore') throw new Error('no datastore')
  const path = which === 'vmx' || which === 'nvram' ? vm.files[which] : vm.disks[disk][which]
  const file = ds.persisted.files[path]
  return { ...file, data: file.data && bytesOf(file.data) }
}

export function kmsKey(lab: Lab, keyId: string): Uint8Array {
  for (const e of lab.entities().values()) if (e.kind === 'kms' && e.persisted.keys[keyId]?.material) return e.persisted.keys[keyId].material!
  throw new Error(`no KMS holds ${keyId}`)
}

/** A disk's DEK as someone with its descriptor and the KEK from the KMS would get it. */
export function dekOf(lab: Lab, vmName: string, disk = 0): Uint8Array {
  const locator = parseBundle(readEncryptionKeys(datastoreFile(lab, vmName, 'descriptor', disk).text!)!)
  return unwrapDek(kmsKey(lab, locator.keyId), locator.lockedData)
}

/** The VM home key (NVRAM) as someone with the .vmx and the KEK from the KMS would get it. */
export function homeKeyOf(lab: Lab, vmName: string): Uint8Array {
  const vmx = parseVmx(datastoreFile(lab, vmName, 'vmx').text!)
  const bundle = parseBundle(vmx['encryption.bundle'])
  return unwrapDek(kmsKey(lab, bundle.keyId), bundle.lockedData)
}

/** Decrypts with OpenSSL's aes-256-xts, one 512-byte data unit per sector: a second, independent implementation. */
export function opensslXtsDecrypt(dek: Uint8Array, data: Uint8Array): Uint8Array {
  return opensslSectors(true, dek, data)
}

export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes)
}
