// Rekey VM (vm.rekey): shallow — a new KEK locks the same internal keys; deep — new internal keys rewrite the data.

import { say, type CommandContext } from '../../../context'
import type { DatastoreFile, VmComponent } from '../../../model'
import { isEnvelope, openEnvelope, sealEnvelope } from '../../../../crypto/envelope'
import { fromUtf8, utf8 } from '../../../../crypto/bytes'
import { withBundle } from '../../../files/vmx'
import { datastoreOf, readBytes, writeFiles } from '../../../services/datastore'
import { requireEncryptionCapable } from '../../../services/hostCrypto'
import { generateInternalKey, readLocator, type KekMaterial } from '../../../services/keySafe'
import { requirePrivilege } from '../../../services/privileges'
import { recordKeyId, requireVcenterRunning } from '../../../services/vcenterKeys'
import { newKekForCluster, openVmKeys } from '../../../services/vmEncryption'
import { readVmBundle, relockKeySafes, rewriteDisk, rewriteHome } from '../../../services/vmFiles'
import { formatDescriptor } from '../../../files/vmdk'
import { requireEncrypted, requireFtOff, requireKekInCache, requireNoSnapshots, requireNotLocked, requirePoweredOff, requireVm } from '../../checks'
import { z } from 'zod'
import { vmHost } from './steps'
import { defineCommand, name } from '../../define'

// A snapshot keeps its own delta descriptor (with its disk's key safe) and its encrypted .vmsn (the configuration with
// its bundle); a shallow rekey re-locks both to the new KEK, or the snapshot could not be reverted to once the old KEK is gone.
function relockSnapshots(ctx: CommandContext, vm: VmComponent, oldKek: Uint8Array, kek: KekMaterial): void {
  if (!vm.snapshots.length) return
  const ds = datastoreOf(ctx, vm)
  const diskLocator = readLocator(ctx, vm, { disk: vm.disks[0] })
  const bundle = readVmBundle(ctx, vm)!.text
  const files: Record<string, DatastoreFile> = {}
  for (const s of vm.snapshots) {
    files[s.deltaDescriptor] = {
      kind: 'vmdk',
      text: formatDescriptor({ flat: s.deltaData, sectors: 1, encryptionKeys: diskLocator, parentDescriptor: vm.disks[0].descriptor })
    }
    // A snapshot taken before the VM home was encrypted (a vTPM added later) holds no key safe: nothing to re-lock.
    const vmsn = readBytes(ctx, ds, s.vmsn)
    if (!vmsn || !isEnvelope(vmsn)) continue
    const { plaintext } = openEnvelope(vmsn, oldKek)
    const config = withBundle(fromUtf8(plaintext), bundle)
    files[s.vmsn] = { kind: 'vmsn', data: sealEnvelope({ keyId: kek.keyId, wrappingKey: kek.material, plaintext: utf8(config), content: 'vmsn', random: (n) => ctx.tx.random(n) }) }
  }
  writeFiles(ctx, ds, files)
}

export const vmRekey = defineCommand('vm.rekey', {
  args: { name, deep: z.boolean().optional() },
  narration: ['vm.rekey.deep.start', 'vm.rekey.shallow.start'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    requireEncrypted(vm)
    requireFtOff(vm, 'rekey')
    requirePrivilege(ctx, 'Cryptographer.Recrypt', vm.name)
    requireNotLocked(vm)
    if (cmd.deep) {
      requirePoweredOff(vm, 'deepRekey')
      requireNoSnapshots(vm, 'deepRekey')
    }
    requireVcenterRunning(ctx)
    requireKekInCache(vm, vmHost(ctx, vm))
    requireEncryptionCapable(vmHost(ctx, vm))
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    say(ctx, 'command', 'vcenter', vm.id, cmd.deep ? 'vm.rekey.deep.start' : 'vm.rekey.shallow.start', { vm: vm.name, keyId: vm.keyId! })
    const old = openVmKeys(ctx, vm, vmHost(ctx, vm))
    const oldKek = vmHost(ctx, vm).memory.keyCache[vm.keyId!].material
    const kek = await newKekForCluster(ctx, vm, vmHost(ctx, vm), vm.providerId!)
    const host = vmHost(ctx, vm)
    if (cmd.deep) {
      vm = rewriteHome(ctx, vm, host, { from: old.home, to: generateInternalKey(ctx, vm, host, { home: true }), kek })
      for (const [i, key] of old.disks.entries())
        if (key) vm = rewriteDisk(ctx, vm, host, i, { from: key, to: generateInternalKey(ctx, vm, host, { disk: vm.disks[i] }), kek })
    } else {
      vm = relockKeySafes(ctx, vm, host, kek, { home: old.home!, disks: old.disks })
      relockSnapshots(ctx, vm, oldKek, kek)
    }
    recordKeyId(ctx, 'vmKeys', vm.name, kek)
  }
})
