// vCenter as the only KMIP client: it asks the KMS for keys, hands the material to hosts, and keeps only key IDs.

import { say, type CommandContext } from '../context'
import { fault, LabFault } from '../faults'
import { VCENTER_ID, type CachedKey, type HostComponent, type KeyType, type VcenterRecord } from '../model'
import { fingerprint } from '../view'
import { putKey } from './keyCache'
import { KmipOperationError, State, vcenterSequence, type KmipSessionOpener } from '../../kmip'
import { withKmsSession } from './kmsSession'
import { isNative } from './nativeKeys'
import { kmipStateTerm, resultReasonTerm } from '../../i18n/terms'

export interface KeyPurpose {
  keyType: 'kek' | 'hostKey'
  /** x-Component: "Virtual Machine" for a VM key, "ESXi Server" for a host key. */
  component: 'Virtual Machine' | 'ESXi Server'
  /** x-Name: the VM's display name or the host's name. */
  name: string
  /** x-Identifier: the VM's or the host's UUID. */
  identifier: string
}

export interface KeyInFlight {
  keyId: string
  keyType: KeyType
  providerId: string
  material: Uint8Array
}

export function vcenter(ctx: CommandContext): VcenterRecord {
  return ctx.tx.require(VCENTER_ID, 'vcenter')
}

export function requireVcenterRunning(ctx: CommandContext): VcenterRecord {
  const vc = vcenter(ctx)
  if (!vc.running) throw fault('VcenterUnavailable', 'fault.vcenterDown')
  return vc
}

export function defaultProvider(ctx: CommandContext): string {
  const vc = vcenter(ctx)
  const p = vc.persisted.defaultProvider
  if (!p) throw fault('InvalidVmConfig', 'fault.noDefaultProvider')
  // a Native Key Provider must be backed up before vSphere uses it (docs/vsphere-facts.md#nkp-backup)
  if (vc.persisted.providers[p]?.native?.hasBackup === false) throw fault('InvalidState', 'fault.nkp.notBackedUp', { provider: p })
  return p
}

/** vCenter's key creation, message for message as vCenter 7.0.3 sends it (see the KMIP trace in the domain notes). */
export async function createKmsKey(ctx: CommandContext, providerId: string, purpose: KeyPurpose): Promise<KeyInFlight> {
  // Each step on a TLS session of its own, as vCenter does; each session tries the provider's servers in order.
  const session: KmipSessionOpener = (fn) => withKmsSession(ctx, providerId, purpose.keyType, (client) => fn(client))
  const { value } = await vcenterSequence.provisionKey(session, { component: purpose.component, name: purpose.name, identifier: purpose.identifier })
  if (value.state !== State.Active) throw fault('KmsKeyUnavailable', 'fault.keyNotActive', { keyId: value.uid, state: kmipStateTerm(value.state ?? 0) })
  return holdInFlight(ctx, { keyId: value.uid, keyType: purpose.keyType, providerId, material: value.material })
}

/**
 * Gets an existing key by ID (host reboot, unlock, migration). vCenter only uses Active keys: a Deactivated,
 * Compromised or Destroyed key is refused, as is a key the KMS does not know.
 */
export async function fetchKmsKey(ctx: CommandContext, providerId: string, keyId: string, keyType: 'kek' | 'hostKey'): Promise<KeyInFlight> {
  return withKmsSession(ctx, providerId, keyType, async (client, _kms, explain) => {
    let fetched: { material: Uint8Array; state: number | undefined }
    try {
      fetched = (await vcenterSequence.fetchKey(client, keyId)).value
    } catch (e) {
      if (e instanceof KmipOperationError)
        throw fault('KmsKeyUnavailable', 'fault.keyMissingInKms', { keyId, provider: providerId, reason: resultReasonTerm(e.resultReason), explanation: explain(e) })
      throw e
    }
    if (fetched.state !== State.Active) {
      const state = kmipStateTerm(fetched.state ?? 0)
      say(ctx, 'key.discard', VCENTER_ID, VCENTER_ID, 'vcenter.key.notActive', { keyId, state })
      throw fault('KmsKeyUnavailable', 'fault.keyNotActive', { keyId, state })
    }
    return holdInFlight(ctx, { keyId, keyType, providerId, material: fetched.material })
  })
}

function holdInFlight(ctx: CommandContext, key: KeyInFlight): KeyInFlight {
  ctx.tx.update(vcenter(ctx), (v) => {
    v.memory.keysInFlight.push({ keyId: key.keyId, keyType: key.keyType, material: key.material })
  })
  return key
}

