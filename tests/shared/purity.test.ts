// shared/ is the lab core and the contract: pure TypeScript that runs in the main process, the test host and the
// renderer alike. No Electron, DOM, React or Node imports; no wall clock and no Math.random in the lab core.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../shared')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

const sources = files(root).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }))

describe('shared/ stays pure', () => {
  it('imports nothing from Electron, React, the DOM or Node', () => {
    const bad: string[] = []
    for (const { path, text } of sources)
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g))
        if (/^(node:|electron|react|react-dom|fs$|path$|crypto$|os$|child_process|zustand|@xyflow)/.test(m[1])) bad.push(`${path}: ${m[1]}`)
    expect(bad).toEqual([])
  })

  it('uses no browser or Node globals', () => {
    // Comments and quoted strings are not code: a message key such as 'window.menu' names no global.
    const code = (text: string) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''")
        .replace(/\/\/.*$/gm, '')
    const bad = sources.filter(({ text }) => /\b(window\.|document\.|localStorage\b|process\.\w|Buffer\.)|(?<![.\w])require\(/.test(code(text)))
    expect(bad.map((s) => s.path)).toEqual([])
  })

  it('the lab core reads no wall clock and no Math.random: time and randomness come through the lab', () => {
    const core = sources.filter(({ path }) => path.startsWith('lab/') || path.startsWith('kmip/') || path.startsWith('pki/') || path.startsWith('crypto/'))
    const bad = core.filter(({ text }) => /Date\.now\(|new Date\(\)|Math\.random\(|performance\.now\(/.test(text))
    expect(bad.map((s) => s.path)).toEqual([])
  })
})
