import { describe, expect, it } from 'vitest'
import { commandOps, trustModes } from '../../../shared/lab/commands/schema'
import { OPS, GROUPS } from '../../../renderer/src/actions/catalog'
import { strings, type StringKey } from '../../../renderer/src/i18n/strings'
import { isStringKey, translate } from '../../../renderer/src/i18n/translate'
import { GROUP_ORDER, KEY_FILTERS } from '../../../renderer/src/playback/filters'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the UI strings', () => {
  it('have every key in English and German, non-empty, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(strings)) {
      expect(entry.en.trim(), key).not.toBe('')
      expect(entry.de.trim(), key).not.toBe('')
      expect(placeholders(entry.de), key).toEqual(placeholders(entry.en))
    }
  })

  it('name every command, field, trust mode, action group, filter and key type the window shows', () => {
    const needed: string[] = [
      ...commandOps.map((op) => `op.${op}`),
      ...Object.values(OPS).flatMap((o) => o.fields.map((f) => `field.${f.name}`)),
      ...trustModes.map((m) => `trust.${m}`),
      ...GROUPS.map((g) => `actions.group.${g}`),
      ...GROUP_ORDER.map((g) => `filter.${g}`),
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
    expect(translate('en', 'no.such.key' as StringKey)).toBe('[no.such.key]')
  })
})
