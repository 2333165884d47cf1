// `npm test`: runs every suite of scripts/test-suites.mjs (or the ones named: `npm test -- unit e2e`), streams
// their output, then prints one line per suite and, as the very last line, "N passed, N failed" over all suites.
// Exits 1 if anything failed. A suite that crashes or reports nothing counts as a failure, never as a pass.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { suites } from './test-suites.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

const readers = {
  'vitest-json': (suite) => {
    const r = JSON.parse(readFileSync(join(root, suite.counts.file), 'utf8'))
    // A test file that cannot even load has no tests to count: count the file as one failure.
    const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length
    return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles }
  },
  'playwright-json': (suite) => {
    const r = JSON.parse(readFileSync(join(root, suite.counts.file), 'utf8'))
    const s = r.stats ?? {}
    const errors = (r.errors ?? []).length
    return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: (s.unexpected ?? 0) + errors }
  },
  'summary-line': (_suite, stdout) => {
    const m = [...stdout.matchAll(/^(\d+) passed, (\d+) failed\s*$/gm)].pop()
    if (!m) throw new Error('it printed no "N passed, N failed" line')
    return { passed: Number(m[1]), failed: Number(m[2]) }
  },
  'exit-code': (_suite, _stdout, code) => (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 })
}

let current = null
// The suites run in their own process groups (so a timeout can stop everything a suite started); pass Ctrl+C on.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) process.kill(-current.pid, 'SIGTERM')
    process.exit(130)
  })
}

function runSuite(suite) {
  return new Promise((resolve) => {
    const started = Date.now()
    if (suite.counts.file) rmSync(join(root, suite.counts.file), { force: true })
    const [bin, ...args] = suite.command
    // "node" is this very Node; other commands are paths inside the repo (node_modules/.bin/...).
    const child = spawn(bin === 'node' ? process.execPath : join(root, bin), args, {
      cwd: root,
      env: { ...process.env, ...suite.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    current = child
    let stdout = ''
    let timedOut = false
    child.stdout.on('data', (c) => {
      stdout += c
      process.stdout.write(c)
    })
    child.stderr.on('data', (c) => process.stderr.write(c))
    const timer = setTimeout(() => {
      timedOut = true
      // The suite and everything it started (browsers, hosts) form one process group.
      process.kill(-child.pid, 'SIGKILL')
    }, (suite.timeoutMin ?? 20) * 60_000)
    const done = (code, error) => {
      clearTimeout(timer)
      current = null
      resolve({ code, stdout, seconds: (Date.now() - started) / 1000, timedOut, error })
    }
    child.on('error', (e) => done(null, e))
    child.on('close', (code) => done(code, null))
  })
}

function outcome(suite, run) {
  if (run.error) return { passed: 0, failed: 1, note: `could not start: ${run.error.message}` }
  if (run.timedOut) return { passed: 0, failed: 1, note: `stopped after ${suite.timeoutMin ?? 20} min` }
  const skipped = suite.skipLine && run.code === 0 ? suite.skipLine.exec(run.stdout) : null
  if (skipped) return { passed: 0, failed: 0, note: skipped[0] }
  let counts
  try {
    counts = readers[suite.counts.kind](suite, run.stdout, run.code)
  } catch (e) {
    return { passed: 0, failed: 1, note: `no results (${e.message}); exit code ${run.code}` }
  }
  if (run.code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `exit code ${run.code} with no failed test reported` }
  return counts
}

const wanted = process.argv.slice(2)
const unknown = wanted.filter((n) => !suites.some((s) => s.name === n))
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${suites.map((s) => s.name).join(', ')}`)
  process.exit(2)
}
const selected = wanted.length ? suites.filter((s) => wanted.includes(s.name)) : suites

let buildOk = null
const rows = []
for (const suite of selected) {
  console.log(`\n━━ ${suite.name}: ${suite.command.join(' ')}`)
  if (suite.needsBuild) {
    if (buildOk === null) buildOk = spawnSync(process.execPath, [join(root, 'scripts/ensure-build.mjs')], { cwd: root, stdio: 'inherit' }).status === 0
    if (!buildOk) {
      rows.push({ name: suite.name, passed: 0, failed: 1, note: 'the app did not build (see above)', seconds: 0 })
      continue
    }
  }
  const run = await runSuite(suite)
  rows.push({ name: suite.name, seconds: run.seconds, ...outcome(suite, run) })
}

const width = Math.max(...rows.map((r) => r.name.length))
console.log('\n━━ summary')
for (const r of rows) {
  const counts = `${r.passed} passed, ${r.failed} failed`
  console.log(`${r.name.padEnd(width)}  ${counts.padEnd(22)} ${`${r.seconds.toFixed(1)} s`.padStart(8)}${r.note ? `  (${r.note})` : ''}`)
}
const passed = rows.reduce((n, r) => n + r.passed, 0)
const failed = rows.reduce((n, r) => n + r.failed, 0)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
