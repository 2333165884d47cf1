// vCenter's KMIP sessions. vCenter tries the servers of a key provider in order (first reachable wins), opens a
// mutually authenticated TLS session, and sends real KMIP 1.1 TTLV messages; every request and response is an
// event carrying its bytes. A built-in KMS answers through the lab's KMIP server; an external one over real TLS.

import { toHex } from '../../crypto/bytes'
import { createVcenterKmipClient, type KmipClient, KmipOperationError, KmipResponseError, KmipServerCore, type KmipKeyStore, type KmipManagedObject } from '../../kmip'
import { isMessageId } from '../../i18n/format'
import type { MessageId } from '../../i18n/narration'
import { ExternalKmsNotContacted, say, type CommandContext, type KmsLink } from '../context'
import { fault, LabFault } from '../faults'
import { VCENTER_ID, type KeyType, type KmsRecord, type ProviderRecord, type VcenterRecord } from '../model'
import { uuidFromBytes } from '../random'
import { fingerprint } from '../view'
import { summarizeKmip } from './kmipTrace'
import { refusalExplanation, type KmsRefusal } from './kmsRefusal'
import { handshake } from './tlsTrust'
import { connectionFailure } from './tlsFailure'
import { reasonList, resultReasonTerm } from '../../i18n/terms'
import type { MessageRef } from '../events'

export const BUILTIN_KMS_VENDOR = 'KeyFlow Lab KMS (KMIP 1.1)'

const builtinServer = new KmipServerCore({ vendorIdentification: BUILTIN_KMS_VENDOR })

interface OpenSession {
  clientId: string
  link: KmsLink | null
}

export function providerServers(ctx: CommandContext, providerId: string): KmsRecord[] {
  return ctx.tx.all('kms').filter((k) => k.provider === providerId)
}

export function requireProvider(vc: VcenterRecord, providerId: string): ProviderRecord {
  const p = vc.persisted.providers[providerId]
  if (!p) throw fault('NotFound', 'fault.providerNotFound', { provider: providerId })
  return p
}

/** Why the KMS of the session refused an operation, in the reader's language (see explainRefusal). */
export type ExplainRefusal = (e: KmipOperationError) => MessageRef

/**
 * Runs `fn` on a KMIP session with the first server of the provider that accepts one. KMIP-level failures become
 * faults with the KMS's own Result Reason and what it means; if no server accepts a session, the fault lists why
 * for each. `fn` that turns a refusal into a fault of its own explains it with `explain`.
 */
export async function withKmsSession<T>(
  ctx: CommandContext,
  providerId: string,
  keyType: KeyType | null,
  fn: (client: KmipClient, kms: KmsRecord, explain: ExplainRefusal) => Promise<T>
): Promise<T> {
  const vc = ctx.tx.require(VCENTER_ID, 'vcenter')
  if (!vc.running) throw fault('VcenterUnavailable', 'fault.vcenterDown')
  const provider = requireProvider(vc, providerId)
  const servers = providerServers(ctx, providerId)
  if (!servers.length) throw fault('KmsClusterUnreachable', 'fault.providerNoServers', { provider: providerId })
  const reasons: MessageRef[] = []
  for (const server of servers) {
    const kms = ctx.tx.require(server.id, 'kms')
    const session = await openSession(ctx, vc, provider, kms)
    if (!('clientId' in session)) {
      reasons.push({ id: 'term.reasonOfKms', params: { kms: kms.name, reason: session } })
      continue
    }
    const explain: ExplainRefusal = (e) =>
      explainRefusal(ctx, kms, session, e.exchange.request, { operation: e.operation, reason: e.resultReason, message: e.resultMessage })
    try {
      return await fn(createVcenterKmipClient(transport(ctx, kms.id, session, keyType)), kms, explain)
    } catch (e) {
      if (e instanceof KmipOperationError)
        throw fault('KmipError', 'fault.kmip', { kms: kms.name, operation: e.exchange.operation, reason: resultReasonTerm(e.resultReason), explanation: explain(e) })
      if (e instanceof KmipResponseError)
        throw fault('KmipError', 'fault.kmip.unreadable', { kms: kms.name, operation: e.exchange.operation, message: e.message })
      if (e instanceof LabFault || !session.link) throw e
      // only an external KMS has a link, so the failure is its link's
      reasons.push({ id: 'term.reasonOfKms', params: { kms: kms.name, reason: connectionFailure(e, kms.external!) } })
    } finally {
      closeSession(ctx, kms.id, session)
    }
  }
  throw fault('KmsClusterUnreachable', 'fault.kmsUnreachable', { provider: providerId, reasons: reasonList(reasons) })
}

