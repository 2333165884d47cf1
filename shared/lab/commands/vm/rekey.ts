// Rekey VM (vm.rekey): shallow — a new KEK locks the same internal keys; deep — new internal keys rewrite the data.

import { say, type CommandContext } from '../../context'
import { type VmComponent } from '../../model'
import { datastoreOf, readFile, writeFiles } from '../../services/datastore'
import { requireEncryptionCapable } from '../../services/hostCrypto'
import { generateInternalKey, readLocator } from '../../services/keySafe'
import { requirePrivilege } from '../../services/privileges'
import { recordKeyId, requireVcenterRunning } from '../../services/vcenterKeys'
import { newKekForCluster, openVmKeys } from '../../services/vmEncryption'
import { readVmBundle, relockKeySafes, rewriteDisk, rewriteHome } from '../../services/vmFiles'
import { formatDescriptor } from '../../files/vmdk'
import { withBundle } from '../../files/vmx'
import { requireEncrypted, requireKekInCache, requireNoSnapshots, requireNotLocked, requirePoweredOff, requireVm } from '../checks'
import type { CommandHandler } from '../handler'
import { vmHost } from './steps'

// A snapshot keeps its own copy of the configuration (.vmsn) and its delta descriptor; both carry a key safe, so a
// shallow rekey re-locks them too, or the snapshot could not be reverted to once the old KEK is gone.
function relockSnapshots(ctx: CommandContext, vm: VmComponent): void {
  if (!vm.snapshots.length) return
  const ds = datastoreOf(ctx, vm)
  const bundle = readVmBundle(ctx, vm)!.text
  const diskLocator = readLocator(ctx, vm, { disk: vm.disks[0] })
  const files: Record<string, { kind: 'vmdk' | 'vmsn'; text: string }> = {}
  for (const s of vm.snapshots) {
    files[s.deltaDescriptor] = {
      kind: 'vmdk',
      text: formatDescriptor({ flat: s.deltaData, sectors: 1, encryptionKeys: diskLocator, parentDescriptor: vm.disks[0].descriptor })
    }
    files[s.vmsn] = { kind: 'vmsn', text: withBundle(readFile(ctx, ds, s.vmsn).text!, bundle) }
  }
  writeFiles(ctx, ds, files)
}

export const vmRekey: CommandHandler<'vm.rekey'> = {
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    requireEncrypted(vm)
    requirePrivilege(ctx, 'Cryptographer.Recrypt', vm.name)
    requireNotLocked(vm)
    if (cmd.deep) {
      requirePoweredOff(vm, 'deep rekey')
      requireNoSnapshots(vm, 'deep rekey')
    }
    requireVcenterRunning(ctx)
    requireKekInCache(vm, vmHost(ctx, vm))
    requireEncryptionCapable(vmHost(ctx, vm))
  },
  async run(ctx, cmd) {
    let vm = requireVm(ctx, cmd.name)
    say(ctx, 'command', 'vcenter', vm.id, cmd.deep ? 'vm.rekey.deep.start' : 'vm.rekey.shallow.start', { vm: vm.name, keyId: vm.keyId! })
    const old = openVmKeys(ctx, vm, vmHost(ctx, vm))
    const kek = await newKekForCluster(ctx, vm, vmHost(ctx, vm), vm.providerId!)
    const host = vmHost(ctx, vm)
    if (cmd.deep) {
      vm = rewriteHome(ctx, vm, host, { from: old.home, to: generateInternalKey(ctx, vm, host, { home: true }), kek })
      for (const [i, key] of old.disks.entries())
        if (key) vm = rewriteDisk(ctx, vm, host, i, { from: key, to: generateInternalKey(ctx, vm, host, { disk: vm.disks[i] }), kek })
    } else {
      vm = relockKeySafes(ctx, vm, host, kek, { home: old.home!, disks: old.disks })
      relockSnapshots(ctx, vm)
    }
    recordKeyId(ctx, 'vmKeys', vm.name, kek)
  }
}
