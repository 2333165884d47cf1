// A VM's files on its datastore — the VM home (.vmx, NVRAM) and each disk (descriptor, -flat.vmdk) — and their
// rewriting when a part is encrypted, decrypted or deep-rekeyed. Like vSphere, a rewrite writes new copies
// (vm_1.vmdk, vm_1.nvram) and removes the old ones; the VM home and every disk are rewritten on their own.

import { SECTOR_SIZE } from '../../crypto/diskCipher'
import { utf8 } from '../../crypto/bytes'
import { say, type CommandContext } from '../context'
import type { DatastoreFile, HostComponent, VmComponent, VmDisk, VmFiles } from '../model'
import { formatDescriptor } from '../files/vmdk'
import { formatVmx, parseVmx } from '../files/vmx'
import { datastoreOf, readBytes, readFile, writeFiles } from './datastore'
import { parseBundle } from './dekWrap'
import { internalKeyIdOf } from './keyCache'
import { lockNarrated, type KekMaterial } from './keySafe'

export const NVRAM_BYTES = 8192
export const MAX_BOOT_SECTORS = 8

export function vmHomePaths(name: string, generation: number): VmFiles {
  const base = generation === 0 ? name : `${name}_${generation}`
  return { vmx: `${name}/${name}.vmx`, nvram: `${name}/${base}.nvram` }
}

export function deviceOf(index: number): string {
  return `scsi0:${index}`
}

/** Disk 0 is vm.vmdk, disk 1 vm-disk1.vmdk ...; a rewrite adds _<generation>. */
export function diskPaths(vmName: string, index: number, generation: number): Pick<VmDisk, 'descriptor' | 'flat'> {
  const stem = index === 0 ? vmName : `${vmName}-disk${index}`
  const base = generation === 0 ? stem : `${stem}_${generation}`
  return { descriptor: `${vmName}/${base}.vmdk`, flat: `${vmName}/${base}-flat.vmdk` }
}

export function newDisk(vmName: string, index: number, bytes: number): VmDisk {
  return { device: deviceOf(index), ...diskPaths(vmName, index, 0), bytes, keyId: null, providerId: null, generation: 0 }
}

