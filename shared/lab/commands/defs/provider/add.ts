// Add key provider (provider.add).

import { say } from '../../../context'
import { fault } from '../../../faults'
import { VCENTER_ID } from '../../../model'
import { z } from 'zod'
import { providerServers } from '../../../services/kmsSession'
import { addNativeProvider } from '../../../services/nativeKeys'
import { requireVcenterRunning, vcenter } from '../../../services/vcenterKeys'
import { providerTypes } from '../../definitions.meta'
import { statusCheck } from './steps'
import { defineCommand, name } from '../../define'

export const providerAdd = defineCommand('provider.add', {
  args: {
    name,
    /** standard (the default): KMIP key servers; native: vSphere Native Key Provider, no KMS. */
    type: z.enum(providerTypes).optional(),
    /** Native only: use the provider only on hosts with a TPM 2.0 (constraints.tpm_required). */
    tpmRequired: z.boolean().optional()
  },
  narration: ['fault.providerExists', 'fault.nkp.tpmOnlyNative', 'fault.nkp.hasKmsServers', 'provider.added', 'provider.default'],
  check(ctx, cmd) {
    const vc = requireVcenterRunning(ctx)
    if (vc.persisted.providers[cmd.name]) throw fault('AlreadyExists', 'fault.providerExists', { provider: cmd.name })
    if (cmd.tpmRequired !== undefined && cmd.type !== 'native') throw fault('InvalidArgument', 'fault.nkp.tpmOnlyNative', { provider: cmd.name })
    // a KMS server already added under this name would belong to a standard provider
    if (cmd.type === 'native' && providerServers(ctx, cmd.name).length) throw fault('InvalidArgument', 'fault.nkp.hasKmsServers', { provider: cmd.name })
  },
  async run(ctx, cmd) {
    const first = vcenter(ctx).persisted.defaultProvider === null
    if (cmd.type === 'native') addNativeProvider(ctx, cmd.name, cmd.tpmRequired ?? false)
    else {
      ctx.tx.update(vcenter(ctx), (v) => {
        v.persisted.providers[cmd.name] = {
          name: cmd.name,
          type: 'standard',
          trust: { mode: null, trustedKmsCaPem: null, clientCertificate: null, servers: {} },
          native: null
        }
      })
      say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, 'provider.added', { provider: cmd.name })
    }
    if (first) {
      ctx.tx.update(vcenter(ctx), (v) => void (v.persisted.defaultProvider = cmd.name))
      say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, 'provider.default', { provider: cmd.name })
    }
    if (cmd.type !== 'native') await statusCheck(ctx, cmd.name)
  }
})

