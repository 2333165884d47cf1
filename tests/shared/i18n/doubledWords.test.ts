// No "powered on on": every sentence the built-in lessons make the lab say, in English and German, and every window
// string, is free of a word said twice in a row (parameters filled in, which is where doubled words come from).
import { describe, expect, it } from 'vitest'
import { nodeDiskCipher } from '../../../node/crypto/nodeDiskCipher'
import { formatMessage } from '../../../shared/i18n/format'
import { Lab } from '../../../shared/lab/lab'
import { seededRandom } from '../../../shared/lab/random'
import { scenarios } from '../../../shared/scenarios'
import { strings } from '../../../renderer/src/i18n/strings'

/**
 * A word, a space, the same word: "on on", "die die". Numbers and key IDs are not words here. Case counts:
 * German's "Öffnen Sie sie" is right.
 */
const DOUBLED = /(?<![\p{L}\d-])(\p{L}{2,})\s+\1(?![\p{L}\d-])/u

describe('no doubled words', () => {
  it('in the narration of every built-in lesson, English and German', async () => {
    const found: string[] = []
    for (const s of scenarios) {
      const lab = await Lab.create({ random: seededRandom(s.script.seed ?? 1), diskCipher: nodeDiskCipher }, { seed: s.script.seed ?? 1 })
      for (const step of s.script.steps) await lab.run(step)
      for (const entry of lab.entries)
        for (const lang of ['en', 'de'] as const) {
          const text = formatMessage(entry.event.message, lang)
          const m = DOUBLED.exec(text)
          if (m) found.push(`${s.id} #${entry.event.seq} ${entry.event.message.id} (${lang}): …${text.slice(Math.max(0, m.index - 30), m.index + 40)}…`)
        }
    }
    expect(found).toEqual([])
  }, 120_000)

  it('in the window’s own strings', () => {
    const found = Object.entries(strings).flatMap(([key, s]) => (['en', 'de'] as const).filter((l) => DOUBLED.test(s[l])).map((l) => `${key} (${l}): ${s[l]}`))
    expect(found).toEqual([])
  })

  it('finds the doubling it is there for', () => {
    expect(DOUBLED.test('web-01 is powered on on esx-01')).toBe(true)
    expect(DOUBLED.test('web-01 is powered on at esx-01')).toBe(false)
    expect(DOUBLED.test('step 2 2')).toBe(false)
    expect(DOUBLED.test('Öffnen Sie sie in Ihrem Labor')).toBe(false)
  })
})
