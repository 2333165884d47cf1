// Establish trust (provider.trust).

import { z } from 'zod'
import { describeCertificate, establishTrust, type TrustStep } from '../../../../pki'
import { say, type CommandContext } from '../../../context'
import { fault } from '../../../faults'
import { VCENTER_ID, type KmsRecord } from '../../../model'
import { providerServers, requireProvider } from '../../../services/kmsSession'
import { VCENTER_FQDN } from '../../../services/vcenterSetup'
import { requireVcenterRunning, vcenter } from '../../../services/vcenterKeys'

function trustServers(ctx: CommandContext, providerId: string): KmsRecord[] {
  const servers = providerServers(ctx, providerId)
  if (!servers.length) throw fault('NotFound', 'fault.providerNoServers', { provider: providerId })
  if (servers.some((s) => s.external)) throw fault('NotSupported', 'fault.providerExternalTrust', { provider: providerId })
  if (!servers.some((s) => s.running)) throw fault('KmsClusterUnreachable', 'fault.kmsNoneRunning', { provider: providerId })
  return servers
}

function narrateStep(ctx: CommandContext, step: TrustStep, kms: KmsRecord): void {
  const node = (p: 'vcenter' | 'kms') => (p === 'vcenter' ? VCENTER_ID : kms.id)
  const name = (p: 'vcenter' | 'kms') => (p === 'vcenter' ? 'vCenter' : kms.name)
  const subject = step.what === 'certificate' ? describeCertificate(step.pem).subject : ''
  say(ctx, 'trust', node(step.from), node(step.to), `trust.step.${step.what}`, { fromName: name(step.from), toName: name(step.to), subject }, {
    payload: { kind: step.what === 'privateKey' ? 'privateKey' : step.what === 'csr' ? 'csr' : 'certificate' },
    detail: [step.pem.trim()]
  })
}
import { statusCheck } from './steps'
import { defineCommand, name } from '../../define'
import { trustModes } from '../../definitions.meta'

export const providerTrust = defineCommand('provider.trust', {
  args: { provider: name, mode: z.enum(trustModes) },
  narration: ['fault.providerNoServers', 'fault.providerExternalTrust', 'fault.kmsNoneRunning', 'trust.start', 'trust.done'],
  check(ctx, cmd) {
    requireProvider(requireVcenterRunning(ctx), cmd.provider)
    trustServers(ctx, cmd.provider)
  },
  async run(ctx, cmd) {
    const servers = trustServers(ctx, cmd.provider)
    const kms = servers.find((s) => s.running)!
    const vc = vcenter(ctx)
    say(ctx, 'trust', VCENTER_ID, kms.id, 'trust.start', { provider: cmd.provider, mode: cmd.mode })
    const trust = await establishTrust(
      { kmsTrustsVcenter: cmd.mode, vcenterTrustsKms: 'kms-ca-certificate' },
      {
        vcenterName: VCENTER_FQDN,
        vmca: vc.persisted.vmcaRoot,
        kms: { ca: kms.persisted.ca!, server: kms.persisted.serverCertificate! },
        now: ctx.tx.now(),
        random: (n) => ctx.tx.random(n)
      }
    )
    for (const step of trust.steps) narrateStep(ctx, step, kms)
    ctx.tx.update(vcenter(ctx), (v) => {
      v.persisted.providers[cmd.provider].trust = {
        mode: cmd.mode,
        trustedKmsCaPem: trust.vcenter.trustedKmsPems[0],
        clientCertificate: { certificatePem: trust.vcenter.clientCertificatePem, keyPair: trust.vcenter.clientKeyPair },
        // every server the provider has now; one added later waits for its own trust
        servers: Object.fromEntries(servers.map((s) => [s.name, { clientTrustServer: true, serverTrustClient: true }]))
      }
    })
    for (const server of servers)
      ctx.tx.update(server, (k) => {
        k.persisted.trustedClients = [...new Set([...k.persisted.trustedClients, ...trust.kms.trustedClientPems])]
      })
    const until = describeCertificate(trust.vcenter.clientCertificatePem).notAfter.slice(0, 10)
    say(ctx, 'trust', kms.id, VCENTER_ID, 'trust.done', { provider: cmd.provider, until }, { payload: { kind: 'certificate' } })
    await statusCheck(ctx, cmd.provider)
  }
})

