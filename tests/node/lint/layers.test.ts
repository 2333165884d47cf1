// Issue 9, item 4: the layer rules are enforced by the tools, shown by trying each violation. ESLint's layer and
// hooks rules on code placed (virtually) in each layer; the shared/ compiler settings on a file that reaches for
// the DOM or Node; dpdm on a real two-file cycle.

import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../../helpers/spawnTestHost'

let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot })
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true })
})

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, filePath) })
  return result.messages.map((m) => m.ruleId ?? 'fatal')
}

describe('ESLint: layers and hooks', () => {
  it.each([
    ['shared/lab/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
    ['shared/lab/x.ts', "import { readFileSync } from 'fs'\nexport const x = readFileSync"],
    ['shared/lab/x.ts', "import { x } from '../../renderer/src/reading/facts'\nexport const y = x"],
    ['shared/lab/x.ts', "import { x } from '../../node/host/labHost'\nexport const y = x"],
    ['shared/lab/x.ts', "import { useState } from 'react'\nexport const y = useState"],
    ['renderer/src/x.ts', "import { x } from '../../node/web/server'\nexport const y = x"],
    ['renderer/src/x.ts', "import { x } from '../../electron/ipc'\nexport const y = x"],
    ['renderer/src/x.ts', "import { join } from 'node:path'\nexport const y = join"],
    ['node/web/x.ts', "import { x } from '../../renderer/src/reading/facts'\nexport const y = x"],
    ['node/web/x.ts', "import { x } from '../../electron/ipc'\nexport const y = x"],
    ['electron/x.ts', "import { x } from '../renderer/src/reading/facts'\nexport const y = x"],
    // the KMIP package is used through shared/kmip (its index), not its files
    ['shared/lab/x.ts', "import { Tag } from '../kmip/tags'\nexport const y = Tag"],
    ['node/kmip/x.ts', "import { Tag } from '../../shared/kmip/tags'\nexport const y = Tag"],
    ['renderer/src/x.ts', "import { Tag } from '../../shared/kmip/tags'\nexport const y = Tag"],
    ['tests/node/x.test.ts', "import { Tag } from '../../shared/kmip/tags'\nexport const y = Tag"]
  ])('refuses in %s: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports')
  })

  it('allows what each layer may import', async () => {
    expect(await ruleIds('shared/lab/x.ts', "import { toHex } from '../crypto/bytes'\nimport { z } from 'zod'\nexport const y = [toHex, z]")).toEqual([])
    expect(await ruleIds('renderer/src/x.ts', "import { toHex } from '../../shared/crypto/bytes'\nexport const y = toHex")).toEqual([])
    expect(await ruleIds('electron/x.ts', "import { LabHost } from '../node/host/labHost'\nexport const y = LabHost")).toEqual([])
    expect(await ruleIds('node/kmip/x.ts', "import { Tag } from '../../shared/kmip'\nexport const y = Tag")).toEqual([])
    expect(await ruleIds('shared/kmip/x.ts', "import { Tag } from './tags'\nexport const y = Tag")).toEqual([])
    expect(await ruleIds('tests/shared/kmip/x.test.ts', "import { Tag } from '../../../shared/kmip/tags'\nexport const y = Tag")).toEqual([])
  })

  it('keeps one import style in shared/: one statement per module, `import type` for types only', async () => {
    expect(await ruleIds('shared/lab/x.ts', "import { toHex } from '../crypto/bytes'\nimport { fromHex } from '../crypto/bytes'\nexport const y = [toHex, fromHex]")).toContain('no-duplicate-imports')
    expect(await ruleIds('shared/lab/x.ts', "import { LabEvent } from './events'\nexport type Y = LabEvent")).toContain('@typescript-eslint/consistent-type-imports')
    expect(await ruleIds('shared/lab/x.ts', "import { type LabEvent } from './events'\nexport type Y = LabEvent")).toContain('@typescript-eslint/no-import-type-side-effects')
    expect(await ruleIds('shared/lab/x.ts', "import { say, type CommandContext } from './context'\nexport const y = say\nexport type Z = CommandContext")).toEqual([])
  })

  it('refuses a hook called conditionally, and an effect with a missing dependency', async () => {
    const conditional = "import { useState } from 'react'\nexport function C({ on }: { on: boolean }) {\n  if (on) useState(0)\n  return null\n}\n"
    expect(await ruleIds('renderer/src/x.tsx', conditional)).toContain('react-hooks/rules-of-hooks')
    const missing = "import { useEffect } from 'react'\nexport function C({ n }: { n: number }) {\n  useEffect(() => console.log(n), [])\n  return null\n}\n"
    expect(await ruleIds('renderer/src/x.tsx', missing)).toContain('react-hooks/exhaustive-deps')
  })
})

describe('the compiler: shared/ has neither DOM nor Node', () => {
  it('rejects window, document, Buffer and node:* under the shared/ settings', () => {
    // The probe lives outside shared/ (other tests scan that folder) and is compiled with shared/'s settings.
    const dir = mkdtempSync(join(repoRoot, 'test-results', 'layer-probe-'))
    try {
      writeFileSync(join(dir, 'probe.ts'), "import { readFileSync } from 'node:fs'\nexport const a = [window, document, Buffer, readFileSync]\n")
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.shared.json', include: ['probe.ts', '../../shared/platform.d.ts'] }))
      const r = spawnSync(join(repoRoot, 'node_modules/.bin/tsc'), ['--noEmit', '-p', join(dir, 'tsconfig.json')], { cwd: repoRoot, encoding: 'utf8' })
      expect(r.status).not.toBe(0)
      expect(r.stdout).toMatch(/'node:fs'/)
      for (const name of ['window', 'document', 'Buffer']) expect(r.stdout).toContain(`'${name}'`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('dpdm: import cycles', () => {
  it('finds a cycle of two modules', () => {
    const dir = mkdtempSync(join(repoRoot, 'test-results', 'cycle-'))
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b'\nexport const a = () => b\n")
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a'\nexport const b = () => a\n")
      const r = spawnSync(join(repoRoot, 'node_modules/.bin/dpdm'), ['--no-warning', '--no-tree', '--exit-code', 'circular:1', join(dir, '*.ts')], { cwd: repoRoot, encoding: 'utf8' })
      expect(r.status).toBe(1)
      expect(r.stdout).toMatch(/a\.ts.*b\.ts|b\.ts.*a\.ts/s)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
