// `npm run web`: the lab in a plain browser. Serves the built renderer and a real LabHost over a token-guarded
// WebSocket on 127.0.0.1. The first line of stdout is the URL to open (tests read it); everything else goes to stderr.
// With --follow-along the room can watch: a read-only viewer server on 127.0.0.1 (or the --host address given), its
// URL on the second line as "viewer: URL".
//
//   tsx node/web/testHost.ts [--port N] [--seed N] [--renderer DIR] [--labs DIR] [--follow-along [--host ADDRESS]]
//
// --labs DIR: the folder where the window may save and open lab files by name (the browser has no file dialog).

import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startWebHost } from './server'
import { LOOPBACK } from './shareAddresses'
import { Sharing } from './sharing'

const usage = 'usage: tsx node/web/testHost.ts [--port N] [--seed N] [--renderer DIR] [--labs DIR] [--follow-along [--host ADDRESS]]'

function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`)
  }
  return n
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      renderer: { type: 'string' },
      labs: { type: 'string' },
      'follow-along': { type: 'boolean' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true,
    allowPositionals: false
  })
  if (values.help) {
    process.stdout.write(`${usage}\n`)
    return
  }
  const port = intOption('port', values.port, 0, 65535) ?? 0
  if (values.host !== undefined && !values['follow-along']) throw new Error('--host is the address viewers connect to: it needs --follow-along')
  const seed = intOption('seed', values.seed, 0, Number.MAX_SAFE_INTEGER)
  const rendererDir = resolve(values.renderer ?? join(import.meta.dirname, '../../out/renderer'))
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`no built renderer in ${rendererDir}: run "npm run build" first (or pass --renderer DIR)`)
  }

  // Loaded only now, so --help and argument errors answer even while the lab core is being rebuilt.
  const { LabHost } = await import('../host/labHost')
  const labFolder = values.labs === undefined ? null : resolve(values.labs)
  if (labFolder !== null && !statSync(labFolder, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--labs must name a folder (got "${values.labs}")`)
  const api = await LabHost.create({ seed: seed ?? null })
  const log = (line: string) => process.stderr.write(`${line}\n`)
  const sharing = values['follow-along'] ? new Sharing({ api, rendererDir, log }) : null
  // Sharing is checked before anything listens, so a wrong --host fails at once.
  const viewerAddress = values.host ?? LOOPBACK
  if (sharing && !sharing.status().addresses.some((a) => a.address === viewerAddress)) {
    throw new Error(`--host must be an address of this machine: one of ${sharing.status().addresses.map((a) => a.address).join(', ')} (got "${viewerAddress}")`)
  }
  const host = await startWebHost({ api: sharing ? sharing.presenterApi() : api, rendererDir, port, labFolder, log })
  process.stdout.write(`${host.url}\n`)
  if (sharing) process.stdout.write(`viewer: ${(await sharing.start(viewerAddress)).viewerUrl}\n`)
  process.stderr.write(`KeyFlow Lab test host: serving ${rendererDir}${seed !== undefined ? ` (seed ${seed})` : ''}; Ctrl+C stops it\n`)

  const stop = () => {
    void Promise.all([host.close(), sharing?.dispose()]).then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((e) => {
  process.stderr.write(`test host: ${e instanceof Error ? e.message : String(e)}\n${usage}\n`)
  process.exit(1)
})
