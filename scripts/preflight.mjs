// Runs first in `npm start`, `npm test`, `npm run web` and `npm run dist`, with nothing but Node itself, so they
// work as the first commands on a fresh clone: it checks the Node version, installs the packages when node_modules
// is missing or does not match package.json (`npm ci`, which works offline from npm's cache), and for `test` says
// in one line when the browser the e2e tests drive is missing. Each problem is one line saying what to do.
//   node scripts/preflight.mjs [start|test|web|dist]
import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const purpose = process.argv[2] ?? 'start'
const MIN_NODE = [20, 19]

function stop(line) {
  process.stderr.write(`${line}\n`)
  process.exit(1)
}

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
  stop(`KeyFlow Lab needs Node.js ${MIN_NODE.join('.')} or later (this is ${process.versions.node}): install a newer Node, then run the same command again.`)
}

/** The packages package.json pins that node_modules lacks or holds in another version. */
function missingPackages() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const wanted = { ...pkg.dependencies, ...pkg.devDependencies }
  return Object.entries(wanted).filter(([name, version]) => {
    const manifest = join(root, 'node_modules', name, 'package.json')
    if (!existsSync(manifest)) return true
    return JSON.parse(readFileSync(manifest, 'utf8')).version !== version
  })
}

const missing = missingPackages()
if (missing.length > 0) {
  const what = existsSync(join(root, 'node_modules')) ? `${missing.length} package(s) missing or out of date (${missing[0][0]}…)` : 'no node_modules yet'
  // A linked node_modules is shared with other checkouts: installing into it would change theirs too.
  if (existsSync(join(root, 'node_modules')) && lstatSync(join(root, 'node_modules')).isSymbolicLink()) {
    stop(`KeyFlow Lab: ${what}, and node_modules is a link shared with other checkouts: run "npm ci" where it points.`)
  }
  process.stderr.write(`KeyFlow Lab: ${what}; installing them first with "npm ci" (about a minute, works offline from npm's cache)…\n`)
  const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: ['ignore', 2, 2] })
  if (ci.status !== 0) stop(`KeyFlow Lab: "npm ci" failed (see above): fix that, then run the same command again.`)
}

if (purpose === 'test') {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) {
    process.stderr.write(
      `KeyFlow Lab: no Chromium at ${chromium}, so the e2e suite will fail: install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.\n`
    )
  }
}
