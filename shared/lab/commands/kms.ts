// KMS commands: servers join a key provider cluster, go away and come back; the KMS administrator revokes,
// destroys or activates keys (KMIP key states).

import { activateObject, destroyObject, KmipResultError, RevocationReasonCode, revokeObject, type KmipManagedObject } from '../../kmip'
import { addDays, createKmsPki, DEFAULT_VALIDITY_DAYS, generateKeyPair, issueCertificate } from '../../pki'
import { isNative } from '../services/nativeKeys'
import { say, type CommandContext } from '../context'
import { fault } from '../faults'
import { componentId, type KmsRecord } from '../model'
import { providerServers, putKmsObject, replicateChanges } from '../services/kmsSession'
import { requireNew } from './checks'
import type { CommandHandler } from './handler'
import { kmipStateTerm, resultReasonTerm } from '../../i18n/terms'
import type { MessageId } from '../../i18n/narration'

function requireKms(ctx: CommandContext, name: string): KmsRecord {
  return ctx.tx.require(componentId.kms(name), 'kms', name)
}

export const kmsAdd: CommandHandler<'kms.add'> = {
  check(ctx, cmd) {
    requireNew(ctx, componentId.kms(cmd.name), cmd.name)
    const peers = providerServers(ctx, cmd.provider)
    if (peers.some((p) => Boolean(p.external) !== Boolean(cmd.external)))
      throw fault('InvalidArgument', 'fault.kmsProviderMismatch', { provider: cmd.provider })
    if (isNative(ctx, cmd.provider)) throw fault('InvalidArgument', 'fault.nkp.noKmsServers', { provider: cmd.provider })
  },
  async run(ctx, cmd) {
    const base: KmsRecord = {
      id: componentId.kms(cmd.name),
      kind: 'kms',
      name: cmd.name,
      provider: cmd.provider,
      running: true,
      external: null,
      memory: { sessions: [] },
      persisted: { ca: null, serverCertificate: null, trustedClients: [] }
    }
    if (cmd.external) {
      ctx.tx.add({ ...base, external: { ...cmd.external } })
      say(ctx, 'component', base.id, base.id, 'kms.added.external', { kms: cmd.name, provider: cmd.provider, host: cmd.external.host, port: cmd.external.port })
      return
    }
    const random = (n: number) => ctx.tx.random(n)
    const now = ctx.tx.now()
    const peer = providerServers(ctx, cmd.provider).find((p) => p.persisted.ca)
    if (!peer) {
      const pki = await createKmsPki({ kmsName: cmd.name, now, random })
      ctx.tx.add({ ...base, persisted: { ...base.persisted, ca: pki.ca, serverCertificate: pki.server } })
      say(ctx, 'component', base.id, base.id, 'kms.added', { kms: cmd.name, provider: cmd.provider }, { payload: { kind: 'certificate' } })
      return
    }
    const ca = peer.persisted.ca!
    const keyPair = await generateKeyPair(random)
    const certificatePem = await issueCertificate({
      issuer: ca,
      subjectPublicKey: keyPair.publicKeySpkiPem,
      subject: { commonName: cmd.name, organization: 'KeyFlow Lab KMS' },
      eku: ['serverAuth'],
      san: { dns: [cmd.name] },
      notBefore: now,
      notAfter: addDays(now, DEFAULT_VALIDITY_DAYS.kmsServer),
      random
    })
    ctx.tx.add({ ...base, persisted: { ca, serverCertificate: { certificatePem, keyPair }, trustedClients: [...peer.persisted.trustedClients] } })
    const keys = ctx.tx.items(peer.id, 'persisted.keys')
    for (const o of keys.values()) putKmsObject(ctx, base.id, o)
    say(ctx, 'kms.replicate', peer.id, base.id, 'kms.joined', { kms: cmd.name, provider: cmd.provider, peer: peer.name, count: keys.size })
  }
}

export const kmsStop: CommandHandler<'kms.stop'> = {
  check(ctx, cmd) {
    const kms = requireKms(ctx, cmd.name)
    if (kms.external) throw fault('NotSupported', 'fault.kms.external', { kms: kms.name })
    if (!kms.running) throw fault('InvalidState', 'fault.kms.alreadyStopped', { kms: kms.name })
  },
  async run(ctx, cmd) {
    const kms = ctx.tx.update(requireKms(ctx, cmd.name), (k) => {
      k.running = false
      k.memory.sessions = []
    })
    say(ctx, 'component', kms.id, kms.id, 'kms.stopped', { kms: kms.name })
  }
}

