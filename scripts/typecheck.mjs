// The typecheck suite: one `tsc --noEmit` per project, so each layer is checked with its own platform: shared/
// with neither DOM nor Node (tsconfig.shared.json), renderer/ with DOM, node/ and electron/ with Node, and the
// whole repo (tests, bench, configs) with everything. Prints one line per project, then "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const projects = ['tsconfig.shared.json', 'tsconfig.renderer.json', 'tsconfig.node.json', 'tsconfig.json']

let failed = 0
for (const project of projects) {
  const r = spawnSync(join(root, 'node_modules/.bin/tsc'), ['--noEmit', '-p', project], { cwd: root, encoding: 'utf8' })
  const ok = r.status === 0
  if (!ok) failed++
  process.stdout.write(`${ok ? '✓' : '✗'} ${project}\n${ok ? '' : `${r.stdout}${r.stderr}${r.error ? `${r.error.message}\n` : ''}`}`)
}
process.stdout.write(`${projects.length - failed} passed, ${failed} failed\n`)
process.exit(failed > 0 ? 1 : 0)
