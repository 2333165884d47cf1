// Key providers in vCenter: register, choose the default, and establish trust both ways with real certificates.

import { describeCertificate, establishTrust, type TrustStep } from '../../pki'
import { vcenterSequence } from '../../kmip'
import { say, type CommandContext } from '../context'
import { fault, LabFault } from '../faults'
import { VCENTER_ID, type KmsRecord } from '../model'
import { providerServers, requireProvider, withKmsSession } from '../services/kmsSession'
import { addNativeProvider } from '../services/nativeKeys'
import { VCENTER_FQDN } from '../services/vcenterSetup'
import { requireVcenterRunning, vcenter } from '../services/vcenterKeys'
import type { CommandHandler } from './handler'

/** vCenter's connection check of a provider (Discover Versions, Query): narrated, never fatal. */
async function statusCheck(ctx: CommandContext, providerId: string): Promise<void> {
  if (!providerServers(ctx, providerId).length) return
  try {
    const kms = await withKmsSession(ctx, providerId, null, async (client, kms) => {
      await vcenterSequence.statusCheck(client)
      await vcenterSequence.queryServerInformation(client)
      return kms
    })
    say(ctx, 'trust', VCENTER_ID, kms.id, 'provider.status.ok', { provider: providerId, kms: kms.name })
  } catch (e) {
    if (!(e instanceof LabFault)) throw e
    say(ctx, 'trust', VCENTER_ID, VCENTER_ID, 'provider.status.failed', { provider: providerId, reason: e.messageRef })
  }
}

export const providerAdd: CommandHandler<'provider.add'> = {
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
}

export const providerSetDefault: CommandHandler<'provider.setDefault'> = {
  check(ctx, cmd) {
    const vc = requireVcenterRunning(ctx)
    requireProvider(vc, cmd.name)
    if (vc.persisted.defaultProvider === cmd.name) throw fault('InvalidState', 'fault.providerAlreadyDefault', { provider: cmd.name })
  },
  async run(ctx, cmd) {
    ctx.tx.update(vcenter(ctx), (v) => void (v.persisted.defaultProvider = cmd.name))
    say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, 'provider.default', { provider: cmd.name })
  }
}

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

export const providerTrust: CommandHandler<'provider.trust'> = {
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
}
