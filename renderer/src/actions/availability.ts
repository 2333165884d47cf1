// Why an action cannot be taken yet, said as something a person can do about it. Before anything exists the
// window knows the answer from the lab's shape ("Add a host first"), so it does not ask the core; once the
// objects exist, the core's own refusal (a vSphere fault with its reason) speaks. A malformed command never shows
// a validation library's words: it names the form field to check.

import type { FaultInfo } from '../../../shared/lab/faults'
import { formatMessage, type Language } from '../../../shared/i18n/format'
import { isStringKey, translate } from '../i18n/translate'
import type { LabFacts } from '../reading/labFacts'
import type { OpSpec, Prerequisite } from './catalog'

/** The first prerequisite of the command that the lab does not meet yet, or null. */
export function unmetPrerequisite(spec: Pick<OpSpec, 'needs'>, facts: LabFacts): Prerequisite | null {
  for (const need of spec.needs) if (!meets(need, facts)) return need
  return null
}

function meets(need: Prerequisite, facts: LabFacts): boolean {
  switch (need) {
    case 'kms':
      return facts.kms.length > 0
    case 'key':
      return facts.keys.length > 0
    case 'provider':
      return facts.providers.some((p) => p.registered)
    case 'host':
      return facts.hosts.length > 0
    case 'vm':
      return facts.vms.length > 0
    case 'hostInMaintenance':
      return facts.hosts.some((h) => h.inMaintenanceMode)
    case 'secondHost':
      // vMotion stays inside a cluster in the lab: some VM must have a second host beside its own.
      return facts.vms.some((vm) => {
        const cluster = facts.hosts.find((h) => h.name === vm.host)?.cluster
        return facts.hosts.some((h) => h.name !== vm.host && h.cluster === cluster)
      })
  }
}

export function prerequisiteText(need: Prerequisite, lang: Language): string {
  return translate(lang, `needs.${need}`)
}

/** A refusal in the reader's language; a command the core could not even read names the field to fix. */
export function refusalText(refusal: FaultInfo, lang: Language): string {
  if (refusal.message.id !== 'fault.invalidCommand') return formatMessage(refusal.message, lang)
  const place = String(refusal.message.params.place ?? '').split('.')[0]
  const key = `field.${place}`
  return isStringKey(key) ? translate(lang, 'needs.field', { field: translate(lang, key) }) : translate(lang, 'needs.form')
}

/** A command refused only because a file is not picked yet: the form is where the person picks it. */
function awaitsFile(spec: Pick<OpSpec, 'fields'>, refusal: FaultInfo): boolean {
  if (refusal.message.id !== 'fault.invalidCommand') return false
  const place = String(refusal.message.params.place ?? '').split('.')[0]
  return spec.fields.some((f) => f.kind === 'file' && f.name === place)
}

/** What disables an action now: an unmet prerequisite first, else the core's refusal; null when it may run. */
export function unavailableText(spec: Pick<OpSpec, 'needs' | 'fields'>, facts: LabFacts, refusal: FaultInfo | null | undefined, lang: Language): string | null {
  const need = unmetPrerequisite(spec, facts)
  if (need) return prerequisiteText(need, lang)
  return refusal && !awaitsFile(spec, refusal) ? refusalText(refusal, lang) : null
}
