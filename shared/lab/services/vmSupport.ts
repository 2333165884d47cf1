// vm-support with a password (docs/vsphere-facts.md#f-support): the host's encrypted core dumps are recrypted
// to a one-time incident key — only the wrapped data key of each envelope changes — and the incident key is stored
// locked by the password. The host key never leaves the host, and the password is kept nowhere.

import { isEnvelope, readEnvelope, rewrapEnvelope } from '../../crypto/envelope'
import { say, type CommandContext } from '../context'
import { fault } from '../faults'
import type { HostComponent } from '../model'
import { uuidFromBytes } from '../random'
import { buildZdump, ZDUMP_HEADER_SIZE } from '../files/coreDump'
import { INCIDENT_KEY_FILE, lockIncidentKey } from '../files/incidentKey'

export const VM_SUPPORT_PREFIX = 'vm-support-'

/** The host's own encrypted dumps in /var/core (not copies inside earlier bundles), with the key each needs. */
export function encryptedDumps(host: HostComponent): { name: string; keyId: string }[] {
  return Object.entries(host.persisted.varCore).flatMap(([name, file]) => {
    if (name.startsWith(VM_SUPPORT_PREFIX)) return []
    const envelope = file.subarray(ZDUMP_HEADER_SIZE)
    return isEnvelope(envelope) ? [{ name, keyId: readEnvelope(envelope).header.keyId }] : []
  })
}

/** vm-support needs each dump's key in the key cache (the host key, or an older one still cached). */
export function requireDumpKeys(host: HostComponent): void {
  for (const d of encryptedDumps(host))
    if (!host.memory.keyCache[d.keyId]) throw fault('CryptoUtilError', 'fault.vmSupport.hostKeyMissing', { host: host.name, file: `/var/core/${d.name}`, keyId: d.keyId })
}

export function takeVmSupportBundle(ctx: CommandContext, host: HostComponent, password: string): HostComponent {
  const dumps = encryptedDumps(host)
  if (!dumps.length) {
    say(ctx, 'command', host.id, host.id, 'host.vmSupport.noDumps', { host: host.name })
    return host
  }
  say(ctx, 'command', host.id, host.id, 'host.vmSupport.start', { host: host.name })
  const bundles = new Set(Object.keys(host.persisted.varCore).filter((n) => n.startsWith(`${VM_SUPPORT_PREFIX}${host.name}-`)).map((n) => n.split('/')[0]))
  const dir = `${VM_SUPPORT_PREFIX}${host.name}-${bundles.size + 1}`
  const incidentKey = ctx.tx.random(32)
  const incidentKeyId = `vm-support-incident-${uuidFromBytes(ctx.tx.random(16))}`
  const files: Record<string, Uint8Array> = {}
  for (const d of dumps) {
    const file = host.persisted.varCore[d.name]
    const rewrapped = rewrapEnvelope(file.subarray(ZDUMP_HEADER_SIZE), host.memory.keyCache[d.keyId].material, incidentKey, incidentKeyId)
    const header = buildZdump({ host: host.name, time: ctx.tx.now(), encrypted: true, keyId: incidentKeyId, body: new Uint8Array(0) })
    const next = new Uint8Array(ZDUMP_HEADER_SIZE + rewrapped.length)
    next.set(header)
    next.set(rewrapped, ZDUMP_HEADER_SIZE)
    files[`${dir}/${d.name}`] = next
    say(ctx, 'coredump', host.id, host.id, 'host.vmSupport.recrypted', { host: host.name, file: `/var/core/${d.name}`, keyId: d.keyId }, {
      keys: [
        { keyType: 'hostKey', form: 'id', keyId: d.keyId },
        { keyType: 'oneTimeKey', form: 'wrapped', wrappedBy: 'oneTimeKey', keyId: `envelope:${d.name}` }
      ]
    })
  }
  files[`${dir}/${INCIDENT_KEY_FILE}`] = lockIncidentKey({ keyId: incidentKeyId, key: incidentKey, password, salt: ctx.tx.random(16) })
  incidentKey.fill(0)
  const next = ctx.tx.update(host, (h) => void Object.assign(h.persisted.varCore, files))
  say(ctx, 'coredump', host.id, host.id, 'host.vmSupport.done', { host: host.name, dir: `/var/core/${dir}`, count: dumps.length })
  return next
}
