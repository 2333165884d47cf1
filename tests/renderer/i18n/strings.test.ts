import { describe, expect, it } from 'vitest'
import { commandOps, trustModes } from '../../../shared/lab/commands/schema'
import { OPS, GROUPS } from '../../../renderer/src/actions/catalog'
import { strings } from '../../../renderer/src/i18n/strings'
import { templateParams } from '../../../shared/i18n/message'
import { isStringKey, translate } from '../../../renderer/src/i18n/translate'
import { GROUP_ORDER, KEY_FILTERS, KIND_GROUPS } from '../../../renderer/src/playback/filters'


describe('the UI strings', () => {
  it('have every key in English and German, non-empty, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(strings)) {
      expect(entry.en.trim(), key).not.toBe('')
      expect(entry.de.trim(), key).not.toBe('')
      expect(templateParams(entry.de), key).toEqual(templateParams(entry.en))
    }
  })

  it('name every command, field, trust mode, action group, filter and key type the window shows', () => {
    const needed: string[] = [
      ...commandOps.map((op) => `op.${op}`),
      ...Object.values(OPS).flatMap((o) => o.fields.map((f) => `field.${f.name}`)),
      ...trustModes.map((m) => `trust.${m}`),
      ...GROUPS.map((g) => `actions.group.${g}`),
      ...GROUP_ORDER.map((g) => `filter.${g}`),
      ...Object.values(KIND_GROUPS).flat().map((k) => `eventKind.${k}`),
      ...KEY_FILTERS.map((k) => `key.${k}`),
      ...['certificate', 'csr', 'privateKey', 'disk', 'vmx', 'descriptor', 'coreDump', 'memory', 'kmip', 'command'].map((p) => `payload.${p}`),
      ...['material', 'id', 'wrapped'].map((f) => `form.${f}`),
      ...['kms', 'vcenter', 'host', 'vm', 'datastore'].map((k) => `kind.${k}`),
      ...['kmip', 'management', 'storage', 'vm', 'replication', 'vmotion'].map((k) => `edge.${k}`)
    ]
    expect(needed.filter((k) => !isStringKey(k))).toEqual([])
  })

  it('fill placeholders and show a missing key visibly', () => {
    expect(translate('de', 'timeline.position', { seq: 3, end: 9 })).toBe('Schritt 3 von 9')
    expect(translate('en', 'timeline.position', { seq: 3 })).toBe('Step 3 of {end}')
  })
})

describe('counts in the window’s strings, for 0, 1, 2 and many', () => {
  const counts = [0, 1, 2, 1500]
  it('name trusted client certificates in English and German', () => {
    expect(counts.map((n) => translate('en', 'inspector.trustedClients', { n }))).toEqual([
      'no trusted client certificate',
      '1 trusted client certificate',
      '2 trusted client certificates',
      '1,500 trusted client certificates'
    ])
    expect(counts.map((n) => translate('de', 'inspector.trustedClients', { n }))).toEqual([
      'kein vertrauenswürdiges Client-Zertifikat',
      '1 vertrauenswürdiges Client-Zertifikat',
      '2 vertrauenswürdige Client-Zertifikate',
      '1.500 vertrauenswürdige Client-Zertifikate'
    ])
  })

  it('count bytes, events and commands in English and German', () => {
    expect(counts.map((n) => translate('en', 'payload.bytes', { n }))).toEqual(['0 bytes', '1 byte', '2 bytes', '1,500 bytes'])
    expect(counts.map((n) => translate('de', 'payload.bytes', { n }))).toEqual(['0 Bytes', '1 Byte', '2 Bytes', '1.500 Bytes'])
    expect(counts.map((n) => translate('en', 'log.events', { n, c: n }))).toEqual(['0 events in 0 commands', '1 event in 1 command', '2 events in 2 commands', '1,500 events in 1,500 commands'])
    expect(counts.map((n) => translate('de', 'log.events', { n, c: n }))).toEqual(['0 Ereignisse in 0 Befehlen', '1 Ereignis in 1 Befehl', '2 Ereignisse in 2 Befehlen', '1.500 Ereignisse in 1.500 Befehlen'])
  })

  it('say how many of the compared bytes differ, with the verb agreeing', () => {
    expect(counts.map((n) => translate('en', 'inspector.differ', { n, total: 4096 }))).toEqual([
      '0 of the first 4,096 bytes differ',
      '1 of the first 4,096 bytes differs',
      '2 of the first 4,096 bytes differ',
      '1,500 of the first 4,096 bytes differ'
    ])
    expect(counts.map((n) => translate('de', 'inspector.differ', { n, total: 4096 }))).toEqual([
      '0 der ersten 4.096 Bytes unterscheiden sich',
      '1 der ersten 4.096 Bytes unterscheidet sich',
      '2 der ersten 4.096 Bytes unterscheiden sich',
      '1.500 der ersten 4.096 Bytes unterscheiden sich'
    ])
  })

  it('write no “(s)”, “(en)” or “(e)” after a word', () => {
    for (const [key, entry] of Object.entries(strings)) for (const text of [entry.en, entry.de]) expect(text, key).not.toMatch(/\w\((?:s|en|e|n|r|er)\)/)
  })
})
