// A command in a few words for lists and logs: its arguments in the order of its form, without the op.

import type { LabCommand } from '../../../shared/lab/commands/schema'
import { isStringKey, type Translate } from '../i18n/translate'
import { CHOICES, OPS } from './catalog'

/** With `t`, a value chosen from a list reads as the form shows it ("vCenter-Zertifikat", not vcenter-cert). */
export function commandArgsText(c: LabCommand, t?: Translate): string {
  const spec = OPS[c.op]
  const o = c as unknown as Record<string, unknown>
  const parts: string[] = []
  for (const f of spec?.fields ?? []) {
    const v = o[f.name]
    if (v === undefined) continue
    if (f.kind === 'boolean') parts.push(`${f.name}=${v ? 'on' : 'off'}`)
    else if (f.kind === 'key') parts.push(String(v).slice(0, 13) + (String(v).length > 13 ? '…' : ''))
    else if (Array.isArray(v)) parts.push(v.join(' '))
    else if (t && (f.kind === 'trustMode' || f.kind in CHOICES)) {
      const key = f.kind === 'trustMode' ? `trust.${String(v)}` : `choice.${String(v)}`
      parts.push(isStringKey(key) ? t(key) : String(v))
    }
    else if (f.name === 'guestData') parts.push(`“${String(v).slice(0, 24)}”`)
    else parts.push(String(v))
  }
  return parts.join(' · ')
}
