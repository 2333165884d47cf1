// PyKMIP's server (Debian python3-pykmip) as a test peer, started with the kit's serve.sh in its own process group.
// It takes 9-20 s to exit after SIGTERM, so tests stop it with SIGKILL to the whole group (it keeps no state we
// need). A missing PyKMIP is a failure, not a skip: CI installs it.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from 'node:tls'
import { PYKMIP_FIXTURES, type TestPki } from './pki'

export const PYTHON = '/usr/bin/python3'
export const PYKMIP_SERVER = '/usr/bin/pykmip-server'

export function requirePykmip(): void {
  if (!existsSync(PYKMIP_SERVER) || !existsSync(PYTHON)) {
    throw new Error(`PyKMIP is not installed (${PYKMIP_SERVER}): apt-get install -y python3-pykmip`)
  }
}

/** A port nobody listens on right now (bind to 0, read it, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port
      probe.close(() => resolve(port))
    })
  })
}

export interface PykmipServer {
  port: number
  pid: number
  /** SIGKILL to the server's process group (the server and its helper processes); removes its work directory. */
  kill(): void
}

function answersTls(pki: TestPki, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, ...pki.client(), servername: 'localhost' })
    const done = (ok: boolean): void => {
      socket.destroy()
      resolve(ok)
    }
    socket.once('secureConnect', () => done(true))
    socket.once('error', () => done(false))
    socket.setTimeout(2_000, () => done(false))
  })
}

export async function startPykmip(pki: TestPki, readyWithinMs = 30_000): Promise<PykmipServer> {
  requirePykmip()
  const port = await freePort()
  const work = mkdtempSync(join(tmpdir(), 'kflab-pykmip-'))
  const pid = Number(execFileSync('sh', [join(PYKMIP_FIXTURES, 'serve.sh'), pki.dir, String(port), work], { encoding: 'utf8' }).trim())
  const server: PykmipServer = {
    port,
    pid,
    kill: () => {
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {
        // already gone
      }
      rmSync(work, { recursive: true, force: true })
    }
  }
  const deadline = Date.now() + readyWithinMs
  while (Date.now() < deadline) {
    if (await answersTls(pki, port)) return server
    await new Promise((r) => setTimeout(r, 200))
  }
  const log = (name: string): string => {
    try {
      return readFileSync(join(work, 'log', name), 'utf8').slice(-2_000)
    } catch {
      return '(none)'
    }
  }
  const why = `stdout: ${log(`stdout-${port}.log`)}\nserver log: ${log(`server-${port}.log`)}`
  server.kill()
  throw new Error(`PyKMIP's server did not accept TLS on port ${port} within ${readyWithinMs} ms\n${why}`)
}
