// Run esxcli on a host (host.esxcli), for the namespaces that explain VM encryption (docs/vsphere-facts.md#esxcli-config-encryption):
// how ESXi protects its own configuration — where a host keeps a Native Key Provider's KDK — and key persistence.
// Mode TPM is what a host with a TPM runs (installed or upgraded to 7.0 U2+) and cannot be undone; a host without a
// TPM stays NONE. The lab's hosts have no mode field: a TPM host is TPM, a host without one NONE.

import { z } from 'zod'
import { say } from '../../../context'
import { fault } from '../../../faults'
import type { HostComponent } from '../../../model'
import { EsxcliError, parseEsxcliArgs, type EsxcliInvocation } from '../../../files/esxcli'
import { checkKeyPersistence, setKeyPersistence } from '../../../services/keyPersistence'
import { requireHost } from '../../checks'
import { cryptoUtilArg, defineCommand, name } from '../../define'

function invocation(host: HostComponent, args: string[]): EsxcliInvocation {
  try {
    return parseEsxcliArgs(args)
  } catch (e) {
    if (e instanceof EsxcliError) throw fault('InvalidArgument', 'fault.esxcli', { host: host.name, message: e.ref })
    throw e
  }
}

/** What `esxcli system settings encryption get` prints, as ESXi does. */
function encryptionLines(host: HostComponent): string[] {
  return [
    `   Mode: ${host.tpm ? 'TPM' : 'NONE'}`,
    '   Require Executables Only From Installed VIBs: false',
    `   Require Secure Boot: ${host.persisted.config.requireSecureBoot === true}`
  ]
}

export const hostEsxcli = defineCommand('host.esxcli', {
  args: { name, args: z.array(cryptoUtilArg).min(1).max(8) },
  narration: [
    'fault.esxcli',
    'esxcli.usage',
    'esxcli.badOption',
    'esxcli.badValue',
    'fault.esxcli.noTpm',
    'fault.esxcli.tpmIsFinal',
    'fault.esxcli.secureBootNoTpm',
    'fault.esxcli.removeAllStoredKeys',
    'host.esxcli.encryption.tpm',
    'host.esxcli.encryption.none',
    'host.esxcli.secureBoot.on',
    'host.esxcli.secureBoot.off'
  ],
  check(ctx, cmd) {
    const host = requireHost(ctx, cmd.name)
    const inv = invocation(host, cmd.args)
    if (inv.action === 'encryption.set') {
      if (inv.mode === 'TPM' && !host.tpm) throw fault('NotSupported', 'fault.esxcli.noTpm', { host: host.name })
      if (inv.mode === 'NONE' && host.tpm) throw fault('InvalidState', 'fault.esxcli.tpmIsFinal', { host: host.name })
      if (inv.requireSecureBoot !== null && !host.tpm) throw fault('NotSupported', 'fault.esxcli.secureBootNoTpm', { host: host.name })
    }
    if (inv.action === 'keypersistence.enable') checkKeyPersistence(host, true)
    if (inv.action === 'keypersistence.disable') {
      if (!inv.removeAllStoredKeys) throw fault('InvalidArgument', 'fault.esxcli.removeAllStoredKeys', { host: host.name })
      checkKeyPersistence(host, false)
    }
  },
  async run(ctx, cmd) {
    let host = requireHost(ctx, cmd.name)
    const inv = invocation(host, cmd.args)
    const args = cmd.args.join(' ')
    switch (inv.action) {
      case 'keypersistence.enable':
      case 'keypersistence.disable':
        setKeyPersistence(ctx, host, inv.action === 'keypersistence.enable')
        return
      case 'encryption.set':
        // --mode=TPM on a TPM host, or --mode=NONE on a host without one, is what the host already runs
        if (inv.requireSecureBoot !== null) {
          const on = inv.requireSecureBoot
          host = ctx.tx.update(host, (h) => void (h.persisted.config.requireSecureBoot = on))
          say(ctx, 'host.state', host.id, host.id, on ? 'host.esxcli.secureBoot.on' : 'host.esxcli.secureBoot.off', { host: host.name, args }, { detail: encryptionLines(host) })
          return
        }
        break
      case 'encryption.get':
        break
    }
    say(ctx, 'host.state', host.id, host.id, host.tpm ? 'host.esxcli.encryption.tpm' : 'host.esxcli.encryption.none', { host: host.name, args }, { detail: encryptionLines(host) })
  }
})
