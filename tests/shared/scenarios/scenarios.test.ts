import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeDiskCipher } from '../../../node/crypto/nodeDiskCipher'
import { Lab } from '../../../shared/lab/lab'
import { seededRandom } from '../../../shared/lab/random'
import { parseLabScript } from '../../../shared/lab/script'
import { scenarios } from '../../../shared/scenarios'

const dir = join(import.meta.dirname, '../../../shared/scenarios')

describe('built-in scenarios', () => {
  it('every script file is listed, valid, and seeded', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual(scenarios.map((s) => s.id).sort())
    for (const f of files) {
      const parsed = parseLabScript(readFileSync(join(dir, f), 'utf8'))
      expect(parsed.ok, f).toBe(true)
      if (parsed.ok) expect(parsed.script.seed).toBeTypeOf('number')
    }
  })

  it.each(scenarios.map((s) => [s.id, s] as const))('%s runs as the lesson says: only the expected steps are refused', async (_id, s) => {
    const lab = await Lab.create({ random: seededRandom(s.script.seed!), diskCipher: nodeDiskCipher }, { seed: s.script.seed! })
    for (const [i, step] of s.script.steps.entries()) await lab.run(step, { step: i })
    expect(lab.commands.filter((c) => c.fault).map((c) => c.step)).toEqual(s.refusedSteps)
    expect(lab.entries.every((e) => !e.event.text.startsWith('['))).toBe(true)
  })
})
