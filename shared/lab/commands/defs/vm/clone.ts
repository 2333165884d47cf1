// Clone VM (vm.clone): the copy keeps the parent's keys, or is encrypted, decrypted or recrypted on the way; a vTPM
// is copied with its secrets or replaced by a new, blank one (docs/vsphere-facts.md#f-perdisk, #f-vtpm).

import { z } from 'zod'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { componentId, type DatastoreFile } from '../../../model'
import { uuidFromBytes } from '../../../random'
import { datastoreOf, readFile, writeFiles } from '../../../services/datastore'
import { copyOfBytes } from '../../../files/storedBytes'
import { requireEncryptionCapable } from '../../../services/hostCrypto'
import { internalKeyIdOf } from '../../../services/keyCache'
import { generateInternalKey, readLocator } from '../../../services/keySafe'
import { requirePrivilege, type Privilege } from '../../../services/privileges'
import { defaultProvider, recordKeyId, requireVcenterRunning } from '../../../services/vcenterKeys'
import {
  cachedKek,
  cloneRecord,
  newKekForCluster,
  openVmKeys,
  readClearContent,
  vtpmState,
  withVtpmState,
  writeNewVmFiles,
  type VmKeys
} from '../../../services/vmEncryption'
import { descriptorFile, vmxFile } from '../../../services/vmFiles'
import { requireKekInCache, requireNew, requireNotInMaintenance, requireNotLocked, requireVm } from '../../checks'
import { vmHost } from './steps'
import { defineCommand, name } from '../../define'
import { cloneEncryptions } from '../../definitions.meta'

type CloneEncryption = (typeof cloneEncryptions)[number]

const privilegeFor: Record<CloneEncryption, Privilege> = {
  keep: 'Cryptographer.Clone',
  encrypt: 'Cryptographer.EncryptNew',
  decrypt: 'Cryptographer.Decrypt',
  recrypt: 'Cryptographer.Recrypt'
}