export const kmsStart: CommandHandler<'kms.start'> = {
  check(ctx, cmd) {
    const kms = requireKms(ctx, cmd.name)
    if (kms.external) throw fault('NotSupported', 'fault.kms.external', { kms: kms.name })
    if (kms.running) throw fault('InvalidState', 'fault.kms.alreadyRunning', { kms: kms.name })
  },
  async run(ctx, cmd) {
    let kms = ctx.tx.update(requireKms(ctx, cmd.name), (k) => void (k.running = true))
    say(ctx, 'component', kms.id, kms.id, 'kms.started', { kms: kms.name })
    const peer = providerServers(ctx, kms.provider).find((p) => p.id !== kms.id && p.running && !p.external)
    if (!peer) return
    const newer = [...ctx.tx.items(peer.id, 'persisted.keys').values()].filter(
      (o) => (ctx.tx.item(kms.id, 'persisted.keys', o.uid)?.lastChangeDate ?? -Infinity) < o.lastChangeDate
    )
    for (const o of newer) putKmsObject(ctx, kms.id, o)
    kms = ctx.tx.update(kms, (k) => void (k.persisted.trustedClients = [...peer.persisted.trustedClients]))
    say(ctx, 'kms.replicate', peer.id, kms.id, 'kms.synced', { kms: kms.name, peer: peer.name, count: newer.length })
  }
}

/** vCenter tags host keys x-Component "ESXi Server"; every other key it creates is a VM key (KEK). */
export function keyTypeOf(object: KmipManagedObject): 'hostKey' | 'kek' {
  const component = object.attributes['x-Component']
  return component?.type === 'TextString' && component.value === 'ESXi Server' ? 'hostKey' : 'kek'
}

type AdminOperation = 'Revoke' | 'Destroy' | 'Activate'

/** The key as the running servers of its provider hold it (they replicate, so the first one is as good as any). */
function keyHolder(ctx: CommandContext, keyId: string): { kms: KmsRecord; object: KmipManagedObject } {
  const holders = ctx.tx.all('kms').filter((k) => !k.external && ctx.tx.item(k.id, 'persisted.keys', keyId))
  if (!holders.length) throw fault('NotFound', 'fault.kms.keyUnknown', { keyId })
  const running = holders.find((k) => k.running)
  if (!running) throw fault('KmsClusterUnreachable', 'fault.kmsNoneRunning', { provider: holders[0].provider })
  return { kms: running, object: ctx.tx.item(running.id, 'persisted.keys', keyId)! }
}

function transition(ctx: CommandContext, keyId: string, operation: AdminOperation): { kms: KmsRecord; next: KmipManagedObject } {
  const { kms, object } = keyHolder(ctx, keyId)
  const now = ctx.tx.now()
  try {
    const next =
      operation === 'Activate'
        ? activateObject(object, now)
        : operation === 'Destroy'
          ? destroyObject(object, now)
          : revokeObject(object, { reason: RevocationReasonCode.CessationOfOperation, message: 'revoked by the KMS administrator' }, now)
    return { kms, next }
  } catch (e) {
    if (e instanceof KmipResultError)
      throw fault('InvalidState', 'fault.kms.adminRefused', { kms: kms.name, operation, keyId, reason: { id: 'term.reasonWithMessage', params: { reason: resultReasonTerm(e.reason), message: e.message } } })
    throw e
  }
}

function adminCommand<O extends 'kms.revokeKey' | 'kms.destroyKey' | 'kms.activateKey'>(operation: AdminOperation, messageId: MessageId): CommandHandler<O> {
  return {
    check(ctx, cmd) {
      transition(ctx, (cmd as { keyId: string }).keyId, operation)
    },
    async run(ctx, cmd) {
      const keyId = (cmd as { keyId: string }).keyId
      const { kms, next } = transition(ctx, keyId, operation)
      putKmsObject(ctx, kms.id, next)
      replicateChanges(ctx, kms.id, [next])
      say(ctx, 'kms.admin', kms.id, kms.id, messageId, { kms: kms.name, keyId, state: kmipStateTerm(next.state) }, {
        keys: [{ keyType: keyTypeOf(next), form: 'id', keyId }]
      })
    }
  }
}

export const kmsRevokeKey = adminCommand<'kms.revokeKey'>('Revoke', 'kms.admin.revoked')
export const kmsDestroyKey = adminCommand<'kms.destroyKey'>('Destroy', 'kms.admin.destroyed')
export const kmsActivateKey = adminCommand<'kms.activateKey'>('Activate', 'kms.admin.activated')
