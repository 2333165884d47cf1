// Set encrypted Fault Tolerance (vm.setFtEncryption): Disabled, Opportunistic or Required for an unencrypted VM; an
// encrypted VM's mode is Required and cannot be lowered (docs/vsphere-facts.md#f-ft).

import { z } from 'zod'
import { say } from '../../../context'
import { fault } from '../../../faults'
import type { FtEncryptionMode } from '../../../model'
import { ftEncryptionOf } from '../../../services/ftEncryptionMode'
import { requireVm } from '../../checks'
import { defineCommand, name } from '../../define'
import { ftEncryptionModes } from '../../definitions.meta'

/** The mode's name in the user's language: the same three words as encrypted vMotion's. */
const modeTerm = (mode: FtEncryptionMode) => ({ id: `migrateEncryption.${mode}` as const, params: {} })

export const vmSetFtEncryption = defineCommand('vm.setFtEncryption', {
  args: { name, ftEncryptionMode: z.enum(ftEncryptionModes) },
  narration: ['fault.ftEncryption.encryptedVm', 'fault.ftEncryption.same', 'vm.ftEncryption.set'],
  check(ctx, cmd) {
    const vm = requireVm(ctx, cmd.name)
    if (vm.keyId && cmd.ftEncryptionMode !== 'required') throw fault('InvalidVmConfig', 'fault.ftEncryption.encryptedVm', { vm: vm.name, mode: modeTerm(cmd.ftEncryptionMode) })
    if (ftEncryptionOf(vm) === cmd.ftEncryptionMode) throw fault('InvalidArgument', 'fault.ftEncryption.same', { vm: vm.name, mode: modeTerm(cmd.ftEncryptionMode) })
  },
  async run(ctx, cmd) {
    const vm = ctx.tx.update(requireVm(ctx, cmd.name), (d) => void (d.ftEncryptionMode = cmd.ftEncryptionMode))
    say(ctx, 'vm.state', 'vcenter', vm.id, 'vm.ftEncryption.set', { vm: vm.name, mode: modeTerm(cmd.ftEncryptionMode) })
  }
})
