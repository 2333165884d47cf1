// Issue 12, finding 13, on a machine without an Electron binary (an empty ELECTRON_OVERRIDE_DIST_PATH stands in for
// one): `npm run dist` stops at once with one line; `npm start` says so in one line and runs the lab in the
// browser instead, printing the URL; the preflight passes when node_modules matches package.json.

import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { expect, it } from 'vitest'
import { repoRoot } from '../../helpers/spawnTestHost'

const noElectron = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(join(tmpdir(), 'kf-no-electron-')) }

it('npm run dist without an Electron binary stops at once with one line', () => {
  const started = Date.now()
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dist.ts'], { cwd: repoRoot, env: noElectron, encoding: 'utf8' })
  expect(r.status).toBe(1)
  expect(Date.now() - started).toBeLessThan(15_000)
  expect(r.stderr.trim().split('\n')).toHaveLength(1)
  expect(r.stderr).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/)
})

it('the preflight passes quietly when node_modules matches package.json', () => {
  const r = spawnSync(process.execPath, ['scripts/preflight.mjs', 'start'], { cwd: repoRoot, encoding: 'utf8' })
  expect(r.status).toBe(0)
  expect(r.stderr).toBe('')
})

it('npm start without an Electron binary runs the lab in the browser and prints its URL', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', 'preview'], { cwd: repoRoot, env: noElectron, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve)
      child.once('exit', (code) => reject(new Error(`start exited (${code}): ${stderr}`)))
    })
    expect(line).toMatch(/^Open the lab in your browser: http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/)
    expect(stderr.split('\n')[0]).toMatch(/no desktop app here .*starting the lab in your browser instead/)
    const page = await fetch(line.replace('Open the lab in your browser: ', ''))
    expect(page.status).toBe(200)
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
}, 120_000)
