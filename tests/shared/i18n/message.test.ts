import { describe, expect, it } from 'vitest'
import { narration, type MessageId } from '../../../shared/i18n/narration'
import { formatMessage } from '../../../shared/i18n/format'
import { formatNumber, renderTemplate, templateParams, type Language } from '../../../shared/i18n/message'
import type { MessageParam } from '../../../shared/lab/events'

const say = (id: MessageId, lang: Language, params: Record<string, MessageParam>) => formatMessage({ id, params }, lang)
const plain = (template: string, lang: Language, params: Record<string, string | number>) => renderTemplate(template, lang, params, String)

describe('the message syntax', () => {
  it('picks the plural form Intl.PluralRules names, with `=N` first and the number in the language’s form', () => {
    const t = '{n, plural, =0 {no keys} one {# key} other {# keys}}'
    expect([0, 1, 2, 1500].map((n) => plain(t, 'en', { n }))).toEqual(['no keys', '1 key', '2 keys', '1,500 keys'])
    expect([0, 1, 2, 1500].map((n) => plain(t, 'de', { n }))).toEqual(['no keys', '1 key', '2 keys', '1.500 keys'])
  })

  it('formats {n, number} per language and leaves a plain {n} as it is (ports, step numbers)', () => {
    expect(plain('{mib, number} MiB on port {port}', 'de', { mib: 0.5, port: 5696 })).toBe('0,5 MiB on port 5696')
    expect(plain('{mib, number} MiB on port {port}', 'en', { mib: 1024, port: 5696 })).toBe('1,024 MiB on port 5696')
    expect(formatNumber(1234567, 'de')).toBe('1.234.567')
  })

  it('keeps a missing parameter visible and says when a count is not a number', () => {
    expect(plain('{a} and {n, plural, one {#} other {#}}', 'en', {})).toBe('{a} and {n}')
    expect(plain('{n, plural, one {# key} other {# keys}}', 'en', { n: 'two' })).toBe('{n: not a number}')
  })

  it('names every parameter a template uses, inside plural forms too', () => {
    expect(templateParams('{count, plural, one {Disk {disks} of {vm} is} other {Disks {disks} are}} {x, number}')).toEqual(['count', 'disks', 'vm', 'x'])
  })

  it('refuses a template it cannot read', () => {
    expect(() => templateParams('{n, plural, one {# key}}')).toThrow(/other/)
    expect(() => templateParams('{n, plural, some {# key} other {#}}')).toThrow(/category/)
    expect(() => templateParams('{n, date}')).toThrow(/unknown placeholder type/)
    expect(() => templateParams('a } b')).toThrow(/unmatched/)
  })
})

