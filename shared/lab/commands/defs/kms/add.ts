// Add KMS server (kms.add).

import { addDays, createKmsPki, DEFAULT_VALIDITY_DAYS, generateKeyPair, issueCertificate } from '../../../../pki'
import { say } from '../../../context'
import { fault } from '../../../faults'
import { componentId, type KmsRecord } from '../../../model'
import { providerServers, putKmsObject } from '../../../services/kmsSession'
import { isNative } from '../../../services/nativeKeys'
import { requireNew } from '../../checks'
import { defineCommand, name, externalKms } from '../../define'

export const kmsAdd = defineCommand('kms.add', {
  args: { name, provider: name, external: externalKms.optional() },
  narration: ['fault.kmsProviderMismatch', 'fault.nkp.noKmsServers', 'kms.added.external', 'kms.added', 'kms.joined'],
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
})

