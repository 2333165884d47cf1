// "Build it yourself": the order in which a person builds a first encrypted VM by hand, and the step the live lab
// is at. Each step is the command that does it, so the guide offers that command's form. Pure (tested).

import type { CommandOp } from '../../../shared/lab/commands/schema'
import type { LabFacts } from '../reading/labFacts'

export interface BuildStep {
  op: CommandOp
  /** Why this step, for the person (a key in the window's strings). */
  why: 'guide.why.kms' | 'guide.why.provider' | 'guide.why.trust' | 'guide.why.host' | 'guide.why.vm' | 'guide.why.encrypt'
}

const STEPS: { step: BuildStep; done: (f: LabFacts) => boolean }[] = [
  { step: { op: 'kms.add', why: 'guide.why.kms' }, done: (f) => f.kms.length > 0 },
  { step: { op: 'provider.add', why: 'guide.why.provider' }, done: (f) => f.providers.some((p) => p.registered) },
  { step: { op: 'provider.trust', why: 'guide.why.trust' }, done: (f) => f.providers.some((p) => p.trusted) },
  { step: { op: 'host.add', why: 'guide.why.host' }, done: (f) => f.hosts.length > 0 },
  { step: { op: 'vm.create', why: 'guide.why.vm' }, done: (f) => f.vms.length > 0 },
  { step: { op: 'vm.encrypt', why: 'guide.why.encrypt' }, done: (f) => f.vms.some((v) => v.cryptoState !== null) }
]

export const BUILD_STEP_COUNT = STEPS.length

/** The first step the lab has not done yet, with its number (1-based); null once a VM is encrypted. */
export function nextBuildStep(facts: LabFacts): { step: BuildStep; number: number } | null {
  const i = STEPS.findIndex((s) => !s.done(facts))
  return i < 0 ? null : { step: STEPS[i].step, number: i + 1 }
}