export const vmClone = defineCommand('vm.clone', {
  args: { name, newName: name, encryption: z.enum(cloneEncryptions).optional(), vtpm: z.enum(['copy', 'replace']).optional() },
  narration: ['fault.clone.notEncrypted', 'fault.clone.alreadyEncrypted', 'fault.decryptWithVtpm', 'vm.clone.encrypted', 'vm.clone.plain', 'vm.clone.vtpm.copied', 'vm.clone.decrypted', 'vm.clone.encryptedNew', 'vm.clone.recrypted', 'vm.clone.vtpm.replaced'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    requireNew(ctx, componentId.vm(cmd.newName), cmd.newName)
    const encryption = cmd.encryption ?? 'keep'
    if (!vm.keyId && (encryption === 'decrypt' || encryption === 'recrypt')) throw fault('InvalidVmConfig', 'fault.clone.notEncrypted', { vm: vm.name })
    if (vm.keyId && encryption === 'encrypt') throw fault('InvalidVmConfig', 'fault.clone.alreadyEncrypted', { vm: vm.name })
    if (vm.vtpm && encryption === 'decrypt') throw fault('GenericVmConfigFault', 'fault.decryptWithVtpm', { vm: vm.name })
    if (vm.keyId) requirePrivilege(ctx, 'Cryptographer.Clone', vm.name)
    if (encryption !== 'keep') requirePrivilege(ctx, privilegeFor[encryption], cmd.newName)
    requireNotLocked(vm)
    requireNotInMaintenance(vmHost(ctx, vm))
    requireVcenterRunning(ctx)
    const opensKeys = vm.keyId && (encryption !== 'keep' || (vm.vtpm && cmd.vtpm === 'replace'))
    if (opensKeys) requireKekInCache(vm, vmHost(ctx, vm))
    if (encryption === 'encrypt' || encryption === 'recrypt') {
      defaultProvider(ctx)
      requireEncryptionCapable(vmHost(ctx, vm))
    }
  },
  async run(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    const host = vmHost(ctx, vm)
    const ds = datastoreOf(ctx, vm)
    const encryption = cmd.encryption ?? 'keep'
    const replaceVtpm = vm.vtpm && cmd.vtpm === 'replace'
    let clone = cloneRecord(vm, cmd.newName, uuidFromBytes(ctx.tx.random(16)))
    ctx.tx.add(clone)
    const params = { vm: vm.name, clone: cmd.newName, keyId: vm.keyId ?? '' }
    if (encryption === 'keep' && !replaceVtpm) {
      // A full clone copies the data as it is and the key safes with it, so the clone shares the parent's key.
      const files: Record<string, DatastoreFile> = {
        [clone.files.vmx]: vmxFile(clone, readLocator(ctx, vm, { home: true })),
        [clone.files.nvram]: { kind: 'nvram', data: copyOfBytes(readFile(ctx, ds, vm.files.nvram).data!) }
      }
      vm.disks.forEach((d, i) => {
        files[clone.disks[i].descriptor] = descriptorFile(clone.disks[i], readLocator(ctx, vm, { disk: d }))
        files[clone.disks[i].flat] = { kind: 'flat', data: copyOfBytes(readFile(ctx, ds, d.flat).data!) }
      })
      writeFiles(ctx, ds, files)
      say(ctx, 'file.write', host.id, ds.id, vm.keyId ? 'vm.clone.encrypted' : 'vm.clone.plain', params, {
        keys: vm.keyId ? [{ keyType: 'dek', form: 'wrapped', wrappedBy: 'kek', keyId: internalKeyIdOf(vm.name, 'home') }] : [],
        payload: { kind: 'disk', bytes: vm.disks[0].bytes, encrypted: Boolean(vm.keyId) }
      })
      if (vm.keyId) recordKeyId(ctx, 'vmKeys', cmd.newName, { providerId: vm.providerId!, keyId: vm.keyId })
      if (vm.vtpm) say(ctx, 'file.write', host.id, ds.id, 'vm.clone.vtpm.copied', params)
      return
    }
    const parentKeys: VmKeys = vm.keyId ? openVmKeys(ctx, vm, host) : { home: null, disks: vm.disks.map(() => null) }
    const content = readClearContent(ctx, vm, parentKeys)
    if (replaceVtpm) content.nvram = withVtpmState(content.nvram, vtpmState(ctx))
    let kek = null
    let keys: VmKeys = { home: null, disks: vm.disks.map(() => null) }
    if (encryption === 'keep') {
      kek = cachedKek(vm, host)
      keys = parentKeys
    } else if (encryption === 'recrypt') {
      kek = await newKekForCluster(ctx, clone, host, vm.providerId!)
      keys = parentKeys
    } else if (encryption === 'encrypt') {
      kek = await newKekForCluster(ctx, clone, host, defaultProvider(ctx))
      const h = vmHost(ctx, vm)
      keys = { home: generateInternalKey(ctx, clone, h, { home: true }), disks: vm.disks.map((d, i) => generateInternalKey(ctx, clone, h, { disk: clone.disks[i] })) }
    }
    clone = writeNewVmFiles(ctx, clone, vmHost(ctx, vm), { nvram: content.nvram, disks: content.disks, kek, keys })
    if (kek) recordKeyId(ctx, 'vmKeys', cmd.newName, kek)
    const id = encryption === 'decrypt' ? 'vm.clone.decrypted' : encryption === 'encrypt' ? 'vm.clone.encryptedNew' : encryption === 'recrypt' ? 'vm.clone.recrypted' : 'vm.clone.encrypted'
    say(ctx, 'file.write', host.id, ds.id, id, { ...params, keyId: clone.keyId ?? '' }, {
      payload: { kind: 'disk', bytes: vm.disks[0].bytes, encrypted: Boolean(clone.keyId) }
    })
    if (vm.vtpm) say(ctx, 'file.write', host.id, ds.id, replaceVtpm ? 'vm.clone.vtpm.replaced' : 'vm.clone.vtpm.copied', params)
  }
})
