import { describe, expect, it } from 'vitest'
import { commandOps } from '../../../shared/lab/commands/schema'
import type { LabCommand } from '../../../shared/lab/commands/schema'
import { OPS, buildCommand, defaultArgs } from '../../../renderer/src/actions/catalog'
import { refusalText, unavailableText, unmetPrerequisite } from '../../../renderer/src/actions/availability'
import { labFacts } from '../../../renderer/src/reading/labFacts'
import { fromTimeline } from '../../../renderer/src/store/loadedTimeline'
import { labHostWith } from '../../helpers/labHost'

/** Words of the validation library or of the core's developer-facing message: never shown to a person. */
const LIBRARY_WORDS = /Invalid input|expected|received|undefined|Not a valid command|Kein gültiger Befehl|\bat name\b/i

async function menuTexts(commands: LabCommand[]) {
  const host = await labHostWith(3, commands)
  const facts = labFacts(fromTimeline(await host.getTimeline()).live)
  const proposed = commandOps.map((op) => buildCommand(op, defaultArgs(op, facts)))
  const refusals = await host.checkCommands(proposed)
  return { facts, texts: (lang: 'en' | 'de') => commandOps.map((op, i) => ({ op, text: unavailableText(OPS[op], facts, refusals[i], lang) })) }
}

describe('why an action is unavailable', () => {
  it('an empty lab names a prerequisite a person can act on, in English and German, and never a validation message', async () => {
    const { texts } = await menuTexts([])
    for (const lang of ['en', 'de'] as const) {
      const all = texts(lang)
      for (const { op, text } of all) if (text) expect(text, `${lang} ${op}`).not.toMatch(LIBRARY_WORDS)
      const byOp = Object.fromEntries(all.map((x) => [x.op, x.text]))
      expect(byOp['vm.create']).toBe(lang === 'en' ? 'Add a host first (Host menu).' : 'Fügen Sie zuerst einen Host hinzu (Menü „Host“).')
      expect(byOp['vm.encrypt']).toBe(lang === 'en' ? 'Create a VM first (VM menu).' : 'Legen Sie zuerst eine VM an (Menü „VM“).')
      expect(byOp['kms.stop']).toMatch(lang === 'en' ? /Add a KMS server first/ : /Fügen Sie zuerst einen KMS-Server hinzu/)
      // The ways in stay open (restoring a provider: the file is picked in its form).
      for (const op of ['kms.add', 'host.add', 'provider.add', 'provider.restore'] as const) expect(byOp[op], op).toBeNull()
    }
  })

  it('migrating in a one-host cluster asks for a second host; a second host in the cluster clears it', async () => {
    const oneHost: LabCommand[] = [
      { op: 'host.add', name: 'esx-01', cluster: 'cluster-a' },
      { op: 'vm.create', name: 'vm-01', host: 'esx-01', diskMiB: 0.0625 }
    ]
    const one = await menuTexts(oneHost)
    expect(one.texts('en').find((x) => x.op === 'vm.migrate')?.text).toBe('Needs a second host in the VM’s cluster: add one first.')
    expect(unmetPrerequisite(OPS['vm.migrate'], one.facts)).toBe('secondHost')
    const two = await menuTexts([...oneHost, { op: 'host.add', name: 'esx-02', cluster: 'cluster-a' }])
    expect(unmetPrerequisite(OPS['vm.migrate'], two.facts)).toBeNull()
    expect(two.texts('en').find((x) => x.op === 'vm.migrate')?.text).toBeNull()
  })

  it('a command the core cannot read names the form field to check, not the parser’s words', async () => {
    const host = await labHostWith(3, [])
    const [refusal] = await host.checkCommands([{ op: 'host.add', name: '', cluster: 'cluster-a' } as LabCommand])
    expect(refusal?.message.id).toBe('fault.invalidCommand')
    expect(refusalText(refusal!, 'en')).toBe('Check the field “Name”.')
    expect(refusalText(refusal!, 'de')).toBe('Prüfen Sie das Feld „Name“.')
  })
})
