// Starts `node/web/testHost.ts` as its own process (as `npm run web` does) and reads the URL from its first line.

import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const tsx = `${repoRoot}node_modules/.bin/tsx`

export interface Exited {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the host with arguments that make it exit, and collects its output. */
export function runTestHost(args: string[]): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['node/web/testHost.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export interface RunningHost {
  url: string
  /** The first `lineCount` lines of stdout (the URL first; with --follow-along, "viewer: URL" second). */
  lines: string[]
  child: ChildProcess
  stop(): Promise<void>
}

/** Starts the host and resolves with its first stdout lines (the URL first); rejects with stderr if it exits first. */
export function startTestHost(args: string[], lineCount = 1): Promise<RunningHost> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['node/web/testHost.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
    const lines = createInterface({ input: child.stdout! })
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      })
    const got: string[] = []
    lines.on('line', (line) => {
      got.push(line)
      if (got.length === lineCount) resolve({ url: got[0], lines: got, child, stop })
    })
    child.once('exit', (code) => reject(new Error(`test host exited (${code}) before printing its URL:\n${stderr}`)))
  })
}
