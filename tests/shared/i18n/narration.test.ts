import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { narration } from '../../../shared/i18n/narration'
import { commandOps } from '../../../shared/lab/commands/schema'
import { formatMessage } from '../../../shared/i18n/format'
import { templateParams } from '../../../shared/i18n/message'
import type { MessageRef } from '../../../shared/lab/events'
import { encryptedVmLab, run } from '../../helpers/lab'

const root = join(import.meta.dirname, '../../../shared/lab')
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.tsx?$/.test(f) ? [join(dir, f)] : []))

describe('the narration', () => {
  it('has every message in English and German, with the same placeholders', () => {
    for (const [id, entry] of Object.entries(narration)) {
      expect(templateParams(entry.de), id).toEqual(templateParams(entry.en))
      expect(entry.de, id).not.toBe('')
      expect(entry.en, id).not.toBe('')
    }
  })

  it('has an entry for every message id the lab core uses', () => {
    const used = new Set<string>()
    for (const f of files(root)) {
      const text = readFileSync(f, 'utf8')
      for (const m of text.matchAll(/'((?:fault|kms|provider|trust|tls|kmip|vcenter|datastore|host|vm|vmotion|lab)\.[A-Za-z.]+)'/g)) used.add(m[1])
    }
    // strings with these prefixes that are not messages: command ops, event kinds, vCenter's host name
    const eventKinds = readFileSync(join(root, 'events.ts'), 'utf8').match(/export type EventKind =([^]*?)\n\n/)![1]
    const notMessages = new Set<string>([...commandOps, ...[...eventKinds.matchAll(/'([^']+)'/g)].map((m) => m[1]), 'vcenter.lab.local'])
    const known = new Set(Object.keys(narration))
    const missing = [...used].filter((id) => !known.has(id) && !notMessages.has(id))
    expect(missing).toEqual([])
    expect(used.size).toBeGreaterThan(80)
  })

  it('tells every lab file problem through the catalog: each id the code uses is there, each entry is used, no plain Error', () => {
    const repo = join(import.meta.dirname, '../../..')
    // Where lab files are read, written and sent: their errors are LabFileErrors (or StoredBytesChanged), never plain ones.
    const dirs = ['shared/labFile', 'node/labFile', 'renderer/src/files']
    const single = ['shared/lab/files/storedBytesChanged.ts', 'node/host/labHost.ts', 'node/host/partedImports.ts', 'node/host/partedExports.ts']
    const sources = [...dirs.flatMap((d) => files(join(repo, d))), ...single.map((f) => join(repo, f))]
    const used = new Set<string>()
    for (const f of sources) {
      const text = readFileSync(f, 'utf8')
      for (const m of text.matchAll(/'(labFile\.[A-Za-z0-9.]+)'/g)) used.add(m[1])
      // Not lab files' errors: the host's other calls, the graph picture, a migration missing from the code itself.
      if (!/labHost\.ts$|exportGraph\.ts$|migrations[\\/]index\.ts$/.test(f)) expect(text.match(/new Error\(/g), f).toBeNull()
    }
    const catalog = Object.keys(narration).filter((id) => id.startsWith('labFile.'))
    expect([...used].filter((id) => !catalog.includes(id))).toEqual([])
    expect(catalog.filter((id) => !used.has(id))).toEqual([])
    expect(used.size).toBeGreaterThan(50)
  })

  it('renders parameters, and shows a missing id visibly', () => {
    expect(formatMessage({ id: 'vm.poweredOn', params: { vm: 'vm1', host: 'esx-01' } }, 'de')).toBe('vm1 ist auf esx-01 eingeschaltet.')
    // a ref from a host of another version may name an entry this narration lacks
    expect(formatMessage(JSON.parse('{"id":"no.such","params":{}}') as MessageRef, 'en')).toBe('[no.such]')
  })

  it('tells a nested reason in the same language as the sentence around it', () => {
    const reason: MessageRef = { id: 'fault.vcenterDown', params: {} }
    const ref: MessageRef = { id: 'fault.event', params: { fault: 'VcenterUnavailable', reason } }
    expect(formatMessage(ref, 'de')).toBe(`Abgelehnt (Fehlercode VcenterUnavailable): ${narration['fault.vcenterDown'].de}`)
    expect(formatMessage(ref, 'en')).toBe(`Refused (VcenterUnavailable): ${narration['fault.vcenterDown'].en}`)
  })

  it('narrates a refused command wholly in German: no English sentence inside the German one', async () => {
    const lab = await encryptedVmLab()
    const [refused] = await run(lab, { op: 'vm.encrypt', name: 'vm1' })
    const event = refused.events.find((e) => e.kind === 'fault')!
    const german = formatMessage(event.message, 'de')
    expect(german).toMatch(/^Abgelehnt \(/)
    expect(german).toContain(formatMessage(refused.fault!.message, 'de'))
    expect(german).not.toContain(refused.fault!.text)
    expect(event.text).toBe(`Refused (${refused.fault!.fault}): ${refused.fault!.text}`)
  })
})
