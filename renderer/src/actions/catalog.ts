// Every command of the lab's command language, as the window offers it: its menu group, the kind of component
// whose context menu carries it, its fields, and sensible prefilled values drawn from the live lab. Whether a
// command is allowed is never decided here — the core answers that (`checkCommands`); this only proposes.

import { State } from '../../../shared/kmip'
import type { CommandOp, LabCommand } from '../../../shared/lab/commands/schema'
import { ESXCLI_COMMANDS } from '../../../shared/lab/files/esxcli'
import type { TrustMode } from '../../../shared/lab/model'
import type { ComponentKind } from '../reading/facts'
import { nextName, type LabFacts } from '../reading/labFacts'
import type { StringKey } from '../i18n/strings'
import {
  actionGroups,
  CHOICES,
  commandMeta,
  commandOps,
  trustModes,
  type ActionGroup,
  type CommandMeta,
  type FieldKind,
  type FieldSpec,
  type Prerequisite
} from '../../../shared/lab/commands/definitions.meta'

export { CHOICES, type ActionGroup, type ChoiceKind, type FieldKind, type FieldName, type FieldSpec, type Prerequisite } from '../../../shared/lab/commands/definitions.meta'

/** The trust modes of `provider.trust`, from the commands' plain-data metadata (no validation library in the bundle). */
export const TRUST_MODES: readonly TrustMode[] = trustModes

export interface OpSpec {
  op: CommandOp
  group: ActionGroup
  /** What must exist first, in the order a person would add it. */
  needs: readonly Prerequisite[]
  /** The component kind whose context menu offers it, with the field that names that component. */
  target?: { kind: ComponentKind; field: string }
  fields: readonly FieldSpec[]
}

/** Every command as the window offers it, derived from its definition's metadata (`definitions.meta.ts`). */
export const OPS = Object.fromEntries(
  commandOps.map((op): [CommandOp, OpSpec] => {
    const meta: CommandMeta = commandMeta[op]
    return [op, { op, group: meta.group, needs: meta.needs, ...(meta.target ? { target: meta.target } : {}), fields: meta.fields }]
  })
) as Record<CommandOp, OpSpec>

export const GROUPS: readonly ActionGroup[] = actionGroups

export function opsOfGroup(group: ActionGroup): OpSpec[] {
  return Object.values(OPS).filter((o) => o.group === group)
}

/** The commands a component's context menu offers. */
export function opsFor(kind: ComponentKind): OpSpec[] {
  return Object.values(OPS).filter((o) => o.target?.kind === kind)
}

export type Args = Record<string, string | number | boolean | string[] | undefined>

/** Splits crypto-util arguments the way a shell would for simple words (no quoting needed for lab paths). */
export function splitArgs(text: string): string[] {
  return text.split(/\s+/).filter(Boolean)
}

/** The command for a form's values; empty optional fields are left out. */
export function buildCommand(op: CommandOp, args: Args): LabCommand {
  const out: Record<string, unknown> = { op }
  for (const field of OPS[op].fields) {
    const v = args[field.name]
    if (v === undefined || v === '' || (field.optional && v === false)) continue
    if (field.kind === 'number') {
      const n = typeof v === 'number' ? v : Number(v)
      out[field.name] = Number.isFinite(n) ? n : v
    } else if (field.kind === 'args' || field.kind === 'esxcli') out[field.name] = Array.isArray(v) ? v : splitArgs(String(v))
    else if (field.kind === 'disks') out[field.name] = Array.isArray(v) ? v.map(Number) : String(v).split(/[\s,]+/).filter(Boolean).map(Number)
    else out[field.name] = v
  }
  return out as LabCommand
}

/** crypto-util's arguments for a core dump on a host (zdumps carry a 4096-byte clear header before the envelope). */
export function cryptoUtilArgs(action: 'describe' | 'extract', dump: string, offset = 4096): string[] {
  const path = `/var/core/${dump}`
  return action === 'describe' ? ['envelope', 'describe', '--offset', String(offset), path] : ['envelope', 'extract', '--offset', String(offset), path, `${path}.plain`]
}

/**
 * The crypto-util runs a person can choose for a host: describe or extract each core dump in its /var/core (the
 * arguments joined by spaces, as the form holds them). A free text field invited edits that no longer parsed.
 */
export function cryptoUtilChoices(facts: LabFacts, host: string): { value: string; action: 'describe' | 'extract'; dump: string }[] {
  return (facts.dumps[host] ?? []).flatMap((dump) =>
    (['describe', 'extract'] as const).map((action) => ({ value: cryptoUtilArgs(action, dump).join(' '), action, dump }))
  )
}

