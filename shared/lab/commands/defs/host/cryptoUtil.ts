// Run crypto-util (host.cryptoUtil), as on ESXi: on the host that wrote a dump, the key comes from its key cache; a
// dump of a password-protected vm-support bundle opens with --keyfile <incident key file> --password.

import { z } from 'zod'
import { fromUtf8 } from '../../../../crypto/bytes'
import { say } from '../../../context'
import { fault } from '../../../faults'
import type { HostComponent } from '../../../model'
import { CryptoUtilError, describeLines, envelopeAt, extractPlaintext, maskedArgs, parseCryptoUtilArgs, type CryptoUtilInvocation } from '../../../files/cryptoUtil'
import { IncidentKeyError, openIncidentKey } from '../../../files/incidentKey'
import { keyTravel } from '../../../services/keyCache'
import { requireHost } from '../../checks'
import { defineCommand, name, cryptoUtilArg } from '../../define'

function varCoreFile(host: HostComponent, path: string): Uint8Array {
  const name = path.startsWith('/var/core/') ? path.slice('/var/core/'.length) : path
  const file = host.persisted.varCore[name]
  if (!file) throw fault('CryptoUtilError', 'fault.cryptoUtil', { host: host.name, message: { id: 'term.noSuchFile', params: { path } } })
  return file
}

/** The key that opens the envelope: from an incident key file with its password, or from the host's key cache. */
function envelopeKey(host: HostComponent, inv: CryptoUtilInvocation, keyId: string): { material: Uint8Array; incident: boolean } | null {
  if (inv.keyfile !== null) {
    if (inv.password === null)
      throw new CryptoUtilError('on the host crypto-util takes keys from the key cache; --keyfile names a vm-support incident key file and needs --password')
    try {
      const incident = openIncidentKey(varCoreFile(host, inv.keyfile), inv.password)
      if (incident.keyId !== keyId) throw new CryptoUtilError(`the incident key file holds key '${incident.keyId}', but this envelope needs '${keyId}'`)
      return { material: incident.key, incident: true }
    } catch (e) {
      if (e instanceof IncidentKeyError) throw new CryptoUtilError(e.message)
      throw e
    }
  }
  const cached = host.memory.keyCache[keyId]
  return cached ? { material: cached.material, incident: false } : null
}

function invocation(host: HostComponent, args: string[]) {
  const inv = parseCryptoUtilArgs(args, { outRequired: false })
  const { header, envelope } = envelopeAt(varCoreFile(host, inv.file), inv.offset)
  return { inv, header, envelope, key: inv.action === 'extract' ? envelopeKey(host, inv, header.keyId) : null }
}

export const hostCryptoUtil = defineCommand('host.cryptoUtil', {
  args: { name, args: z.array(cryptoUtilArg).min(1).max(16) },
  narration: ['fault.cryptoUtil', 'term.noSuchFile', 'fault.cryptoUtil.keyMissing', 'host.cryptoUtil.describe', 'host.cryptoUtil.describe.keyMissing', 'host.cryptoUtil.extract.incident', 'host.cryptoUtil.extract'],
  check(ctx, cmd) {
    const host = requireHost(ctx, cmd.name)
    try {
      const { inv, header, key } = invocation(host, cmd.args)
      // describe reads only the envelope's clear header (support scripts take the keyID from it); extract needs the key.
      if (inv.action === 'extract' && !key) throw fault('CryptoUtilError', 'fault.cryptoUtil.keyMissing', { host: host.name, keyId: header.keyId })
    } catch (e) {
      if (e instanceof CryptoUtilError) throw fault('CryptoUtilError', 'fault.cryptoUtil', { host: host.name, message: e.message })
      throw e
    }
  },
  async run(ctx, cmd) {
    const host = requireHost(ctx, cmd.name)
    const { inv, header, envelope, key } = invocation(host, cmd.args)
    // The narration never repeats a password.
    const args = maskedArgs(cmd.args)
    if (inv.action === 'describe') {
      const cached = host.memory.keyCache[header.keyId]
      const id = cached ? 'host.cryptoUtil.describe' : 'host.cryptoUtil.describe.keyMissing'
      say(ctx, 'cryptoUtil', host.id, host.id, id, { host: host.name, args, keyId: header.keyId }, {
        keys: [cached ? keyTravel(cached, 'id') : { keyType: 'hostKey', form: 'id', keyId: header.keyId }],
        detail: describeLines(header, envelope.length)
      })
      return
    }
    const plain = extractPlaintext(envelope, key!.material)
    const cached = host.memory.keyCache[header.keyId]
    say(ctx, 'cryptoUtil', host.id, host.id, key!.incident ? 'host.cryptoUtil.extract.incident' : 'host.cryptoUtil.extract', { host: host.name, args, bytes: plain.length }, {
      keys: [
        ...(cached && !key!.incident ? [keyTravel(cached, 'material')] : []),
        { keyType: 'oneTimeKey' as const, form: 'material' as const, keyId: `envelope:${inv.file}` }
      ],
      payload: { kind: 'coreDump', bytes: plain.length, encrypted: false },
      detail: fromUtf8(plain).split('\n').filter((l) => l.length > 0)
    })
  }
})
