import { describe, expect, it } from 'vitest'
import { lessonObjectives } from '../../../shared/scenarios/objectives'
import { OPS } from '../../../renderer/src/actions/catalog'
import { strings, type StringKey } from '../../../renderer/src/i18n/strings'

const label = (key: StringKey, lang: 'en' | 'de') => strings[key][lang]

describe('lesson hints', () => {
  it('name the window’s menus exactly as the window labels them, in both languages, for every command they offer', () => {
    const missing: string[] = []
    for (const [lesson, objectives] of Object.entries(lessonObjectives))
      for (const o of objectives)
        for (const op of o.ops)
          for (const lang of ['en', 'de'] as const) {
            const path = `${label(`actions.group.${OPS[op].group}`, lang)} → ${label(`op.${op}`, lang)}`
            if (!o.hint[lang].includes(path)) missing.push(`${lesson}/${o.id} (${lang}): ${path}`)
          }
    expect(missing).toEqual([])
  })

  it('name no menu path the window does not have', () => {
    const paths = new Set(
      Object.values(OPS).flatMap((spec) => (['en', 'de'] as const).map((lang) => `${label(`actions.group.${spec.group}`, lang)} → ${label(`op.${spec.op}`, lang)}`))
    )
    const unknown: string[] = []
    for (const objectives of Object.values(lessonObjectives))
      for (const o of objectives)
        for (const lang of ['en', 'de'] as const)
          for (const m of o.hint[lang].matchAll(/(KMS|vCenter & providers|vCenter & Anbieter|Host|VM|Time|Zeit) → /g)) {
            const rest = o.hint[lang].slice(m.index)
            if (![...paths].some((p) => rest.startsWith(p))) unknown.push(`${o.id} (${lang}): ${rest.slice(0, 50)}`)
          }
    expect(unknown).toEqual([])
  })
})