async function openSession(ctx: CommandContext, vc: VcenterRecord, provider: ProviderRecord, kms: KmsRecord): Promise<OpenSession | MessageRef> {
  if (kms.external) {
    if (!ctx.deps.externalKms) {
      const reason: MessageRef = { id: 'term.noExternalKms', params: {} }
      say(ctx, 'tls.handshake', VCENTER_ID, kms.id, 'tls.external.failed', { kms: kms.name, message: reason })
      return reason
    }
    try {
      const link = await ctx.deps.externalKms.connect(kms)
      markOpen(ctx, kms.id, true)
      say(ctx, 'tls.handshake', VCENTER_ID, kms.id, 'tls.open.external', { kms: kms.name, session: link.describe() })
      return { clientId: 'external', link }
    } catch (e) {
      if (e instanceof ExternalKmsNotContacted) {
        say(ctx, 'tls.handshake', VCENTER_ID, kms.id, 'tls.external.notContacted', { kms: kms.name })
        return { id: 'term.externalKmsNotContacted', params: {} }
      }
      const reason = connectionFailure(e, kms.external)
      say(ctx, 'tls.handshake', VCENTER_ID, kms.id, 'tls.external.failed', { kms: kms.name, message: reason })
      return reason
    }
  }
  if (!kms.running) {
    say(ctx, 'tls.handshake', VCENTER_ID, kms.id, 'tls.refused', { kms: kms.name })
    return { id: 'term.kmsNotRunning', params: {} }
  }
  const result = await handshake(vc, provider, kms, ctx.tx.now())
  if (!result.ok) {
    const said = result.rejectedBy === 'vcenter' ? 'tls.rejectedByVcenter' : 'tls.rejectedByKms'
    say(ctx, 'tls.handshake', VCENTER_ID, kms.id, said, { kms: kms.name, message: result.reason }, { payload: { kind: 'certificate' } })
    return result.reason
  }
  markOpen(ctx, kms.id, true)
  say(ctx, 'tls.handshake', VCENTER_ID, kms.id, 'tls.open', { kms: kms.name, client: result.clientCn }, { payload: { kind: 'certificate' } })
  return { clientId: result.clientCn, link: null }
}

function markOpen(ctx: CommandContext, kmsId: string, open: boolean): void {
  const now = ctx.tx.now()
  ctx.tx.update(ctx.tx.require(kmsId, 'kms'), (k) => {
    if (open) k.memory.sessions.push({ client: VCENTER_ID, openedAt: now })
    else k.memory.sessions.pop()
  })
  ctx.tx.update(ctx.tx.require(VCENTER_ID, 'vcenter'), (v) => {
    if (open) v.memory.connections.push({ kms: kmsId, openedAt: now })
    else v.memory.connections = v.memory.connections.filter((c) => c.kms !== kmsId)
  })
}

function closeSession(ctx: CommandContext, kmsId: string, session: OpenSession): void {
  session.link?.close()
  markOpen(ctx, kmsId, false)
  say(ctx, 'tls.close', VCENTER_ID, kmsId, 'tls.close', { kms: ctx.tx.require(kmsId, 'kms').name })
}

function messageId(direction: 'req' | 'res', operations: string[]): MessageId {
  const id = `kmip.${direction}.${(operations[0] ?? '').replace(/ /g, '')}`
  return operations.length >= 1 && isMessageId(id) ? id : `kmip.${direction}.other`
}

