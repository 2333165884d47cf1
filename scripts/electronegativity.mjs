// The Electronegativity gate over the built app (out/, what ships). Electronegativity always exits 0, so this
// script reads its CSV and decides: any HIGH or MEDIUM finding fails, except MEDIUM review reminders listed as
// reviewed; every lower finding that stays must be in tests/electronegativity/allowlist.json with a reason, and
// an allowlist entry that no longer matches anything fails too (so the list stays true).
// Prints one line per check and, last, "N passed, N failed". Exit 1 on any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const target = 'out'
const report = join(root, 'test-results/reports/electronegativity.csv')
const allowlistPath = join(root, 'tests/electronegativity/allowlist.json')
// Checks that flag every use of a feature for a human to review (Electronegativity marks them manualReview); a
// MEDIUM one may be listed as reviewed. A HIGH finding can never be allow-listed.
const REVIEW_REMINDERS = new Set(['PRELOAD_JS_CHECK'])

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  const [header, ...body] = rows.filter((r) => r.some((f) => f.trim() !== ''))
  const names = header.map((h) => h.trim())
  return body.map((r) => Object.fromEntries(names.map((n, i) => [n, (r[i] ?? '').trim()])))
}

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

mkdirSync(join(root, 'test-results/reports'), { recursive: true })
const run = spawnSync(join(root, 'node_modules/.bin/electronegativity'), ['-i', target, '-o', report, '-e', '45.0.0', '-r', '-v', 'false'], {
  cwd: root,
  encoding: 'utf8',
  timeout: 180_000
})
if (run.status !== 0 || !existsSync(report)) {
  fail('electronegativity ran', `exit ${run.status}; ${run.stderr || run.error?.message || 'no report written'}`)
  finish()
}
pass('electronegativity scanned the built app')

const findings = parseCsv(readFileSync(report, 'utf8'))
const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8')).findings
const used = new Set()

for (const f of findings) {
  const label = `${f.issue} (${f.severity}) ${f.filename}:${f.location}`
  const entryIndex = allowlist.findIndex((a) => a.issue === f.issue && a.severity === f.severity && a.file === f.filename)
  const entry = allowlist[entryIndex]
  if (entry && typeof entry.reason === 'string' && entry.reason.trim().length >= 10) used.add(entryIndex)
  if (f.severity === 'HIGH') fail(label, `HIGH finding: ${f.description} (${f.url})`)
  else if (f.severity === 'MEDIUM' && !(entry && REVIEW_REMINDERS.has(f.issue))) fail(label, `MEDIUM finding: ${f.description} (${f.url})`)
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
