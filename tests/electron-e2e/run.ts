// Runs the desktop e2e suite when this machine can start Electron; otherwise prints exactly one line,
// "electron e2e skipped: <why>", and exits 0 (the test runner counts it as skipped, not passed).

import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { probeElectron } from '../../scripts/electronBinary'

const probe = probeElectron({ needDisplay: true })
if (!probe.ok) {
  process.stdout.write(`electron e2e skipped: ${probe.reason}\n`)
  process.exit(0)
}
const root = fileURLToPath(new URL('../../', import.meta.url))
const r = spawnSync(`${root}node_modules/.bin/playwright`, ['test', '-c', 'playwright.electron.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, KEYFLOW_ELECTRON_PATH: probe.path }
})
process.exit(r.status ?? 1)