function transport(ctx: CommandContext, kmsId: string, session: OpenSession, keyType: KeyType | null) {
  return async (request: Uint8Array): Promise<Uint8Array> => {
    const kms = ctx.tx.require(kmsId, 'kms')
    const req = summarizeKmip(request)
    const operation = req.operations.join(' + ')
    const uid = req.uids[0]
    say(ctx, 'kmip.request', VCENTER_ID, kmsId, messageId('req', req.operations), {
      kms: kms.name,
      operation,
      keyId: uid ?? '',
      names: req.attributeNames.join(', ')
    }, {
      kmip: { operation, direction: 'request', hex: toHex(request) },
      keys: uid && keyType ? [{ keyType, form: 'id', keyId: uid }] : [],
      payload: { kind: 'kmip', bytes: request.length }
    })
    let changed: KmipManagedObject[] = []
    let response: Uint8Array
    if (session.link) response = await session.link.send(request)
    else ({ response, changed } = serveBuiltin(ctx, kmsId, request, session.clientId))
    const fresh = replicateChanges(ctx, kmsId, changed)
    const res = summarizeKmip(response)
    const keyId = res.uids[0] ?? uid ?? ''
    const failure = res.failure ?? { operation: undefined, reason: undefined, message: '' }
    const said: MessageId = res.undecodable ? 'kmip.res.unreadable' : res.ok ? messageId('res', res.operations.length ? res.operations : req.operations) : 'kmip.res.failed'
    say(ctx, 'kmip.response', kmsId, VCENTER_ID, said, {
      kms: kms.name,
      operation,
      keyId,
      values: res.attributeValues.length ? res.attributeValues.join(', ') : { id: 'term.none', params: {} },
      reason: resultReasonTerm(failure.reason ?? 0),
      explanation: res.ok ? '' : explainRefusal(ctx, kms, session, request, { operation: failure.operation ?? 0, reason: failure.reason ?? 0, message: failure.message })
    }, {
      kmip: { operation, direction: 'response', hex: toHex(response), ok: res.ok },
      keys: keyType && keyId ? [{ keyType, form: res.keyMaterial ? 'material' : 'id', keyId, ...(res.keyMaterial ? { fingerprint: fingerprint(res.keyMaterial) } : {}) }] : [],
      payload: { kind: 'kmip', bytes: response.length }
    })
    replicateNewKeys(ctx, kmsId, fresh)
    return response
  }
}

/**
 * Why `kms` refused a request, in the reader's language: the lab's own KMS is explained from the object the request
 * named, as that KMS holds it (a refused request changes nothing there); any other server is quoted.
 */
function explainRefusal(ctx: CommandContext, kms: KmsRecord, session: OpenSession, request: Uint8Array, refusal: Omit<KmsRefusal, 'builtin'>): MessageRef {
  if (session.link) return refusalExplanation(refusal)
  const uid = summarizeKmip(request).uids[0]
  const object = uid === undefined ? undefined : (ctx.tx.item(kms.id, 'persisted.keys', uid) ?? null)
  return refusalExplanation({ ...refusal, builtin: { object, clientId: session.clientId } })
}

function builtinStore(ctx: CommandContext, kmsId: string, changed: KmipManagedObject[]): KmipKeyStore {
  return {
    get: (uid) => ctx.tx.item(kmsId, 'persisted.keys', uid),
    put: (object) => {
      changed.push(object)
      putKmsObject(ctx, kmsId, object)
    },
    list: () => [...ctx.tx.items(kmsId, 'persisted.keys').values()]
  }
}

export function putKmsObject(ctx: CommandContext, kmsId: string, object: KmipManagedObject): void {
  ctx.tx.setItem(kmsId, 'persisted.keys', object.uid, object)
}

function serveBuiltin(ctx: CommandContext, kmsId: string, request: Uint8Array, clientId: string) {
  const changed: KmipManagedObject[] = []
  const response = builtinServer.handle(request, {
    clientId,
    now: ctx.tx.now(),
    store: builtinStore(ctx, kmsId, changed),
    newUid: () => uuidFromBytes(ctx.tx.random(16)),
    random: (n) => ctx.tx.random(n)
  })
  return { response, changed }
}

/**
 * Servers of one key provider hold the same keys: a change on one is copied to every running peer. Changes to keys
 * a peer already has travel with the response; new keys are copied afterwards, each as a step of its own.
 */
export function replicateChanges(ctx: CommandContext, fromId: string, changed: readonly KmipManagedObject[]): Map<string, KmipManagedObject[]> {
  const fresh = new Map<string, KmipManagedObject[]>()
  if (!changed.length) return fresh
  const from = ctx.tx.require(fromId, 'kms')
  for (const peer of providerServers(ctx, from.provider)) {
    if (peer.id === fromId || !peer.running || peer.external) continue
    for (const o of changed) {
      if (ctx.tx.item(peer.id, 'persisted.keys', o.uid)) putKmsObject(ctx, peer.id, o)
      else fresh.set(peer.id, [...(fresh.get(peer.id) ?? []), o])
    }
  }
  return fresh
}

export function replicateNewKeys(ctx: CommandContext, fromId: string, fresh: Map<string, KmipManagedObject[]>): void {
  const from = ctx.tx.require(fromId, 'kms')
  for (const [peerId, objects] of fresh) {
    const latest = new Map(objects.map((o) => [o.uid, o]))
    for (const o of latest.values()) {
      putKmsObject(ctx, peerId, o)
      say(ctx, 'kms.replicate', fromId, peerId, 'kms.replicated', { from: from.name, to: ctx.tx.require(peerId, 'kms').name, keyId: o.uid })
    }
  }
}