describe('counts in the narration, for 0, 1, 2 and many', () => {
  const counts = [0, 1, 2, 1024]

  it('reads the snapshots deleted in English and German', () => {
    expect(counts.map((count) => say('vm.snapshots.deleted', 'en', { vm: 'vm1', count }).split(':')[0])).toEqual([
      'The 0 snapshots of vm1 are deleted',
      'The snapshot of vm1 is deleted',
      'The 2 snapshots of vm1 are deleted',
      'The 1,024 snapshots of vm1 are deleted'
    ])
    expect(counts.map((count) => say('vm.snapshots.deleted', 'de', { vm: 'vm1', count }).split(':')[0])).toEqual([
      'Die 0 Snapshots von vm1 sind gelöscht',
      'Der Snapshot von vm1 ist gelöscht',
      'Die 2 Snapshots von vm1 sind gelöscht',
      'Die 1.024 Snapshots von vm1 sind gelöscht'
    ])
  })

  it('reads the sectors a VM boots from in English and German', () => {
    expect(counts.map((sectors) => say('vm.boot.plain', 'en', { vm: 'vm1', host: 'esx-01', sectors }))).toEqual([
      'vm1 boots on esx-01, reading 0 sectors in clear.',
      'vm1 boots on esx-01, reading 1 sector in clear.',
      'vm1 boots on esx-01, reading 2 sectors in clear.',
      'vm1 boots on esx-01, reading 1,024 sectors in clear.'
    ])
    expect(counts.map((sectors) => say('vm.boot.plain', 'de', { vm: 'vm1', host: 'esx-01', sectors }))).toEqual([
      'vm1 bootet auf esx-01 und liest 0 Sektoren im Klartext.',
      'vm1 bootet auf esx-01 und liest 1 Sektor im Klartext.',
      'vm1 bootet auf esx-01 und liest 2 Sektoren im Klartext.',
      'vm1 bootet auf esx-01 und liest 1.024 Sektoren im Klartext.'
    ])
  })

  it('reads the keys a host keeps without vCenter, and the dumps of a support bundle', () => {
    const kept = (lang: Language) => counts.map((count) => say('host.vcenterUnreachable.sealed', lang, { host: 'esx-01', count }).split(';')[0])
    expect(kept('en')).toEqual([
      'esx-01 cannot reach vCenter: it keeps going with no key from its TPM',
      'esx-01 cannot reach vCenter: it keeps going with the one key its TPM unsealed',
      'esx-01 cannot reach vCenter: it keeps going with the 2 keys its TPM unsealed',
      'esx-01 cannot reach vCenter: it keeps going with the 1,024 keys its TPM unsealed'
    ])
    expect(kept('de')).toEqual([
      'esx-01 erreicht vCenter nicht: Er arbeitet ohne Schlüssel aus seinem TPM weiter',
      'esx-01 erreicht vCenter nicht: Er arbeitet mit dem einen Schlüssel weiter, den sein TPM entsiegelt hat',
      'esx-01 erreicht vCenter nicht: Er arbeitet mit den 2 Schlüsseln weiter, die sein TPM entsiegelt hat',
      'esx-01 erreicht vCenter nicht: Er arbeitet mit den 1.024 Schlüsseln weiter, die sein TPM entsiegelt hat'
    ])
    const bundle = (lang: Language) => counts.map((count) => say('host.vmSupport.done', lang, { dir: '/var/core/b', count }).split(' and ')[0].split(' und ')[0])
    expect(bundle('en')).toEqual(['The bundle is ready in /var/core/b: 0 recrypted dumps', 'The bundle is ready in /var/core/b: 1 recrypted dump', 'The bundle is ready in /var/core/b: 2 recrypted dumps', 'The bundle is ready in /var/core/b: 1,024 recrypted dumps'])
    expect(bundle('de')).toEqual(['Das Bundle liegt in /var/core/b: 0 umverschlüsselte Dumps', 'Das Bundle liegt in /var/core/b: 1 umverschlüsselter Dump', 'Das Bundle liegt in /var/core/b: 2 umverschlüsselte Dumps', 'Das Bundle liegt in /var/core/b: 1.024 umverschlüsselte Dumps'])
  })

  it('names the action a VM must be powered off for in the sentence’s language', () => {
    const action = { id: 'term.vmAction.encrypt', params: {} } as const
    expect(say('fault.mustBePoweredOff', 'en', { vm: 'vm1', action })).toBe('vm1 must be powered off to encrypt it.')
    expect(say('fault.mustBePoweredOff', 'de', { vm: 'vm1', action })).toBe('vm1 muss ausgeschaltet sein, um sie zu verschlüsseln.')
    expect(say('fault.hasSnapshots', 'de', { vm: 'vm1', action, count: 1 })).toMatch(/^vm1 hat einen Snapshot: .* zu verschlüsseln .* Löschen Sie zuerst den Snapshot\.$/)
  })

  it('writes no “(s)”, “(en)”, “(e)” or “(r)” in any sentence', () => {
    const lazy = /\w\((?:s|en|e|n|r|er)\)/
    for (const [id, entry] of Object.entries(narration)) for (const text of [entry.en, entry.de]) expect(text, id).not.toMatch(lazy)
  })
})
