// The event log for handouts and homework: Markdown (one section per command, one line per event, in the chosen
// language) or JSON (the events as the lab reports them, without the window's view patches).

import type { CommandView, EventView } from '../../../shared/api/contract'
import { formatMessage, type Language } from '../../../shared/i18n/format'
import { commandArgsText } from '../actions/describe'
import { translate } from '../i18n/translate'

export interface LogInput {
  labName: string
  seed: number | null
  commands: readonly CommandView[]
  events: readonly EventView[]
  lang: Language
}

function keyText(e: EventView, lang: Language): string {
  return e.keys
    .map((k) => {
      const type = translate(lang, `key.${k.keyType}`)
      const form = k.form === 'wrapped' && k.wrappedBy ? translate(lang, 'form.wrapped', { by: translate(lang, `key.${k.wrappedBy}`) }) : translate(lang, `form.${k.form}`)
      return `${type} (${form}${k.keyId ? `, ${k.keyId}` : ''})`
    })
    .join('; ')
}

const escapeMd = (s: string) => s.replace(/([\\`*_[\]|])/g, '\\$1')

export function logMarkdown({ labName, seed, commands, events, lang }: LogInput): string {
  const out: string[] = [
    `# ${translate(lang, 'log.title')}`,
    '',
    `- ${translate(lang, 'log.lab')}: ${escapeMd(labName)}`,
    `- ${seed === null ? translate(lang, 'log.noSeed') : translate(lang, 'log.seed', { seed })}`,
    `- ${translate(lang, 'log.events', { n: events.length, c: commands.length })}`,
    ''
  ]
  const byCommand = new Map<number, EventView[]>()
  for (const e of events) byCommand.set(e.command, [...(byCommand.get(e.command) ?? []), e])
  for (const c of commands) {
    const mine = byCommand.get(c.index) ?? []
    out.push(`## ${c.index + 1}. ${translate(lang, `op.${c.command.op}`)} — \`${c.command.op}\` ${escapeMd(commandArgsText(c.command))}`, '')
    if (c.fault) out.push(`> ${translate(lang, 'log.refused', { fault: c.fault.fault })}: ${escapeMd(formatMessage(c.fault.message, lang))}`, '')
    for (const e of mine) {
      const keys = keyText(e, lang)
      out.push(`${e.seq}. ${escapeMd(formatMessage(e.message, lang))}${keys ? ` — *${translate(lang, 'log.keys')}:* ${escapeMd(keys)}` : ''}`)
      if (e.detail?.length) out.push('', '   ```', ...e.detail.map((l) => `   ${l}`), '   ```')
    }
    out.push('')
  }
  return out.join('\n')
}

export function logJson({ labName, seed, commands, events, lang }: LogInput): string {
  return JSON.stringify(
    {
      lab: labName,
      seed,
      language: lang,
      commands: commands.map((c) => ({ index: c.index, command: c.command, firstSeq: c.firstSeq, lastSeq: c.lastSeq, fault: c.fault })),
      // The lab's own event fields, with the sentence in the chosen language; the window's patches are left out.
      events: events.map(({ patches: _patches, ...e }) => ({ ...e, sentence: formatMessage(e.message, lang) }))
    },
    null,
    2
  )
}
