// The facts the lab's behaviour rests on live in one place, docs/vsphere-facts.md. Tests name the fact they check
// (`vsphere-facts.md#<id>`); this keeps every such pointer aimed at a fact that exists.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const facts = readFileSync(join(root, 'docs/vsphere-facts.md'), 'utf8')
const ids = new Set([...facts.matchAll(/^### ([a-z0-9-]+)$/gm)].map((m) => m[1]))

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

describe('docs/vsphere-facts.md', () => {
  const pointers = files(join(root, 'tests')).flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/vsphere-facts\.md#([a-z0-9-]+)/g)].map((m) => ({ path, id: m[1] }))
  )

  it('has a fact for every pointer in the tests', () => {
    expect(pointers.length).toBeGreaterThan(5)
    for (const p of pointers) expect(ids.has(p.id), `${p.path} points at #${p.id}`).toBe(true)
  })

  it('gives every fact a source and lists where the lab simplifies', () => {
    const sections = facts.split(/^### /m).slice(1)
    for (const s of sections.filter((s) => ids.has(s.split('\n')[0])))
      expect(s, s.split('\n')[0]).toMatch(/\[(DOC|SEC|API|VMCRYPT|GOVMOMI|NKP)|Trace:|domain notes|vSphere Virtual Machine Administration|vSphere Resource Management/)
    expect(facts).toMatch(/^## Where the lab simplifies$/m)
  })
})
