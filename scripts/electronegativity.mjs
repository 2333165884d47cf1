// The Electronegativity gate over the built app (out/, what ships). Electronegativity always exits 0, so this
// script reads its findings and decides: any HIGH or MEDIUM finding fails; every lower finding that stays must be in
// tests/electronegativity/allowlist.json with a reason, and an allowlist entry that no longer matches anything
// fails too (so the list stays true).
// Prints one line per check and, last, "N passed, N failed". Exit 1 on any failure.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import dns from 'node:dns'
import Module, { createRequire } from 'node:module'
import net from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const target = 'out'
const report = join(root, 'test-results/reports/electronegativity.json')
const allowlistPath = join(root, 'tests/electronegativity/allowlist.json')


const results = []
const pass = (name) => results.push({ ok: true, name })
const fail = (name, why) => results.push({ ok: false, name, why })

function finish() {
  for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.name}${r.ok ? '' : `\n    ${r.why}`}`)
  const failed = results.filter((r) => !r.ok).length
  console.log(`${results.length - failed} passed, ${failed} failed`)
  process.exit(failed > 0 ? 1 : 0)
}

if (!existsSync(join(root, 'out/main/index.js')) || !existsSync(join(root, 'out/renderer/index.html'))) {
  fail('the built app is there to scan', 'out/main/index.js or out/renderer/index.html is missing: run "npm run build" first')
  finish()
}

// Its programmatic runner, not its CSV writer: the CLI writes the CSV header and the rows with racing async writes,
// so the header can overwrite the start of the first finding.
// Electronegativity fetches translations from GitHub whenever it starts (locales/i18n.js, with `got`), and the
// tests run offline: give it a `got` that fails at once, so it uses the English strings it ships, as it does
// when that fetch fails.
function keepElectronegativityOffline() {
  const requireFromIt = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/runner.js'))
  const gotPath = requireFromIt.resolve('got')
  const offline = () => Promise.reject(new Error('offline: the test run makes no network requests'))
  offline.head = offline
  const stub = new Module(gotPath)
  stub.filename = gotPath
  stub.loaded = true
  stub.exports = Object.assign(offline, { default: offline })
  requireFromIt.cache[gotPath] = stub
}

// Any other attempt to reach the network fails the gate (the tests run offline and must stay so).
const networkAttempts = []
function refuseNetwork() {
  const refuse = (what) => {
    networkAttempts.push(what)
    throw new Error(`offline: ${what} refused`)
  }
  dns.lookup = (host) => refuse(`DNS lookup of ${host}`)
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function (...args) {
    const target = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] }
    if (target.path === undefined && !Array.isArray(args[0])) refuse(`connection to ${target.host ?? 'localhost'}:${target.port}`)
    return connect.apply(this, args)
  }
}

let findings
try {
  refuseNetwork()
  keepElectronegativityOffline()
  const { default: electronegativity } = await import('@doyensec/electronegativity/dist/runner.js')
  // AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub on every run; the tests run
  // offline, and the Electron version is pinned in package.json (upgrades are a reviewed change), so it is left out.
  const result = await electronegativity({
    input: join(root, target),
    output: null,
    isSarif: false,
    isRelative: true,
    electronVersionOverride: '45.0.0',
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck']
  })
  if (result.errors.length) throw new Error(result.errors.map((e) => `${e.file}: ${e.message}`).join('; '))
  findings = result.issues.map((i) => ({
    issue: i.id,
    severity: i.severity?.name ?? String(i.severity),
    filename: i.file,
    location: `${i.location?.line}:${i.location?.column}`,
    description: i.description,
    url: `https://github.com/doyensec/electronegativity/wiki/${i.id}`
  }))
  mkdirSync(join(root, 'test-results/reports'), { recursive: true })
  writeFileSync(report, JSON.stringify(findings, null, 2))
} catch (e) {
  fail('electronegativity ran', e.message)
  finish()
}
if (networkAttempts.length) fail('electronegativity made no network request', networkAttempts.join('; '))
else pass('electronegativity made no network request')
pass(`electronegativity scanned the built app (${findings.length} finding(s), report in test-results/reports)`)

const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8')).findings
const used = new Set()

for (const f of findings) {
  const label = `${f.issue} (${f.severity}) ${f.filename}:${f.location}`
  const entryIndex = allowlist.findIndex((a) => a.issue === f.issue && a.severity === f.severity && a.file === f.filename)
  const entry = allowlist[entryIndex]
  if (entry && typeof entry.reason === 'string' && entry.reason.trim().length >= 10) used.add(entryIndex)
  if (f.severity === 'HIGH') fail(label, `HIGH finding: ${f.description} (${f.url})`)
  else if (f.severity === 'MEDIUM') fail(label, `MEDIUM finding: ${f.description} (${f.url})`)
  else if (!entry) fail(label, `not in tests/electronegativity/allowlist.json: fix it or list it with a one-line reason (${f.description})`)
  else if (!used.has(entryIndex)) fail(label, 'its allowlist entry has no reason')
  else pass(`${label}: allowed: ${entry.reason}`)
}

allowlist.forEach((a, i) => {
  if (!used.has(i) && !findings.some((f) => f.issue === a.issue && f.severity === a.severity && f.filename === a.file)) {
    fail(`allowlist entry ${a.issue} (${a.severity}) ${a.file}`, 'matches no finding any more: remove it from the allowlist')
  }
})
finish()