/**
 * Values to start a form with. `target` is the component the action was started from (a context menu or the
 * selection), when it fits the command.
 */
export function defaultArgs(op: CommandOp, facts: LabFacts, target?: { kind: ComponentKind; name: string; id: string }): Args {
  const spec = OPS[op]
  const host = target?.kind === 'host' ? target.name : target?.kind === 'vm' ? facts.vms.find((v) => v.name === target.name)?.host : undefined
  const vm = target?.kind === 'vm' ? target.name : undefined
  const kms = target?.kind === 'kms' ? target.name : undefined
  const firstHost = host ?? facts.hosts[0]?.name ?? ''
  const firstVm = vm ?? facts.vms[0]?.name ?? ''
  const unregistered = facts.providers.find((p) => !p.registered)?.name
  // A Native Key Provider has no KMS to trust: offering it to "Establish trust" would only earn a refusal.
  const kmsProviders = facts.providers.filter((p) => p.registered && !p.native)
  const untrusted = kmsProviders.find((p) => !p.trusted)?.name
  switch (op) {
    case 'kms.add':
      return { name: nextName('kms', facts.kms.map((k) => k.name), 1), provider: facts.providers[0]?.name ?? 'lab-kms' }
    case 'kms.stop':
      return { name: kms ?? facts.kms.find((k) => k.running)?.name ?? facts.kms[0]?.name ?? '' }
    case 'kms.start':
      return { name: kms ?? facts.kms.find((k) => !k.running)?.name ?? facts.kms[0]?.name ?? '' }
    case 'kms.revokeKey':
    case 'kms.destroyKey':
    case 'kms.activateKey': {
      const keys = kms ? facts.keys.filter((k) => k.kms === kms) : facts.keys
      // a key the KMS lets the operation change: activate a Pre-Active key, revoke an Active one, destroy one that is
      // no longer (or not yet) Active
      const wanted: number[] =
        op === 'kms.activateKey' ? [State.PreActive] : op === 'kms.revokeKey' ? [State.Active] : [State.Deactivated, State.Compromised, State.PreActive]
      const fit = wanted.map((state) => keys.find((k) => k.state === state)).find((k) => k !== undefined)
      return { keyId: (fit ?? keys[0])?.keyId ?? '' }
    }
    case 'provider.add':
      // the type shown chosen (a standard provider, what the lab assumes when none is given), not an empty "—"
      return { name: unregistered ?? (facts.providers.length === 0 ? 'lab-kms' : nextName('kp', facts.providers.map((p) => p.name), 1)), type: 'standard' }
    case 'provider.backup':
      return {
        provider: (facts.providers.find((p) => p.native && !p.hasBackup) ?? facts.providers.find((p) => p.native) ?? facts.providers[0])?.name ?? '',
        password: ''
      }
    case 'provider.trust':
      return { provider: untrusted ?? kmsProviders[0]?.name ?? facts.providers.find((p) => p.registered)?.name ?? '', mode: 'vcenter-cert' }
    case 'provider.setDefault':
      return { name: facts.providers.find((p) => p.registered && !p.isDefault)?.name ?? facts.providers[0]?.name ?? '' }
    case 'vcenter.stop':
    case 'vcenter.start':
      return {}
    case 'host.add':
      // a host has a TPM 2.0 unless the box is cleared (tpm: false)
      return { name: nextName('esx', facts.hosts.map((h) => h.name)), cluster: facts.clusters[0] ?? 'cluster-a', tpm: true }
    case 'host.cryptoUtil': {
      const dump = facts.dumps[firstHost]?.[0]
      return { name: firstHost, args: dump ? cryptoUtilArgs('describe', dump).join(' ') : 'envelope describe --offset 4096 /var/core/vmkernel-zdump.1' }
    }
    case 'host.esxcli':
      return { name: firstHost, args: ESXCLI_COMMANDS[0] }
    case 'host.enterMaintenanceMode':
      return { name: host ?? facts.hosts.find((h) => !h.inMaintenanceMode)?.name ?? firstHost }
    case 'host.exitMaintenanceMode':
    case 'host.remove':
      return { name: host ?? facts.hosts.find((h) => h.inMaintenanceMode)?.name ?? firstHost }
    case 'host.keyPersistence':
      return { name: firstHost, enabled: !facts.hosts.find((h) => h.name === firstHost)?.keyPersistence }
    case 'host.encryptionMode': {
      const h = facts.hosts.find((x) => x.name === firstHost)
      return { name: firstHost, enabled: !h || h.cryptoState === 'incapable' || h.cryptoState === 'pendingIncapable' }
    }
    case 'vm.create': {
      const name = nextName('vm', facts.vms.map((v) => v.name))
      // The example guest data is the form's (CommandForm), in the reader's language.
      return { name, host: firstHost, diskMiB: 1 }
    }
    case 'vm.migrate':
    case 'vm.turnOnFaultTolerance': {
      const current = facts.vms.find((v) => v.name === firstVm)?.host
      const cluster = facts.hosts.find((h) => h.name === current)?.cluster
      const other = facts.hosts.find((h) => h.name !== current && h.cluster === cluster) ?? facts.hosts.find((h) => h.name !== current)
      return { name: firstVm, host: other?.name ?? '' }
    }
    case 'vm.clone':
      return { name: firstVm, newName: nextName(`${firstVm || 'vm'}-clone`, facts.vms.map((v) => v.name), 1) }
    case 'vm.rekey':
      return { name: firstVm, deep: false }
    case 'vm.addDisk':
      return { name: firstVm, diskMiB: 1, encrypt: false }
    case 'vm.setMigrateEncryption':
      return { name: firstVm, migrateEncryption: 'disabled' }
    case 'vm.setFtEncryption':
      return { name: firstVm, ftEncryptionMode: 'disabled' }
    case 'vcenter.actAs':
      return { role: 'noCryptoAdmin' }
    case 'host.vmSupport':
      return { name: firstHost, password: 'Case-0001-support' }
    case 'lab.advanceClock':
      return { days: 365 }
    default:
      switch (spec.fields[0]?.kind) {
        case 'host':
          return { name: firstHost }
        case 'vm':
          return { name: firstVm }
        case 'kms':
          return { name: kms ?? facts.kms[0]?.name ?? '' }
        case 'provider':
          // removing: the one that is not the default is the one vSphere lets go first
          return { name: (facts.providers.find((p) => !p.isDefault) ?? facts.providers[0])?.name ?? '' }
        default:
          return {}
      }
  }
}

