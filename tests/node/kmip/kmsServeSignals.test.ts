// Issue 12, finding 12: `npm run lab -- kms serve` stops on SIGTERM, SIGINT or SIGHUP sent to the process the user
// started (npm), not only to the node process at the end of the chain; the port is free afterwards.

import { spawn } from 'node:child_process'
import { connect } from 'node:net'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { makeTestPki, type TestPki } from './support/pki'
import { repoRoot } from '../../helpers/spawnTestHost'

let pki: TestPki
const groups = new Set<number>()
beforeAll(() => {
  pki = makeTestPki()
})
afterAll(() => {
  for (const g of groups) {
    try {
      process.kill(-g, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  pki.dispose()
})

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => {
      s.destroy()
      resolve(true)
    })
    s.on('error', () => resolve(false))
  })
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

// SIGTERM and SIGINT go to npm alone (kill PID, a supervisor); SIGHUP to the whole group, as a closing terminal sends it.
it.each([
  ['SIGTERM', 'npm'],
  ['SIGINT', 'npm'],
  ['SIGHUP', 'group']
] as const)('npm run lab -- kms serve stops on %s to %s and frees its port', async (signal, to) => {
  const npm = spawn('npm', ['run', '--silent', 'lab', '--', 'kms', 'serve', '--pki', pki.dir, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  groups.add(npm.pid!)
  let stderr = ''
  npm.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  const line = await new Promise<string>((resolve) => createInterface({ input: npm.stdout! }).once('line', resolve))
  const port = Number(/listening on 127\.0\.0\.1:(\d+) /.exec(line)?.[1])
  expect(await portOpen(port)).toBe(true)

  const exited = new Promise<number | null>((resolve) => npm.once('close', resolve))
  // A person closes the terminal well after the server said it listens. Signalled within the same millisecond,
  // the group's SIGHUP was seen (about 1 run in 8, never with this pause) to end node before it wrote its last line
  // (not understood; kmsServe.ts installs its handlers in the same tick as that line).
  await new Promise((r) => setTimeout(r, 300))
  if (to === 'npm') npm.kill(signal)
  else process.kill(-npm.pid!, signal)
  await exited
  await expect.poll(() => groupAlive(npm.pid!), { timeout: 10_000 }).toBe(false)
  expect(await portOpen(port)).toBe(false)
  expect(stderr).toContain(`KeyFlow Lab KMS stopped (${signal})`)
}, 60_000)
