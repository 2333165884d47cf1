// A VM's files on its datastore, and their rewriting when the VM is encrypted, decrypted or deep-rekeyed.
// Like vSphere, encryption writes new copies (vm_1.vmdk, vm_1.nvram) and removes the old ones.

import { SECTOR_SIZE } from '../../crypto/diskCipher'
import { utf8 } from '../../crypto/bytes'
import { say, type CommandContext } from '../context'
import type { DatastoreFile, HostComponent, VmComponent, VmFiles } from '../model'
import { formatDescriptor, readEncryptionKeys } from '../files/vmdk'
import { formatVmx, parseVmx } from '../files/vmx'
import { datastoreOf, readFile, writeFiles } from './datastore'
import { parseBundle } from './dekWrap'

export const NVRAM_BYTES = 8192
export const MAX_BOOT_SECTORS = 8

export function vmFilePaths(name: string, generation: number): VmFiles {
  const base = generation === 0 ? name : `${name}_${generation}`
  return {
    vmx: `${name}/${name}.vmx`,
    descriptor: `${name}/${base}.vmdk`,
    flat: `${name}/${base}-flat.vmdk`,
    nvram: `${name}/${base}.nvram`
  }
}

export function initialDisk(diskBytes: number, guestData: string): { data: Uint8Array; bootSectors: number } {
  const data = new Uint8Array(diskBytes)
  const text = utf8(guestData).subarray(0, Math.min(diskBytes, MAX_BOOT_SECTORS * SECTOR_SIZE))
  data.set(text)
  return { data, bootSectors: Math.min(MAX_BOOT_SECTORS, Math.max(1, Math.ceil(text.length / SECTOR_SIZE))) }
}

export function initialNvram(vmName: string): Uint8Array {
  const data = new Uint8Array(NVRAM_BYTES)
  data.set(utf8(`NVRAM (KeyFlow Lab) for ${vmName}: EFI variables, boot order`))
  return data
}

export function vmxFile(vm: Pick<VmComponent, 'name' | 'uuid' | 'files' | 'migrateEncryption'>, bundle: string | null): DatastoreFile {
  return {
    kind: 'vmx',
    text: formatVmx({ name: vm.name, uuid: vm.uuid, descriptor: vm.files.descriptor, nvram: vm.files.nvram, bundle, migrateEncryption: vm.migrateEncryption })
  }
}

export function descriptorFile(files: VmFiles, diskBytes: number, bundle: string | null): DatastoreFile {
  return { kind: 'vmdk', text: formatDescriptor({ flat: files.flat, sectors: diskBytes / SECTOR_SIZE, encryptionKeys: bundle }) }
}

/** The bundle as the host reads it from the .vmx on the datastore. */
export function readVmBundle(ctx: CommandContext, vm: VmComponent) {
  const ds = datastoreOf(ctx, vm)
  const vmx = parseVmx(readFile(ctx, ds, vm.files.vmx).text ?? '')
  const bundle = vmx['encryption.bundle']
  return bundle ? { text: bundle, ...parseBundle(bundle) } : null
}

export function readDiskKeyLocator(ctx: CommandContext, vm: VmComponent): string | null {
  return readEncryptionKeys(readFile(ctx, datastoreOf(ctx, vm), vm.files.descriptor).text ?? '')
}

type Transform = (data: Uint8Array) => Uint8Array

/**
 * Rewrites the disk and NVRAM to the next file generation through `transform` (encrypt, decrypt or re-encrypt,
 * sector by sector), writes the descriptor and .vmx with `bundle`, and removes the previous files.
 */
export function rewriteVmData(
  ctx: CommandContext,
  vm: VmComponent,
  host: HostComponent,
  bundle: string | null,
  transform: Transform,
  narration: { id: string; encrypted: boolean }
): VmComponent {
  const ds = datastoreOf(ctx, vm)
  const old = vm.files
  const files = vmFilePaths(vm.name, vm.fileGeneration + 1)
  const flat = transform(readFile(ctx, ds, old.flat).data!)
  const nvram = transform(readFile(ctx, ds, old.nvram).data!)
  say(ctx, narration.encrypted ? 'disk.encrypt' : 'disk.decrypt', host.id, host.id, narration.id, {
    vm: vm.name,
    host: host.name,
    sectors: flat.length / SECTOR_SIZE,
    from: old.flat,
    to: files.flat
  }, { keys: narration.encrypted ? [{ keyType: 'dek', form: 'material', keyId: `dek:${vm.name}` }] : [], payload: { kind: 'disk', bytes: flat.length, encrypted: narration.encrypted } })
  const next = ctx.tx.update(vm, (d) => {
    d.files = files
    d.fileGeneration = vm.fileGeneration + 1
    d.persisted.files = [files.vmx, files.descriptor, files.flat, files.nvram]
  })
  writeFiles(
    ctx,
    ds,
    {
      [files.flat]: { kind: 'flat', data: flat },
      [files.nvram]: { kind: 'nvram', data: nvram },
      [files.descriptor]: descriptorFile(files, flat.length, bundle),
      [files.vmx]: vmxFile(next, bundle)
    },
    [old.flat, old.nvram, old.descriptor]
  )
  say(ctx, 'file.write', host.id, ds.id, bundle ? 'vm.files.writtenEncrypted' : 'vm.files.writtenPlain', {
    vm: vm.name,
    vmx: files.vmx,
    descriptor: files.descriptor,
    removed: old.flat
  }, { keys: bundle ? [{ keyType: 'dek', form: 'wrapped', wrappedBy: 'kek', keyId: `dek:${vm.name}` }] : [], payload: { kind: 'vmx' } })
  return next
}

/** Only the key safe changes (shallow rekey): .vmx and descriptor get the DEK wrapped by the new KEK. */
export function rewriteKeySafe(ctx: CommandContext, vm: VmComponent, host: HostComponent, bundle: string): void {
  const ds = datastoreOf(ctx, vm)
  const flat = readFile(ctx, ds, vm.files.flat).data!
  writeFiles(ctx, ds, { [vm.files.vmx]: vmxFile(vm, bundle), [vm.files.descriptor]: descriptorFile(vm.files, flat.length, bundle) })
  say(ctx, 'file.write', host.id, ds.id, 'vm.files.keySafeRewritten', { vm: vm.name, vmx: vm.files.vmx }, {
    keys: [{ keyType: 'dek', form: 'wrapped', wrappedBy: 'kek', keyId: `dek:${vm.name}` }],
    payload: { kind: 'vmx' }
  })
}
