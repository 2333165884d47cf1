// Steps the provider commands share: vCenter's connection check of a provider, and what its keys protect.

import { vcenterSequence } from '../../../../kmip'
import { say, type CommandContext } from '../../../context'
import { LabFault } from '../../../faults'
import { VCENTER_ID } from '../../../model'
import { providerServers, withKmsSession } from '../../../services/kmsSession'

/** vCenter's connection check of a provider (Discover Versions, Query): narrated, never fatal. */
export async function statusCheck(ctx: CommandContext, providerId: string): Promise<void> {
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

/**
 * What a provider's keys protect now, by name: VMs (their home or a disk), hosts (their host key) and what vCenter's
 * database still maps to the provider. Removing the provider, or its last KMS server, would leave them without keys.
 */
export function usersOfProvider(ctx: CommandContext, providerId: string): string[] {
  const users = new Set<string>()
  for (const vm of ctx.tx.all('vm')) if (vm.providerId === providerId || vm.disks.some((d) => d.providerId === providerId)) users.add(vm.name)
  for (const host of ctx.tx.all('host')) if (host.persisted.config.hostKeyProvider === providerId) users.add(host.name)
  for (const table of ['persisted.vmKeys', 'persisted.hostKeys'] as const)
    for (const [name, ref] of ctx.tx.items(VCENTER_ID, table)) if (ref.providerId === providerId) users.add(name)
  return [...users]
}
