// vCenter checks its connection to a key provider after adding it and after establishing trust.

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
