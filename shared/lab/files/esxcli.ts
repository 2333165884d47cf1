// The few `esxcli` namespaces the lab's hosts answer, because each explains a behaviour of VM encryption:
//   system settings encryption get | set [--mode=TPM|NONE] [--require-secure-boot=T|F]   (the host's own configuration)
//   system security keypersistence enable | disable --remove-all-stored-keys             (key persistence)
// docs/vsphere-facts.md#esxcli-config-encryption, #key-persistence. Anything else is refused with what the lab knows.

import type { MessageRef } from '../events'

export type EsxcliInvocation =
  | { action: 'encryption.get' }
  | { action: 'encryption.set'; mode: 'TPM' | 'NONE' | null; requireSecureBoot: boolean | null }
  | { action: 'keypersistence.enable' }
  | { action: 'keypersistence.disable'; removeAllStoredKeys: boolean }

export class EsxcliError extends Error {
  constructor(readonly ref: MessageRef) {
    super(ref.id)
  }
}

const usage = (): EsxcliError => new EsxcliError({ id: 'esxcli.usage', params: {} })

/** esxcli's boolean values (it takes true/false, 1/0, yes/no and the short T/F its documentation shows). */
function bool(value: string): boolean {
  const v = value.toLowerCase()
  if (['t', 'true', '1', 'yes', 'y'].includes(v)) return true
  if (['f', 'false', '0', 'no', 'n'].includes(v)) return false
  throw new EsxcliError({ id: 'esxcli.badValue', params: { option: '--require-secure-boot', value } })
}

/** `--name=value` or `--name value` options after the namespace, each at most once. */
function options(rest: string[], allowed: readonly string[]): Map<string, string | true> {
  const out = new Map<string, string | true>()
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    if (!arg.startsWith('--')) throw usage()
    const eq = arg.indexOf('=')
    const name = eq === -1 ? arg : arg.slice(0, eq)
    if (!allowed.includes(name) || out.has(name)) throw new EsxcliError({ id: 'esxcli.badOption', params: { option: name } })
    if (eq !== -1) out.set(name, arg.slice(eq + 1))
    else if (name === '--remove-all-stored-keys') out.set(name, true)
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) out.set(name, rest[++i])
    else throw new EsxcliError({ id: 'esxcli.badValue', params: { option: name, value: '' } })
  }
  return out
}

export function parseEsxcliArgs(args: readonly string[]): EsxcliInvocation {
  const words = args[0] === 'esxcli' ? args.slice(1) : [...args]
  const path = words.slice(0, 4).join(' ')
  const rest = words.slice(4)
  if (path === 'system settings encryption get') {
    if (rest.length) throw usage()
    return { action: 'encryption.get' }
  }
  if (path === 'system settings encryption set') {
    const o = options(rest, ['--mode', '--require-secure-boot'])
    const mode = o.get('--mode')
    if (mode !== undefined && mode !== 'TPM' && mode !== 'NONE') throw new EsxcliError({ id: 'esxcli.badValue', params: { option: '--mode', value: String(mode) } })
    const secure = o.get('--require-secure-boot')
    if (mode === undefined && secure === undefined) throw usage()
    return { action: 'encryption.set', mode: mode ?? null, requireSecureBoot: secure === undefined ? null : bool(String(secure)) }
  }
  if (path === 'system security keypersistence enable') {
    if (rest.length) throw usage()
    return { action: 'keypersistence.enable' }
  }
  if (path === 'system security keypersistence disable') {
    const o = options(rest, ['--remove-all-stored-keys'])
    return { action: 'keypersistence.disable', removeAllStoredKeys: o.has('--remove-all-stored-keys') }
  }
  throw usage()
}

/** The commands the lab's hosts answer, as a person types them (the window offers these). */
export const ESXCLI_COMMANDS = [
  'system settings encryption get',
  'system settings encryption set --mode=TPM',
  'system settings encryption set --mode=NONE',
  'system settings encryption set --require-secure-boot=T',
  'system settings encryption set --require-secure-boot=F',
  'system security keypersistence enable',
  'system security keypersistence disable --remove-all-stored-keys'
] as const