/** The names a select field offers. */
/** One choice of a select field: a name from the lab as it is, or a fixed value with its label in the window's strings. */
export type FieldOption = { value: string } & ({ label: string } | { labelKey: StringKey })

export function optionsFor(kind: FieldKind, facts: LabFacts): FieldOption[] {
  switch (kind) {
    case 'kms':
      return facts.kms.map((k) => ({ value: k.name, label: k.name }))
    case 'provider':
      return facts.providers.map((p) => ({ value: p.name, label: p.name }))
    case 'host':
      return facts.hosts.map((h) => ({ value: h.name, label: `${h.name} (${h.cluster})` }))
    case 'vm':
      return facts.vms.map((v) => ({ value: v.name, label: `${v.name} (${v.host})` }))
    case 'key':
      return facts.keys.map((k) => ({ value: k.keyId, label: `${k.keyId.slice(0, 8)}… ${k.owner ?? ''} (${k.kms})` }))
    case 'esxcli':
      // shell commands read the same in every language
      return ESXCLI_COMMANDS.map((c) => ({ value: c, label: `esxcli ${c}` }))
    case 'trustMode':
      return TRUST_MODES.map((m) => ({ value: m, labelKey: `trust.${m}` }))
    case 'role':
    case 'migrateEncryption':
    case 'ftEncryptionMode':
    case 'cloneEncryption':
    case 'vtpmClone':
    case 'providerType':
      return CHOICES[kind].map((c) => ({ value: c, labelKey: `choice.${c}` }))
    default:
      return []
  }
}

/**
 * For a menu: the same command for each candidate target (the selected one first), so the core can say for which
 * it would run. The menu offers the first one it accepts.
 */
export function candidates(op: CommandOp, facts: LabFacts, preferred?: { kind: ComponentKind; name: string; id: string }, limit = 12): LabCommand[] {
  const spec = OPS[op]
  const first = buildCommand(op, defaultArgs(op, facts, preferred?.kind === spec.target?.kind ? preferred : undefined))
  const kind = spec.target?.kind
  if (!kind || !spec.target?.field || kind === 'vcenter' || spec.fields[0]?.kind === 'key') return [first]
  const names = kind === 'host' ? facts.hosts.map((h) => h.name) : kind === 'vm' ? facts.vms.map((v) => v.name) : facts.kms.map((k) => k.name)
  const out = [first]
  const seen = new Set([JSON.stringify(first)])
  for (const name of names) {
    if (out.length >= limit) break
    const target = { kind, name, id: `${kind}:${name}` }
    const c = buildCommand(op, defaultArgs(op, facts, target))
    const key = JSON.stringify(c)
    if (!seen.has(key)) {
      seen.add(key)
      out.push(c)
    }
  }
  return out
}