/** vCenter forgets the material as soon as the hosts have it: it keeps key IDs only. */
export function forgetInFlight(ctx: CommandContext, key: KeyInFlight): void {
  const vc = vcenter(ctx)
  if (!vc.memory.keysInFlight.some((k) => k.keyId === key.keyId)) return
  ctx.tx.update(vc, (v) => {
    v.memory.keysInFlight = v.memory.keysInFlight.filter((k) => k.keyId !== key.keyId)
  })
  say(ctx, 'key.discard', VCENTER_ID, VCENTER_ID, 'vcenter.key.forget', { keyId: key.keyId, keyType: key.keyType }, {
    keys: [{ keyType: key.keyType, form: 'id', keyId: key.keyId }]
  })
}

/** CryptoManagerHost.AddKeys: the material travels from vCenter to the host's key cache, inside vCenter's session. */
export function pushKey(ctx: CommandContext, host: HostComponent, key: KeyInFlight, vm?: string): HostComponent {
  const current = ctx.tx.require(host.id, 'host')
  if (current.cryptoState !== 'safe' && current.cryptoState !== 'prepared' && current.cryptoState !== 'pendingIncapable')
    throw fault('InvalidState', 'fault.hostIncapable', { host: host.name })
  const cached: CachedKey = { keyId: key.keyId, keyType: key.keyType, providerId: key.providerId, material: key.material, ...(vm ? { vm } : {}) }
  const next = putKey(ctx, current, cached)
  // With key persistence the key is kept in memory and sealed by the TPM to the host's disk; otherwise memory only.
  const sealed = current.persisted.config.keyPersistence ? '.sealed' : ''
  say(ctx, 'key.push', VCENTER_ID, host.id, `${key.keyType === 'hostKey' ? 'vcenter.push.hostKey' : 'vcenter.push.kek'}${sealed}`, {
    host: host.name,
    keyId: key.keyId,
    ...(vm ? { vm } : {})
  }, { keys: [{ keyType: key.keyType, form: 'material', keyId: key.keyId, fingerprint: fingerprint(key.material) }] })
  return next
}

export function recordKeyId(ctx: CommandContext, table: 'vmKeys' | 'hostKeys', name: string, key: { providerId: string; keyId: string } | null): void {
  ctx.tx.setItem(VCENTER_ID, `persisted.${table}`, name, key ? { providerId: key.providerId, keyId: key.keyId } : undefined)
  if (key)
    say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, table === 'vmKeys' ? 'vcenter.db.vmKey' : 'vcenter.db.hostKey', { name, keyId: key.keyId, provider: key.providerId }, {
      keys: [{ keyType: table === 'vmKeys' ? 'kek' : 'hostKey', form: 'id', keyId: key.keyId }]
    })
  else say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, 'vcenter.db.vmKeyRemoved', { name })
}

/**
 * A VM or host leaves vCenter: vCenter forgets its key ID, but the key itself stays where it came from. A standard
 * provider's KMS keeps it (vCenter never deletes keys); a native provider can derive it again from its KDK.
 */
export function forgetKeyId(ctx: CommandContext, table: 'vmKeys' | 'hostKeys', name: string): void {
  const known = ctx.tx.item(VCENTER_ID, `persisted.${table}`, name)
  if (!known) return
  recordKeyId(ctx, table, name, null)
  const params = { name, keyId: known.keyId, provider: known.providerId }
  const said = isNative(ctx, known.providerId) ? 'keyId.forgotten.derivable' : table === 'vmKeys' ? 'vm.removed.keyStays' : 'host.removed.keyStays'
  say(ctx, 'vcenter.db', VCENTER_ID, VCENTER_ID, said, params)
}

/** Why a key could not be had, as the lock reason and alarm text vSphere shows. */
/** Why a VM locked: the sentence vSphere's event log says, kept in the VM's `lockReason`. */
export type LockReason = 'vm.lock.keysMissing' | 'vm.lock.vcenterDown' | 'vm.lock.kmsError'

export function lockMessageFor(e: unknown): LockReason {
  if (e instanceof LabFault) {
    if (e.fault === 'KmsKeyUnavailable') return 'vm.lock.keysMissing'
    if (e.fault === 'VcenterUnavailable') return 'vm.lock.vcenterDown'
    return 'vm.lock.kmsError'
  }
  throw e
}
