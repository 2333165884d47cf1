// Builds labs for tests: seeded, with the fast disk cipher, plus the usual first steps of a lesson.

import { nodeDiskCipher } from '../../node/crypto/nodeDiskCipher'
import type { LabCommand } from '../../shared/lab/commands/schema'
import { Lab, type CommandOutcome } from '../../shared/lab/lab'
import { componentId, type ComponentByKind, type ComponentKind, type TrustMode } from '../../shared/lab/model'
import { seededRandom } from '../../shared/lab/random'

export async function newLab(seed = 1): Promise<Lab> {
  return Lab.create({ random: seededRandom(seed), diskCipher: nodeDiskCipher }, { seed })
}

export async function run(lab: Lab, ...commands: LabCommand[]): Promise<CommandOutcome[]> {
  const out: CommandOutcome[] = []
  for (const c of commands) out.push(await lab.run(c))
  return out
}

/** Runs commands that must all be accepted; a refusal fails the test with the lab's own explanation. */
export async function ok(lab: Lab, ...commands: LabCommand[]): Promise<CommandOutcome[]> {
  const out = await run(lab, ...commands)
  for (const [i, o] of out.entries()) if (o.fault) throw new Error(`${commands[i].op} refused: ${o.fault.fault}: ${o.fault.text}`)
  return out
}

export function get<K extends ComponentKind>(lab: Lab, kind: K, name: string): ComponentByKind[K] {
  const id = kind === 'vcenter' ? 'vcenter' : componentId[kind as 'kms' | 'host' | 'vm' | 'datastore'](name)
  const e = lab.component(id)
  if (!e || e.kind !== kind) throw new Error(`no ${kind} ${name}`)
  return e as ComponentByKind[K]
}

/** The commands of a trusted lab: kms-1 in provider kp, trusted both ways, and hosts esx-01 and esx-02 in cluster c1. */
export function trustedCommands(opts: { hosts?: string[]; mode?: TrustMode } = {}): LabCommand[] {
  return [
    { op: 'kms.add', name: 'kms-1', provider: 'kp' },
    { op: 'provider.add', name: 'kp' },
    { op: 'provider.trust', provider: 'kp', mode: opts.mode ?? 'vcenter-cert' },
    ...(opts.hosts ?? ['esx-01', 'esx-02']).map((name): LabCommand => ({ op: 'host.add', name, cluster: 'c1' }))
  ]
}

/** A KMS in provider kp, trusted both ways, and hosts in cluster c1 (see trustedCommands). */
export async function trustedLab(opts: { seed?: number; hosts?: string[]; mode?: TrustMode } = {}): Promise<Lab> {
  const lab = await newLab(opts.seed ?? 1)
  await ok(lab, ...trustedCommands(opts))
  return lab
}

/** A trusted lab with vm1 (guest data "top secret payroll") encrypted on esx-01. */
export async function encryptedVmLab(opts: { seed?: number; hosts?: string[] } = {}): Promise<Lab> {
  const lab = await trustedLab(opts)
  await ok(lab, { op: 'vm.create', name: 'vm1', host: 'esx-01', guestData: 'top secret payroll' }, { op: 'vm.encrypt', name: 'vm1' })
  return lab
}

export function eventsOf(out: CommandOutcome) {
  return out.events
}

export function texts(out: CommandOutcome): string[] {
  return out.events.map((e) => e.text)
}