/** Every file of the VM home and its disks (the VM's persisted surface), snapshots last. */
export function vmFileList(vm: Pick<VmComponent, 'files' | 'disks' | 'snapshots'>): string[] {
  return [
    vm.files.vmx,
    vm.files.nvram,
    ...vm.disks.flatMap((d) => [d.descriptor, d.flat]),
    ...vm.snapshots.flatMap((s) => [s.vmsn, s.deltaDescriptor, s.deltaData])
  ]
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

/** Where a vTPM keeps its state: in the NVRAM, after the EFI variables. */
export const VTPM_OFFSET = 4096

/**
 * The VM's configuration. After a snapshot the VM runs on the newest delta disk, so the .vmx names that disk (the
 * lab snapshots single-disk VMs only); the base disk is its parent.
 */
export function vmxFile(vm: Pick<VmComponent, 'name' | 'uuid' | 'files' | 'disks' | 'snapshots' | 'vtpm' | 'migrateEncryption'>, bundle: string | null): DatastoreFile {
  const current = vm.snapshots.at(-1)?.deltaDescriptor
  return {
    kind: 'vmx',
    text: formatVmx({
      name: vm.name,
      uuid: vm.uuid,
      disks: vm.disks.map((d, i) => ({ device: d.device, descriptor: i === 0 && current ? current : d.descriptor })),
      nvram: vm.files.nvram,
      vtpm: vm.vtpm,
      bundle,
      migrateEncryption: vm.migrateEncryption
    })
  }
}

export function descriptorFile(disk: Pick<VmDisk, 'flat' | 'bytes'>, locator: string | null): DatastoreFile {
  return { kind: 'vmdk', text: formatDescriptor({ flat: disk.flat, sectors: disk.bytes / SECTOR_SIZE, encryptionKeys: locator }) }
}

/** The bundle as the host reads it from the .vmx on the datastore. */
export function readVmBundle(ctx: CommandContext, vm: VmComponent) {
  const vmx = parseVmx(readFile(ctx, datastoreOf(ctx, vm), vm.files.vmx).text ?? '')
  const bundle = vmx['encryption.bundle']
  return bundle ? { text: bundle, ...parseBundle(bundle) } : null
}

/** Rewrites the .vmx from the record, keeping the key safe the file holds now unless `bundle` is given. */
export function writeVmx(ctx: CommandContext, vm: VmComponent, bundle?: string | null): void {
  const ds = datastoreOf(ctx, vm)
  const text = bundle === undefined ? (readVmBundle(ctx, vm)?.text ?? null) : bundle
  writeFiles(ctx, ds, { [vm.files.vmx]: vmxFile(vm, text) })
}

/** How one part changes: the key its data is encrypted with now and afterwards (null: clear), and the KEK that
 *  locks the new key. */
export interface PartRewrite {
  from: Uint8Array | null
  to: Uint8Array | null
  kek: KekMaterial | null
  /** A change to the clear data on the way (a vTPM's state written into or erased from the NVRAM). */
  edit?: (clear: Uint8Array) => Uint8Array
}

export function transform(ctx: CommandContext, r: Omit<PartRewrite, 'kek'>, data: Uint8Array): Uint8Array {
  let clear = r.from ? ctx.deps.diskCipher.decryptSectors(r.from, data) : data.slice()
  if (r.edit) clear = r.edit(clear)
  return r.to ? ctx.deps.diskCipher.encryptSectors(r.to, clear) : clear
}

function narrationOf(r: PartRewrite): 'encrypted' | 'decrypted' | 'reencrypted' | 'rewritten' {
  if (r.from && r.to) return r.from === r.to ? 'rewritten' : 'reencrypted'
  return r.to ? 'encrypted' : 'decrypted'
}

/** Rewrites one disk to its next generation (its own DEK), with a new descriptor; the .vmx follows. */
export function rewriteDisk(ctx: CommandContext, vm: VmComponent, host: HostComponent, index: number, r: PartRewrite): VmComponent {
  const ds = datastoreOf(ctx, vm)
  const old = vm.disks[index]
  const paths = diskPaths(vm.name, index, old.generation + 1)
  const flat = transform(ctx, r, readBytes(ctx, ds, old.flat)!)
  const how = narrationOf(r)
  const dekId = internalKeyIdOf(vm.name, old.device)
  say(ctx, how === 'decrypted' ? 'disk.decrypt' : 'disk.encrypt', host.id, host.id, `vm.disk.${how}`, {
    vm: vm.name,
    host: host.name,
    disk: old.device,
    sectors: flat.length / SECTOR_SIZE,
    from: old.flat,
    to: paths.flat
  }, { keys: r.to ? [{ keyType: 'dek', form: 'material', keyId: dekId }] : [], payload: { kind: 'disk', bytes: flat.length, encrypted: Boolean(r.to) } })
  const locator = r.to && r.kek ? lockNarrated(ctx, vm, host, { disk: old }, r.kek, r.to) : null
  const disk: VmDisk = { ...old, ...paths, generation: old.generation + 1, keyId: r.to ? r.kek!.keyId : null, providerId: r.to ? r.kek!.providerId : null }
  const next = ctx.tx.update(vm, (d) => {
    d.disks[index] = disk
    d.persisted.files = vmFileList(d)
  })
  writeFiles(ctx, ds, { [disk.flat]: { kind: 'flat', data: flat }, [disk.descriptor]: descriptorFile(disk, locator) }, [old.flat, old.descriptor])
  writeVmx(ctx, next)
  say(ctx, 'file.write', host.id, ds.id, locator ? 'vm.disk.writtenEncrypted' : 'vm.disk.writtenPlain', { vm: vm.name, disk: old.device, descriptor: disk.descriptor, removed: old.flat }, {
    keys: locator ? [{ keyType: 'dek', form: 'wrapped', wrappedBy: 'kek', keyId: dekId }] : [],
    payload: { kind: 'descriptor' }
  })
  return next
}

/** Rewrites the VM home: the NVRAM to its next generation with the VM home key, and the .vmx with its key safe. */
export function rewriteHome(ctx: CommandContext, vm: VmComponent, host: HostComponent, r: PartRewrite): VmComponent {
  const ds = datastoreOf(ctx, vm)
  const old = vm.files
  const files = vmHomePaths(vm.name, vm.fileGeneration + 1)
  const nvram = transform(ctx, r, readBytes(ctx, ds, old.nvram)!)
  const how = narrationOf(r)
  const homeId = internalKeyIdOf(vm.name, 'home')
  say(ctx, how === 'decrypted' ? 'disk.decrypt' : 'disk.encrypt', host.id, host.id, `vm.nvram.${how}`, { vm: vm.name, host: host.name, from: old.nvram, to: files.nvram }, {
    keys: r.to ? [{ keyType: 'dek', form: 'material', keyId: homeId }] : [],
    payload: { kind: 'disk', bytes: nvram.length, encrypted: Boolean(r.to) }
  })
  const bundle = r.to && r.kek ? lockNarrated(ctx, vm, host, { home: true }, r.kek, r.to) : null
  const next = ctx.tx.update(vm, (d) => {
    d.files = files
    d.fileGeneration = vm.fileGeneration + 1
    d.keyId = r.to ? r.kek!.keyId : null
    d.providerId = r.to ? r.kek!.providerId : null
    d.persisted.files = vmFileList(d)
  })
  writeFiles(ctx, ds, { [files.nvram]: { kind: 'nvram', data: nvram }, [files.vmx]: vmxFile(next, bundle) }, [old.nvram])
  say(ctx, 'file.write', host.id, ds.id, bundle ? 'vm.files.writtenEncrypted' : 'vm.files.writtenPlain', { vm: vm.name, vmx: files.vmx, removed: old.nvram }, {
    keys: bundle ? [{ keyType: 'dek', form: 'wrapped', wrappedBy: 'kek', keyId: homeId }] : [],
    payload: { kind: 'vmx' }
  })
  return next
}

/** Shallow rekey: only the key safes change — the same internal keys locked by the new KEK; no data is touched. */
export function relockKeySafes(
  ctx: CommandContext,
  vm: VmComponent,
  host: HostComponent,
  kek: KekMaterial,
  keys: { home: Uint8Array; disks: (Uint8Array | null)[] }
): VmComponent {
  const ds = datastoreOf(ctx, vm)
  const bundle = lockNarrated(ctx, vm, host, { home: true }, kek, keys.home)
  const files: Record<string, DatastoreFile> = {}
  const disks = vm.disks.map((d, i) => {
    const key = keys.disks[i]
    if (!key) return d
    files[d.descriptor] = descriptorFile(d, lockNarrated(ctx, vm, host, { disk: d }, kek, key))
    return { ...d, keyId: kek.keyId, providerId: kek.providerId }
  })
  const next = ctx.tx.update(vm, (d) => {
    d.keyId = kek.keyId
    d.providerId = kek.providerId
    d.disks = disks
  })
  files[vm.files.vmx] = vmxFile(next, bundle)
  writeFiles(ctx, ds, files)
  say(ctx, 'file.write', host.id, ds.id, 'vm.files.keySafeRewritten', { vm: vm.name, vmx: vm.files.vmx }, {
    keys: [{ keyType: 'dek', form: 'wrapped', wrappedBy: 'kek', keyId: internalKeyIdOf(vm.name, 'home') }],
    payload: { kind: 'vmx' }
  })
  return next
}

