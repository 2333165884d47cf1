// Set encrypted vMotion (vm.setMigrateEncryption): Disabled, Opportunistic or Required for an unencrypted VM; an
// encrypted VM always migrates encrypted and cannot change it (docs/vsphere-facts.md#f-vmotion).

import { z } from 'zod'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { writeVmx } from '../../../services/vmFiles'
import { requireVm } from '../../checks'
import { defineCommand, name } from '../../define'
import { migrateEncryptionModes } from '../../definitions.meta'


export const vmSetMigrateEncryption = defineCommand('vm.setMigrateEncryption', {
  args: { name, migrateEncryption: z.enum(migrateEncryptionModes) },
  narration: ['fault.migrateEncryption.encryptedVm', 'fault.migrateEncryption.same', 'vm.migrateEncryption.set'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (vm.keyId) throw fault('InvalidVmConfig', 'fault.migrateEncryption.encryptedVm', { vm: vm.name })
    if (vm.migrateEncryption === cmd.migrateEncryption) throw fault('InvalidArgument', 'fault.migrateEncryption.same', { vm: vm.name, mode: { id: `migrateEncryption.${cmd.migrateEncryption}`, params: {} } })
  },
  async run(ctx, cmd) {
    const vm = ctx.tx.update(requireVm(ctx, cmd.name), (d) => void (d.migrateEncryption = cmd.migrateEncryption))
    writeVmx(ctx, vm)
    say(ctx, 'vm.state', 'vcenter', vm.id, 'vm.migrateEncryption.set', { vm: vm.name, mode: { id: `migrateEncryption.${cmd.migrateEncryption}`, params: {} } })
  }
})
