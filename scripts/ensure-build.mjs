// Builds the app (electron-vite) when out/ is missing or older than its sources; otherwise does nothing. Used by
// `npm run web` and `npm test`, so both always serve the current code. Output goes to stderr: callers' stdout
// stays theirs (the test host's first stdout line is its URL). `npm run build` also type-checks; this does not.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(root, p))
const sources = ['electron', 'renderer', 'shared', 'node', 'electron.vite.config.ts', 'package.json'].map((p) => join(root, p))

function newest(path) {
  if (!existsSync(path)) return 0
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let latest = 0
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue
    latest = Math.max(latest, newest(join(path, entry)))
  }
  return latest
}

const missing = outputs.filter((p) => !existsSync(p))
const builtAt = missing.length ? 0 : Math.min(...outputs.map((p) => statSync(p).mtimeMs))
const changedAt = Math.max(...sources.map(newest))

if (missing.length === 0 && builtAt >= changedAt) process.exit(0)
process.stderr.write(missing.length ? 'build: out/ is incomplete, building…\n' : 'build: sources changed since the last build, building…\n')
const r = spawnSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 2, 2] })
// Never exit 1 without a reason: say why the build could not run or did not finish.
if (r.error) process.stderr.write(`build: could not run electron-vite (${r.error.message}): run "npm ci" first\n`)
else if (r.status !== 0) process.stderr.write(`build: electron-vite ${r.signal ? `was stopped by ${r.signal}` : `failed (exit ${r.status}, see above)`}\n`)
process.exit(r.status ?? 1)
